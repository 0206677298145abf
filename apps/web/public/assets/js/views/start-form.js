// The start form of one life event, generated from its intake items (authentic-source items are never asked).
import { api, errorText, newIdempotencyKey, withQuery } from '../api.js';
import { dataItemField, collect, errorSummary, showApiError, whileSending } from '../forms.js';
import { h, pageHeading } from '../dom.js';
import { has, lang, t } from '../i18n.js';
import { roles } from '../session.js';

export async function render(ctx) {
  const id = ctx.params.lifeEvent;
  const entry = await api(withQuery(`/api/life-events/${encodeURIComponent(id)}`, { lang: lang() }), {
    signal: ctx.signal,
  });
  const { definition } = await api(
    withQuery(`/api/life-events/${encodeURIComponent(id)}/versions/${entry.latestVersion}`, { lang: lang() }),
    { signal: ctx.signal },
  );
  const language = lang();
  const labelOf = (item) => definition.dataItems[item]?.label?.[language] ?? item;

  const asked = definition.intake.filter((item) => !definition.dataItems[item]?.authenticSource);
  const fromSources = new Map();
  for (const [item, spec] of Object.entries(definition.dataItems)) {
    if (!spec.authenticSource) continue;
    fromSources.set(spec.authenticSource, [...(fromSources.get(spec.authenticSource) ?? []), item]);
  }

  const forSomeoneElse = roles().includes('intermediary') && !roles().includes('citizen');
  const subjectField = forSomeoneElse
    ? dataItemField(
        { item: 'subject', label: t('start.subjectLabel'), type: 'string' },
        { prefix: 'start', hint: t('start.subjectHint') },
      )
    : null;
  const fields = asked.map((item) => {
    const spec = definition.dataItems[item] ?? { type: 'string' };
    return dataItemField({ item, label: labelOf(item), type: spec.type, values: spec.values }, { prefix: 'intake' });
  });
  const summary = errorSummary();
  const idempotencyKey = newIdempotencyKey();
  const submit = h('button', { type: 'submit', class: 'button' }, t('start.submit'));

  const form = h(
    'form',
    {
      class: 'form',
      novalidate: true,
      on: {
        submit: async (event) => {
          event.preventDefault();
          const all = subjectField ? [subjectField, ...fields] : fields;
          const values = collect(all, summary);
          if (!values) return;
          const { subject, ...intake } = values;
          try {
            const started = await whileSending(submit, () =>
              api('/api/journeys', {
                method: 'POST',
                body: { lifeEvent: id, intake, language, ...(subject ? { subject } : {}) },
                idempotencyKey,
                signal: ctx.signal,
              }),
            );
            ctx.navigate(`/journeys/${encodeURIComponent(started.id)}`, { flash: { key: 'start.started' } });
          } catch (error) {
            if (error?.name === 'AbortError') return;
            showApiError(all, summary, error, errorText(error));
          }
        },
      },
    },
    summary.element,
    subjectField?.element,
    fields.map((field) => field.element),
    submit,
  );

  const sourceNotes = [...fromSources.entries()].map(([source, items]) =>
    h(
      'div',
      { class: 'notice notice--info' },
      h(
        'p',
        {},
        t('start.fromSource', {
          source: has(`start.sources.${source}`) ? t(`start.sources.${source}`) : t('start.otherSource'),
        }),
      ),
      h(
        'ul',
        {},
        items.map((item) => h('li', {}, labelOf(item))),
      ),
    ),
  );

  ctx.setTitle(entry.title);
  ctx.mount(
    h('p', { class: 'back' }, h('a', { href: '/start' }, t('start.back'))),
    pageHeading(entry.title),
    h('p', { class: 'lead' }, entry.summary),
    h('p', {}, t('start.formIntro')),
    sourceNotes,
    form,
  );
}
