// An agency's inbox: its tasks, filtered by status, a page at a time, the first legal deadline first.
import { api, withQuery } from '../api.js';
import { titlesFor } from '../catalogue.js';
import { h, pageHeading } from '../dom.js';
import { formatDate, isoDate, t } from '../i18n.js';

const STATUSES = ['open', 'awaiting-subject', 'decided', 'cancelled'];
const PAGE_SIZE = 20;

export async function render(ctx) {
  const status = STATUSES.includes(ctx.query.get('status'))
    ? ctx.query.get('status')
    : ctx.query.get('status') === 'all'
      ? ''
      : 'open';
  const page = Math.max(1, Number.parseInt(ctx.query.get('page') ?? '1', 10) || 1);
  const result = await api(withQuery('/api/agency/tasks', { status, page, pageSize: PAGE_SIZE }), {
    signal: ctx.signal,
  });
  const titles = await Promise.all(result.items.map((task) => titlesFor(task.lifeEvent, task.stepId, ctx.signal)));
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const link = (p) => withQuery('/agency/tasks', { status: status || 'all', page: p });

  const select = h(
    'select',
    { id: 'status', name: 'status', class: 'select' },
    h('option', { value: 'all', selected: status === '' }, t('inbox.all')),
    STATUSES.map((s) => h('option', { value: s, selected: s === status }, t(`inbox.statuses.${s}`))),
  );
  const filter = h(
    'form',
    {
      class: 'filter',
      method: 'get',
      action: '/agency/tasks',
      on: {
        submit: (event) => {
          event.preventDefault();
          ctx.navigate(withQuery('/agency/tasks', { status: select.value, page: 1 }));
        },
      },
    },
    h(
      'div',
      { class: 'field field--inline' },
      h('label', { class: 'label', for: 'status' }, t('inbox.statusLabel')),
      select,
    ),
    h('button', { type: 'submit', class: 'button button--secondary' }, t('inbox.show')),
  );

  const table =
    result.items.length === 0
      ? h('p', { class: 'empty' }, t('inbox.empty'))
      : h(
          'div',
          { class: 'table-wrap', role: 'region', 'aria-labelledby': 'inbox-caption', tabindex: '0' },
          h(
            'table',
            { class: 'table' },
            h('caption', { id: 'inbox-caption' }, t('inbox.caption')),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                [t('inbox.task'), t('inbox.lifeEvent'), t('inbox.due'), t('inbox.status'), t('inbox.received')].map(
                  (text) => h('th', { scope: 'col' }, text),
                ),
              ),
            ),
            h(
              'tbody',
              {},
              result.items.map((task, index) =>
                h(
                  'tr',
                  {},
                  h(
                    'th',
                    { scope: 'row' },
                    h('a', { href: `/agency/tasks/${encodeURIComponent(task.id)}` }, titles[index].step),
                  ),
                  h('td', {}, titles[index].lifeEvent),
                  h(
                    'td',
                    {},
                    task.dueAt ? h('time', { datetime: isoDate(task.dueAt) }, formatDate(task.dueAt)) : t('inbox.none'),
                    task.overdue
                      ? h(
                          'span',
                          { class: 'badge badge--problem badge--small' },
                          h('span', { class: 'badge-icon', 'aria-hidden': 'true' }, '!'),
                          h('span', { class: 'badge-text' }, t('inbox.overdue')),
                        )
                      : null,
                  ),
                  h('td', {}, t(`inbox.statuses.${task.status}`)),
                  h(
                    'td',
                    { class: 'nowrap' },
                    h('time', { datetime: isoDate(task.createdAt) }, formatDate(task.createdAt)),
                  ),
                ),
              ),
            ),
          ),
        );

  const pager =
    pages > 1
      ? h(
          'nav',
          { class: 'pager', 'aria-label': t('inbox.pagination') },
          h(
            'ul',
            {},
            page > 1 ? h('li', {}, h('a', { href: link(page - 1), rel: 'prev' }, t('inbox.previous'))) : null,
            h('li', { 'aria-current': 'page' }, t('inbox.page', { page, pages, total: result.total })),
            page < pages ? h('li', {}, h('a', { href: link(page + 1), rel: 'next' }, t('inbox.next'))) : null,
          ),
        )
      : h('p', { class: 'pager-text' }, t('inbox.page', { page, pages, total: result.total }));

  ctx.setTitle(t('inbox.title'));
  ctx.mount(
    pageHeading(t('inbox.title')),
    h('p', { class: 'lead' }, t('inbox.intro')),
    h('section', { 'aria-label': t('inbox.filter') }, filter),
    table,
    pager,
  );
}
