// Choose a life event to start.
import { api, withQuery } from '../api.js';
import { h, pageHeading } from '../dom.js';
import { lang, t } from '../i18n.js';

export async function render(ctx) {
  const lifeEvents = await api(withQuery('/api/life-events', { lang: lang() }), { signal: ctx.signal });
  ctx.setTitle(t('start.title'));
  ctx.mount(
    pageHeading(t('start.title')),
    h('p', { class: 'lead' }, t('start.intro')),
    lifeEvents.length === 0
      ? h('p', { class: 'empty' }, t('start.empty'))
      : h(
          'ul',
          { class: 'cards' },
          lifeEvents.map((event) =>
            h(
              'li',
              { class: 'card' },
              h('h2', { class: 'card-title' }, event.title),
              h('p', {}, event.summary),
              h(
                'p',
                {},
                h(
                  'a',
                  { href: `/start/${encodeURIComponent(event.id)}`, class: 'button' },
                  t('start.choose', { title: event.title }),
                ),
              ),
            ),
          ),
        ),
  );
}
