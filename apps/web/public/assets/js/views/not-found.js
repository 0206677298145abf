// Any path the app does not know (the server answered 404 with this shell).
import { h, pageHeading } from '../dom.js';
import { t } from '../i18n.js';

export const access = 'public';

export async function render(ctx) {
  ctx.setTitle(t('notFound.title'));
  ctx.mount(
    pageHeading(t('notFound.title')),
    h('p', {}, t('notFound.body')),
    h('p', {}, h('a', { href: '/' }, t('notFound.home'))),
  );
}
