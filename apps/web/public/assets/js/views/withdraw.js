// Withdraw a journey, after a clear confirmation.
import { api, errorText, newIdempotencyKey, withQuery } from '../api.js';
import { errorSummary, showApiError, whileSending } from '../forms.js';
import { h, pageHeading } from '../dom.js';
import { lang, t } from '../i18n.js';

export async function render(ctx) {
  const id = ctx.params.journey;
  const back = `/journeys/${encodeURIComponent(id)}`;
  const view = await api(withQuery(`/api/journeys/${encodeURIComponent(id)}`, { lang: lang() }), {
    signal: ctx.signal,
  });
  if (view.status !== 'active') {
    ctx.navigate(back, { replace: true, flash: { key: 'errors.notActive', kind: 'warning' } });
    return;
  }
  const summary = errorSummary();
  const reason = h('textarea', {
    id: 'reason',
    name: 'reason',
    class: 'textarea',
    rows: 3,
    maxlength: 500,
    'aria-describedby': 'reason-hint',
  });
  const idempotencyKey = newIdempotencyKey();
  const confirm = h('button', { type: 'submit', class: 'button button--danger' }, t('withdraw.confirm'));
  const form = h(
    'form',
    {
      class: 'form',
      novalidate: true,
      on: {
        submit: async (event) => {
          event.preventDefault();
          const text = reason.value.trim();
          try {
            await whileSending(confirm, () =>
              api(`/api/journeys/${encodeURIComponent(id)}/withdraw`, {
                method: 'POST',
                body: text ? { reason: text } : {},
                idempotencyKey,
                signal: ctx.signal,
              }),
            );
            ctx.navigate(back, { flash: { key: 'withdraw.done' } });
          } catch (error) {
            if (error?.name === 'AbortError') return;
            showApiError([], summary, error, errorText(error));
          }
        },
      },
    },
    summary.element,
    h(
      'div',
      { class: 'field' },
      h('label', { class: 'label', for: 'reason' }, t('withdraw.reasonLabel')),
      h('p', { class: 'hint', id: 'reason-hint' }, t('withdraw.reasonHint')),
      reason,
    ),
    h(
      'div',
      { class: 'button-row' },
      confirm,
      h('a', { href: back, class: 'button button--secondary' }, t('withdraw.cancel')),
    ),
  );
  ctx.setTitle(t('withdraw.title'));
  ctx.mount(
    pageHeading(t('withdraw.title')),
    h('p', { class: 'lead' }, view.lifeEvent.title),
    h('div', { class: 'notice notice--warning' }, h('p', {}, t('withdraw.intro'))),
    form,
  );
}
