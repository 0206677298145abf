// The combined timeline of one journey: every step in order with its agency and level, status in words, legal
// deadline and expected date, what is asked now (as a form), what was reused, and live updates.
import { api, errorText, newIdempotencyKey, withQuery } from '../api.js';
import { collect, dataItemField, errorSummary, showApiError, whileSending } from '../forms.js';
import { h, pageHeading, replace } from '../dom.js';
import { formatDate, isoDate, lang, t } from '../i18n.js';
import { followEvents } from '../sse.js';
import { journeyBadge, stepBadge, stepIcon, stepKind } from '../status.js';

const REFRESH_DEBOUNCE_MS = 120;
const FINAL_EVENTS = new Set(['journey-completed', 'journey-rejected', 'journey-withdrawn', 'journey-failed']);

export async function render(ctx) {
  const id = ctx.params.journey;
  const path = `/api/journeys/${encodeURIComponent(id)}`;
  const load = () => api(withQuery(path, { lang: lang() }), { signal: ctx.signal });
  let view = await load();

  const statusLine = h('div', { class: 'journey-status' });
  const facts = h('ul', { class: 'facts' });
  const done = h('div', {});
  const feedback = h('div', { class: 'feedback-slot' });
  const askedSlot = h('div', {});
  const stepsIntro = h('p', {});
  const steps = h('ol', { class: 'timeline', id: 'steps' });
  const notNeeded = h('div', {});
  const stepsSection = h(
    'section',
    { 'aria-labelledby': 'steps-title', class: 'section', id: 'steps-section' },
    h('h2', { id: 'steps-title' }, t('timeline.stepsTitle')),
    stepsIntro,
    steps,
    notNeeded,
  );
  const live = h('p', { class: 'live', id: 'live-state' });
  const actions = h('ul', { class: 'actions' });
  let askedSignature = null;
  const rendered = new Map();
  let renderedIds = null;
  const keyed = (step, isOpen) => {
    const node = stepItem(step, isOpen);
    rendered.set(step.id, { json: JSON.stringify(step), node });
    return node;
  };

  const renderSummary = () => {
    replace(
      statusLine,
      h('span', { class: 'label-inline' }, t('timeline.statusLabel')),
      ' ',
      journeyBadge(view.status),
    );
    replace(
      facts,
      h('li', {}, t('timeline.started', { date: formatDate(view.startedAt) })),
      view.finishedAt ? h('li', {}, t('timeline.finished', { date: formatDate(view.finishedAt) })) : null,
      !view.finishedAt && view.expectedAt
        ? h('li', {}, t('timeline.expected', { date: formatDate(view.expectedAt) }))
        : null,
    );
    // Never "everything is done" next to a refusal: the standing says what happened and what may still be done.
    const refused = view.standing?.kind === 'refused';
    replace(
      done,
      refused ? refusalNotice(view, id, ctx, () => refresh(0)) : null,
      !refused && view.status === 'completed'
        ? h('p', { class: 'notice notice--success' }, t('timeline.completed'))
        : null,
    );
    replace(
      actions,
      h('li', {}, h('a', { href: `/journeys/${encodeURIComponent(id)}/access-log` }, t('timeline.accessLog'))),
      view.status === 'active'
        ? h(
            'li',
            {},
            h(
              'a',
              { href: `/journeys/${encodeURIComponent(id)}/withdraw`, class: 'link-danger' },
              t('timeline.withdraw'),
            ),
          )
        : null,
    );
  };

  const renderAsked = () => {
    const signature = JSON.stringify(view.asked.map((a) => [a.stepId, a.item]));
    if (signature === askedSignature) return;
    askedSignature = signature;
    const hadFocus = askedSlot.contains(document.activeElement);
    if (view.asked.length === 0 || view.status !== 'active') {
      replace(askedSlot);
      if (hadFocus) feedback.querySelector('[tabindex]')?.focus();
      return;
    }
    if (!feedback.contains(document.activeElement)) replace(feedback);
    replace(askedSlot, askedSection(view, id, feedback, ctx));
  };

  const renderSteps = () => {
    const open = new Set([...stepsSection.querySelectorAll('details[open]')].map((d) => d.dataset.step));
    const focused = document.activeElement?.closest?.('#steps-section details')?.dataset.step;
    const applicable = view.steps.filter((s) => s.status !== 'skipped');
    const skipped = view.steps.filter((s) => s.status === 'skipped');
    const finished = applicable.filter((s) => s.status === 'completed').length;
    replace(stepsIntro, t('timeline.stepsIntro', { done: finished, total: applicable.length }));
    // Only the steps that changed are rebuilt, so a screen reader's place in the list survives a live update.
    const ids = applicable.map((step) => step.id).join('|');
    if (ids !== renderedIds) {
      rendered.clear();
      replace(
        steps,
        applicable.map((step) => keyed(step, open.has(step.id))),
      );
      renderedIds = ids;
    } else {
      for (const step of applicable) {
        const json = JSON.stringify(step);
        const previous = rendered.get(step.id);
        if (previous?.json === json) continue;
        const next = keyed(step, open.has(step.id));
        previous?.node.replaceWith(next);
      }
    }
    replace(
      notNeeded,
      skipped.length === 0
        ? null
        : h(
            'details',
            { class: 'not-needed', 'data-step': '__skipped', open: open.has('__skipped') },
            h('summary', {}, t('timeline.notNeeded', { count: skipped.length })),
            h('p', { class: 'hint' }, t('timeline.notNeededIntro')),
            h(
              'ul',
              { class: 'not-needed-list' },
              skipped.map((step) =>
                h(
                  'li',
                  {},
                  h('span', { class: 'not-needed-title' }, step.title),
                  ' – ',
                  t('timeline.agency', { name: step.agency.name, level: t(`level.${step.agency.level}`) }),
                ),
              ),
            ),
          ),
    );
    if (focused) stepsSection.querySelector(`details[data-step="${CSS.escape(focused)}"] summary`)?.focus();
  };

  const renderAll = () => {
    renderSummary();
    renderAsked();
    renderSteps();
  };

  renderAll();
  ctx.setTitle(view.lifeEvent.title);
  ctx.mount(
    h('p', { class: 'back' }, h('a', { href: '/journeys' }, t('nav.journeys'))),
    pageHeading(view.lifeEvent.title),
    statusLine,
    facts,
    done,
    live,
    feedback,
    askedSlot,
    stepsSection,
    h('nav', { 'aria-label': view.lifeEvent.title, class: 'journey-actions' }, actions),
  );

  if (view.status !== 'active') return;

  const stream = new AbortController();
  ctx.signal.addEventListener('abort', () => stream.abort(), { once: true });

  // Live updates: on each event, fetch the timeline again and update the page in place, announcing what changed.
  // The timeline's parts are not read in one snapshot, so a read can show an event before the row it changed:
  // when the journey's last event is final but its status is not yet, read again shortly.
  let timer = null;
  let settling = 0;
  const refresh = (delay = REFRESH_DEBOUNCE_MS) => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      try {
        const before = view;
        view = await load();
        renderAll();
        const changes = describeChanges(before, view);
        if (changes.length > 0) ctx.announce(changes.join('. '));
        if (view.status !== 'active') {
          stream.abort();
          replace(live);
        }
        const ended = view.events.some((event) => FINAL_EVENTS.has(event.type));
        if (ended && view.status === 'active' && settling < 20) {
          settling += 1;
          refresh(300);
        }
      } catch {
        // the next event or reconnect tries again
      }
    }, delay);
  };
  const lastEventId = view.events.length > 0 ? view.events[view.events.length - 1].n : undefined;
  replace(live, t('timeline.live'));
  followEvents(`${path}/events`, {
    lastEventId,
    signal: stream.signal,
    onEvent: () => refresh(),
    onState: (state) => {
      // Connected: read once more, for whatever changed between the first read and the subscription.
      if (state === 'live') refresh();
      if (state === 'off') replace(live, t('timeline.liveOff'));
      if (state === 'ended') {
        replace(live);
        refresh();
      }
    },
  });
}

/** What changed, in words: "Registration in the CBE: Done". */
function describeChanges(before, after) {
  const previous = new Map(before.steps.map((s) => [s.id, s.status]));
  const changes = after.steps
    .filter((s) => previous.get(s.id) !== s.status && s.status !== 'skipped')
    .map((s) => t('timeline.liveStep', { step: s.title, status: t(`stepStatus.${s.status}`) }));
  if (before.asked.length === 0 && after.asked.length > 0) changes.push(t('timeline.askedTitle'));
  if (before.status !== after.status)
    changes.push(t('timeline.liveJourney', { status: t(`journeyStatus.${after.status}`) }));
  return changes;
}

function stepItem(step, open) {
  const kind = stepKind(step.status);
  return h(
    'li',
    { class: `step step--${kind}` },
    h('span', { class: 'step-marker', 'aria-hidden': 'true' }, stepIcon(step.status)),
    h(
      'div',
      { class: 'step-body' },
      h('h3', { class: 'step-title' }, step.title),
      h(
        'p',
        { class: 'step-agency' },
        t('timeline.agency', { name: step.agency.name, level: t(`level.${step.agency.level}`) }),
        h('span', { class: 'step-mode' }, ` · ${t(`mode.${step.mode}`)}`),
      ),
      h('p', { class: 'step-status' }, stepBadge(step.status)),
      dates(step),
      step.overdue
        ? h(
            'p',
            { class: 'warning' },
            h('span', { class: 'warning-icon', 'aria-hidden': 'true' }, '!'),
            t('timeline.overdue'),
          )
        : null,
      step.reason && kind === 'problem'
        ? h('p', { class: 'step-reason' }, t('timeline.reason', { reason: step.reason }))
        : null,
      step.reused.length > 0
        ? h(
            'div',
            { class: 'reused' },
            h('p', {}, t('timeline.reused')),
            h(
              'ul',
              {},
              step.reused.map((r) => h('li', {}, r.label)),
            ),
          )
        : null,
      step.description
        ? h(
            'details',
            { class: 'step-more', 'data-step': step.id, open },
            h('summary', {}, h('span', { class: 'visually-hidden' }, `${step.title}: `), t('timeline.more')),
            h('p', {}, step.description),
          )
        : null,
    ),
  );
}

function dates(step) {
  const items = [];
  if (step.finishedAt && step.status === 'completed')
    items.push(h('li', {}, time(step.finishedAt, t('timeline.finishedStep', { date: formatDate(step.finishedAt) }))));
  else {
    if (step.dueAt) {
      const kind = step.term?.kind;
      const key =
        kind === 'authority-decision'
          ? 'dueAuthority'
          : kind === 'citizen-deadline'
            ? 'dueCitizen'
            : kind === 'observed' || kind === 'estimate'
              ? 'dueObserved'
              : 'due';
      items.push(h('li', {}, time(step.dueAt, t(`timeline.${key}`, { date: formatDate(step.dueAt) }))));
      if (kind === 'authority-decision' && step.term.onExpiry === 'tacit-approval')
        items.push(h('li', { class: 'muted' }, t('timeline.tacitApproval')));
      if (kind === 'authority-decision' && step.term.onExpiry === 'tacit-refusal')
        items.push(h('li', { class: 'muted' }, t('timeline.tacitRefusal')));
    }
    if (step.expectedAt && !['skipped', 'cancelled', 'rejected'].includes(step.status))
      items.push(h('li', {}, time(step.expectedAt, t('timeline.expectedStep', { date: formatDate(step.expectedAt) }))));
  }
  return items.length > 0 ? h('ul', { class: 'step-dates' }, items) : null;
}

function time(iso, text) {
  return h('time', { datetime: isoDate(iso) }, text);
}

/** "What we need from you now": one form for everything asked, grouped by the step that asks it. */
function askedSection(view, journeyId, feedback, ctx) {
  const summary = errorSummary();
  const byStep = new Map();
  for (const asked of view.asked) byStep.set(asked.stepId, [...(byStep.get(asked.stepId) ?? []), asked]);
  const fields = [];
  const groups = [...byStep.entries()].map(([stepId, items]) => {
    const step = view.steps.find((s) => s.id === stepId);
    const groupFields = items.map((asked) => dataItemField(asked, { prefix: `ask-${stepId}` }));
    fields.push(...groupFields);
    return h(
      'div',
      { class: 'asked-group' },
      h(
        'p',
        { class: 'asked-for' },
        t('timeline.askedFor', { agency: step?.agency.name ?? '', step: step?.title ?? stepId }),
      ),
      step?.description ? h('p', { class: 'hint' }, step.description) : null,
      groupFields.map((f) => f.element),
    );
  });
  const idempotencyKey = newIdempotencyKey();
  const submit = h('button', { type: 'submit', class: 'button' }, t('timeline.submitAnswers'));
  const form = h(
    'form',
    {
      class: 'form',
      novalidate: true,
      on: {
        submit: async (event) => {
          event.preventDefault();
          const items = collect(fields, summary);
          if (!items) return;
          try {
            await whileSending(submit, () =>
              api(`/api/journeys/${encodeURIComponent(journeyId)}/inputs`, {
                method: 'POST',
                body: { items },
                idempotencyKey,
                signal: ctx.signal,
              }),
            );
            submit.disabled = true;
            const thanks = h('p', { class: 'notice notice--success', tabindex: '-1' }, t('timeline.answered'));
            replace(feedback, thanks);
            thanks.focus();
          } catch (error) {
            if (error?.name === 'AbortError') return;
            showApiError(fields, summary, error, errorText(error));
          }
        },
      },
    },
    summary.element,
    groups,
    submit,
  );
  return h(
    'section',
    { class: 'section asked', 'aria-labelledby': 'asked-title' },
    h(
      'h2',
      { id: 'asked-title' },
      h('span', { class: 'asked-icon', 'aria-hidden': 'true' }, '!'),
      t('timeline.askedTitle'),
    ),
    h('p', {}, t('timeline.askedIntro')),
    form,
  );
}

/** A refusal in words, with a button per refusal the subject may still answer: resubmit as is, or appeal. */
function refusalNotice(view, journeyId, ctx, refreshed) {
  const buttons =
    view.status !== 'active'
      ? []
      : view.standing.open.map((open) => {
          const route = open.allows === 'appeal' ? 'appeals' : 'resubmissions';
          const idempotencyKey = newIdempotencyKey();
          const button = h('button', { type: 'button', class: 'button' }, t(`timeline.${open.allows}`));
          button.addEventListener('click', async () => {
            try {
              await whileSending(button, () =>
                api(`/api/journeys/${encodeURIComponent(journeyId)}/${route}`, {
                  method: 'POST',
                  body: { stepId: open.stepId },
                  idempotencyKey,
                  signal: ctx.signal,
                }),
              );
              refreshed();
            } catch (error) {
              if (error?.name !== 'AbortError') ctx.announce(errorText(error));
            }
          });
          return button;
        });
  return h('div', { class: 'notice notice--warning', role: 'status' }, h('p', {}, view.standing.text), ...buttons);
}
