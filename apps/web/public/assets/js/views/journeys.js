// "My journeys": everything the person started (or may follow), newest first.
import { api, withQuery } from '../api.js';
import { h, pageHeading } from '../dom.js';
import { formatDate, lang, t } from '../i18n.js';
import { journeyBadge } from '../status.js';

export async function render(ctx) {
  const journeys = await api(withQuery('/api/journeys', { lang: lang() }), { signal: ctx.signal });
  ctx.setTitle(t('journeys.title'));
  const list =
    journeys.length === 0
      ? h('p', { class: 'empty' }, t('journeys.empty'))
      : h(
          'ul',
          { class: 'cards' },
          journeys.map((journey) =>
            h(
              'li',
              { class: 'card' },
              h(
                'h2',
                { class: 'card-title' },
                h('a', { href: `/journeys/${encodeURIComponent(journey.id)}` }, journey.lifeEvent.title),
              ),
              h('p', { class: 'card-status' }, journeyBadge(journey.status)),
              h(
                'ul',
                { class: 'facts' },
                h('li', {}, t('journeys.started', { date: formatDate(journey.startedAt) })),
                journey.finishedAt
                  ? h('li', {}, t('journeys.finished', { date: formatDate(journey.finishedAt) }))
                  : null,
                !journey.finishedAt && journey.expectedAt
                  ? h('li', {}, t('journeys.expected', { date: formatDate(journey.expectedAt) }))
                  : null,
              ),
            ),
          ),
        );
  ctx.mount(
    pageHeading(t('journeys.title')),
    h('p', { class: 'lead' }, t('journeys.intro')),
    h('p', {}, h('a', { href: '/start', class: 'button button--secondary' }, t('journeys.start'))),
    list,
  );
}
