// Status in words, with a shape as a second cue: never colour alone.
import { h } from './dom.js';
import { t } from './i18n.js';

const STEP_KIND = {
  pending: 'pending',
  ready: 'active',
  dispatched: 'active',
  'in-progress': 'active',
  'awaiting-subject': 'waiting',
  completed: 'done',
  skipped: 'skipped',
  cancelled: 'skipped',
  rejected: 'problem',
  expired: 'problem',
  failed: 'problem',
};
const JOURNEY_KIND = {
  active: 'active',
  completed: 'done',
  rejected: 'problem',
  withdrawn: 'skipped',
  failed: 'problem',
};
const ICON = { pending: '○', active: '◔', waiting: '!', done: '✓', skipped: '–', problem: '✕' };

export function stepKind(status) {
  return STEP_KIND[status] ?? 'pending';
}

function badge(kind, text) {
  return h(
    'span',
    { class: `badge badge--${kind}` },
    h('span', { class: 'badge-icon', 'aria-hidden': 'true' }, ICON[kind]),
    h('span', { class: 'badge-text' }, text),
  );
}

export function stepBadge(status) {
  return badge(stepKind(status), t(`stepStatus.${status}`));
}

export function journeyBadge(status) {
  return badge(JOURNEY_KIND[status] ?? 'active', t(`journeyStatus.${status}`));
}

export function stepIcon(status) {
  return ICON[stepKind(status)];
}
