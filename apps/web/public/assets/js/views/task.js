// One task of the agency's inbox: the data the step needs (each read is logged for the citizen), its legal
// deadline, and the decision: approve with the outputs, refuse with a reason, or ask the citizen for more.
import { api, errorText, newIdempotencyKey, withQuery } from '../api.js';
import { titlesFor } from '../catalogue.js';
import { collect, dataItemField, errorSummary, showApiError, whileSending } from '../forms.js';
import { h, pageHeading } from '../dom.js';
import { formatDate, isoDate, lang, t, valueLabel } from '../i18n.js';
import { claims } from '../session.js';

export async function render(ctx) {
  const id = ctx.params.task;
  const base = `/api/agency/tasks/${encodeURIComponent(id)}`;
  const task = await api(withQuery(base, { lang: lang() }), { signal: ctx.signal });
  const { lifeEvent } = await titlesFor(task.lifeEvent, task.stepId, ctx.signal);
  const me = claims()?.sub;
  const open = task.status === 'open' || task.status === 'awaiting-subject';

  const display = (value) => {
    if (value === undefined || value === null || value === '') return h('span', { class: 'muted' }, t('task.notGiven'));
    if (typeof value === 'boolean') return value ? t('task.yes') : t('task.no');
    return valueLabel(value) === value
      ? String(value)
      : h('span', {}, valueLabel(value), ' ', h('span', { class: 'muted' }, `(${value})`));
  };

  const claim =
    open && task.assignee !== me
      ? h(
          'button',
          {
            type: 'button',
            class: 'button button--secondary',
            on: {
              click: async (event) => {
                await whileSending(event.currentTarget, () =>
                  api(`${base}/claim`, { method: 'POST', signal: ctx.signal }),
                );
                ctx.navigate(`/agency/tasks/${encodeURIComponent(id)}`, {
                  replace: true,
                  flash: { key: 'task.claimed' },
                });
              },
            },
          },
          t('task.claim'),
        )
      : null;

  ctx.setTitle(task.title);
  ctx.mount(
    h('p', { class: 'back' }, h('a', { href: '/agency/tasks' }, t('task.back'))),
    pageHeading(task.title),
    h('p', { class: 'lead' }, lifeEvent),
    task.description ? h('p', {}, task.description) : null,
    h(
      'ul',
      { class: 'facts' },
      h('li', {}, t('task.status', { status: t(`inbox.statuses.${task.status}`) })),
      h(
        'li',
        {},
        task.dueAt
          ? h('time', { datetime: isoDate(task.dueAt) }, t('task.due', { date: formatDate(task.dueAt) }))
          : t('task.noDue'),
      ),
      task.overdue
        ? h(
            'li',
            { class: 'warning' },
            h('span', { class: 'warning-icon', 'aria-hidden': 'true' }, '!'),
            t('inbox.overdue'),
          )
        : null,
      h(
        'li',
        {},
        h('time', { datetime: isoDate(task.createdAt) }, t('task.received', { date: formatDate(task.createdAt) })),
      ),
      task.assignee ? h('li', {}, t('task.assignee', { who: task.assignee })) : null,
    ),
    claim ? h('p', {}, claim) : null,
    h(
      'section',
      { class: 'section', 'aria-labelledby': 'data-title' },
      h('h2', { id: 'data-title' }, t('task.dataTitle')),
      h('p', { class: 'hint' }, t('task.dataIntro')),
      h(
        'dl',
        { class: 'data-list' },
        task.items.map((item) => [h('dt', {}, item.label), h('dd', {}, display(item.value))]),
      ),
    ),
    open
      ? decisionSection(ctx, task, base)
      : h(
          'p',
          { class: 'notice notice--info' },
          t('task.closed', { status: t(`inbox.statuses.${task.status}`).toLowerCase() }),
        ),
  );
}

function decisionSection(ctx, task, base) {
  const done = (key) => ctx.navigate('/agency/tasks', { flash: { key } });

  // Approve, with what the step produces.
  const approveSummary = errorSummary();
  const outputs = task.produces.map((p) => dataItemField(p, { prefix: 'out' }));
  const approveKey = newIdempotencyKey();
  const approveButton = h('button', { type: 'submit', class: 'button' }, t('task.approve'));
  const approve = h(
    'form',
    {
      class: 'form',
      novalidate: true,
      'aria-labelledby': 'approve-title',
      on: {
        submit: async (event) => {
          event.preventDefault();
          const values = collect(outputs, approveSummary);
          if (!values) return;
          try {
            await whileSending(approveButton, () =>
              api(`${base}/decision`, {
                method: 'POST',
                body: { outcome: 'approved', outputs: values },
                idempotencyKey: approveKey,
                signal: ctx.signal,
              }),
            );
            done('task.decided');
          } catch (error) {
            if (error?.name === 'AbortError') return;
            showApiError(outputs, approveSummary, error, errorText(error));
          }
        },
      },
    },
    h('h3', { id: 'approve-title' }, t('task.approveTitle')),
    outputs.length > 0 ? h('p', {}, t('task.approveIntro')) : null,
    approveSummary.element,
    outputs.map((f) => f.element),
    approveButton,
  );

  // Refuse, with a reason the citizen reads.
  const rejectSummary = errorSummary();
  const reason = dataItemField(
    { item: 'reason', label: t('task.reasonLabel'), type: 'string', multiline: true },
    { prefix: 'reject', hint: t('task.reasonHint') },
  );
  const rejectKey = newIdempotencyKey();
  const rejectButton = h('button', { type: 'submit', class: 'button button--danger' }, t('task.reject'));
  const reject = h(
    'form',
    {
      class: 'form',
      novalidate: true,
      'aria-labelledby': 'reject-title',
      on: {
        submit: async (event) => {
          event.preventDefault();
          const values = collect([reason], rejectSummary);
          if (!values) return;
          try {
            await whileSending(rejectButton, () =>
              api(`${base}/decision`, {
                method: 'POST',
                body: { outcome: 'rejected', reason: values.reason },
                idempotencyKey: rejectKey,
                signal: ctx.signal,
              }),
            );
            done('task.decided');
          } catch (error) {
            if (error?.name === 'AbortError') return;
            showApiError([reason], rejectSummary, error, errorText(error));
          }
        },
      },
    },
    h('h3', { id: 'reject-title' }, t('task.rejectTitle')),
    rejectSummary.element,
    reason.element,
    rejectButton,
  );

  // Ask the citizen again for some of the data (suspends the legal deadline).
  const infoSummary = errorSummary();
  const boxes = task.items.map((item, index) => {
    const boxId = `info-${index}`;
    const input = h('input', { type: 'checkbox', id: boxId, name: 'items', value: item.item, class: 'checkbox' });
    return {
      input,
      row: h('div', { class: 'choice choice--checkbox' }, input, h('label', { for: boxId }, item.label)),
    };
  });
  const infoError = h('p', { class: 'field-error', id: 'info-error', hidden: true });
  const infoFieldset = h(
    'fieldset',
    { class: 'field' },
    h('legend', { class: 'legend' }, t('task.infoItems')),
    infoError,
    h(
      'div',
      { class: 'choices' },
      boxes.map((b) => b.row),
    ),
  );
  const infoKey = newIdempotencyKey();
  const infoButton = h('button', { type: 'submit', class: 'button button--secondary' }, t('task.requestInfo'));
  const info = h(
    'form',
    {
      class: 'form',
      novalidate: true,
      'aria-labelledby': 'info-title',
      on: {
        submit: async (event) => {
          event.preventDefault();
          const items = boxes.filter((b) => b.input.checked).map((b) => b.input.value);
          if (items.length === 0) {
            infoError.replaceChildren(
              h('span', { class: 'visually-hidden' }, `${t('form.errorPrefix')} `),
              t('task.errPickOne'),
            );
            infoError.hidden = false;
            infoFieldset.classList.add('field--error');
            infoFieldset.setAttribute('aria-describedby', 'info-error');
            infoSummary.show([{ message: t('task.errPickOne'), target: boxes[0]?.input }]);
            return;
          }
          try {
            await whileSending(infoButton, () =>
              api(`${base}/request-info`, {
                method: 'POST',
                body: { items },
                idempotencyKey: infoKey,
                signal: ctx.signal,
              }),
            );
            done('task.infoRequested');
          } catch (error) {
            if (error?.name === 'AbortError') return;
            showApiError([], infoSummary, error, errorText(error));
          }
        },
      },
    },
    h('h3', { id: 'info-title' }, t('task.infoTitle')),
    h('p', { class: 'hint' }, t('task.infoIntro')),
    infoSummary.element,
    infoFieldset,
    infoButton,
  );

  return h(
    'section',
    { class: 'section decide', 'aria-labelledby': 'decide-title' },
    h('h2', { id: 'decide-title' }, t('task.decideTitle')),
    h('div', { class: 'decide-grid' }, h('div', { class: 'panel' }, approve), h('div', { class: 'panel' }, reject)),
    task.items.length > 0 ? h('div', { class: 'panel' }, info) : null,
  );
}
