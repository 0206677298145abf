// Who used my data: every read of the person's data for this journey (vault reads by staff and by Passage), and
// every time data was passed on to a service, with when and why.
import { api, withQuery } from '../api.js';
import { h, pageHeading } from '../dom.js';
import { formatDateTime, isoDate, lang, t } from '../i18n.js';

export async function render(ctx) {
  const id = ctx.params.journey;
  const base = `/api/journeys/${encodeURIComponent(id)}`;
  const [view, log] = await Promise.all([
    api(withQuery(base, { lang: lang() }), { signal: ctx.signal }),
    api(`${base}/access-log`, { signal: ctx.signal }),
  ]);
  const { definition } = await api(
    withQuery(`/api/life-events/${encodeURIComponent(view.lifeEvent.id)}/versions/${view.lifeEvent.version}`, {
      lang: lang(),
    }),
    { signal: ctx.signal },
  );
  const label = (item) => definition.dataItems[item]?.label?.[lang()] ?? item;
  const stepOf = (stepId) => view.steps.find((s) => s.id === stepId);

  const who = (entry) => {
    const step = stepOf(entry.stepId);
    switch (entry.accessorRole) {
      case 'agency':
        return step
          ? t('accessLog.staffOf', { agency: step.agency.name })
          : t('accessLog.staff', { id: entry.accessor });
      case 'system':
        return t('accessLog.system');
      case 'citizen':
        return t('accessLog.you');
      case 'intermediary':
        return t('accessLog.intermediary', { id: entry.accessor });
      case 'counter':
        // A clerk's action: at which agency, on which channel, under which proof of the citizen's presence.
        return entry.counter
          ? `${t('accessLog.counter', { id: entry.accessor })}, ${entry.counter.agency} (${entry.counter.channel}, ${entry.counter.proof})`
          : t('accessLog.counter', { id: entry.accessor });
      default:
        return entry.accessor;
    }
  };
  const why = (entry) => {
    const step = stepOf(entry.stepId);
    if (step) return t('accessLog.forStep', { step: step.title });
    if (entry.accessorRole === 'system' && /^reused at the start/.test(entry.purpose))
      return t('accessLog.reusedAtStart');
    return t('accessLog.other');
  };

  // One row per read (same moment, same reader, same reason), listing all data items read together.
  const rows = new Map();
  for (const entry of log) {
    const key = [entry.at.slice(0, 19), entry.accessor, entry.accessorRole, entry.stepId ?? '', entry.purpose].join(
      '|',
    );
    const row = rows.get(key) ?? { at: entry.at, who: who(entry), why: why(entry), items: [] };
    row.items.push(entry.item ? label(entry.item) : entry.purpose);
    rows.set(key, row);
  }
  for (const event of view.events.filter((e) => e.type === 'data-shared' && e.items?.length)) {
    const step = stepOf(event.stepId);
    rows.set(`shared|${event.n}`, {
      at: event.at,
      who: t('accessLog.service', { agency: step?.agency.name ?? event.agency ?? '' }),
      why: t('accessLog.sharedForStep', { step: step?.title ?? event.stepId ?? '' }),
      items: event.items.map(label),
    });
  }
  const sorted = [...rows.values()].sort((a, b) => a.at.localeCompare(b.at));

  ctx.setTitle(t('accessLog.title'));
  ctx.mount(
    h('p', { class: 'back' }, h('a', { href: `/journeys/${encodeURIComponent(id)}` }, t('accessLog.back'))),
    pageHeading(t('accessLog.title')),
    h('p', { class: 'lead' }, view.lifeEvent.title),
    h('p', {}, t('accessLog.intro')),
    sorted.length === 0
      ? h('p', { class: 'empty' }, t('accessLog.empty'))
      : h(
          'div',
          { class: 'table-wrap', role: 'region', 'aria-labelledby': 'access-caption', tabindex: '0' },
          h(
            'table',
            { class: 'table' },
            h('caption', { id: 'access-caption' }, t('accessLog.caption')),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                [t('accessLog.when'), t('accessLog.who'), t('accessLog.what'), t('accessLog.why')].map((text) =>
                  h('th', { scope: 'col' }, text),
                ),
              ),
            ),
            h(
              'tbody',
              {},
              sorted.map((row) =>
                h(
                  'tr',
                  {},
                  h('td', { class: 'nowrap' }, h('time', { datetime: isoDate(row.at) }, formatDateTime(row.at))),
                  h('td', {}, row.who),
                  h(
                    'td',
                    {},
                    row.items.length === 1
                      ? row.items[0]
                      : h(
                          'ul',
                          { class: 'plain-list' },
                          row.items.map((item) => h('li', {}, item)),
                        ),
                  ),
                  h('td', {}, row.why),
                ),
              ),
            ),
          ),
        ),
  );
}
