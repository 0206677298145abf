// Sign-in for development: paste a token (production signs in through the government's OIDC login).
import { h, pageHeading } from '../dom.js';
import { t } from '../i18n.js';
import { errorSummary } from '../forms.js';
import { homePath, isExpired, isTokenShaped, setToken } from '../session.js';

export const access = 'public';

/** Only paths inside the app, never another site (`//evil.example`). */
function safeNext(value) {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : null;
}

export async function render(ctx) {
  ctx.setTitle(t('signIn.title'));
  const summary = errorSummary();
  const error = h('p', { class: 'field-error', id: 'token-error', hidden: true });
  const input = h('textarea', {
    id: 'token',
    name: 'token',
    class: 'textarea textarea--token',
    rows: 4,
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': 'token-hint',
  });
  const field = h(
    'div',
    { class: 'field' },
    h('label', { class: 'label', for: 'token' }, t('signIn.tokenLabel')),
    h('p', { class: 'hint', id: 'token-hint' }, t('signIn.tokenHint')),
    error,
    input,
  );

  const fail = (message) => {
    error.replaceChildren(h('span', { class: 'visually-hidden' }, `${t('form.errorPrefix')} `), message);
    error.hidden = false;
    field.classList.add('field--error');
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', 'token-hint token-error');
    summary.show([{ message, target: input }]);
  };

  const form = h(
    'form',
    {
      class: 'form',
      novalidate: true,
      on: {
        submit: (event) => {
          event.preventDefault();
          const value = input.value.trim().replace(/^Bearer\s+/i, '');
          if (!value) return fail(t('signIn.errEmpty'));
          if (!isTokenShaped(value)) return fail(t('signIn.errFormat'));
          if (isExpired(value)) return fail(t('signIn.errExpired'));
          setToken(value);
          ctx.navigate(safeNext(ctx.query.get('next')) ?? homePath(), { replace: true });
        },
      },
    },
    summary.element,
    field,
    h('button', { type: 'submit', class: 'button' }, t('signIn.submit')),
  );

  ctx.mount(
    pageHeading(t('signIn.title')),
    h('p', { class: 'lead' }, t('signIn.intro')),
    form,
    h('p', { class: 'note' }, t('signIn.production')),
  );
}
