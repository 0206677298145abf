// Boot and navigation: one page shell, a small router on the History API, the header (menu, language, sign-out),
// focus management after navigation, and one polite live region for announcements.
import { h, pageHeading, replace } from './dom.js';
import { ApiError, errorText } from './api.js';
import { LANGUAGES, lang, setLang, t } from './i18n.js';
import { captureTokenFromHash, claims, homePath, isFollower, isStaff, signOut, signedIn } from './session.js';

const main = document.getElementById('main');
const nav = document.getElementById('site-nav');
const language = document.getElementById('language');
const announcer = document.getElementById('announcer');

const ROUTES = compileRoutes(readRoutes());
let renderCount = 0;
let controller = new AbortController();
let pendingFlash = null;
let renderedPath = null;

function readRoutes() {
  try {
    return JSON.parse(document.querySelector('meta[name="passage-routes"]')?.getAttribute('content') ?? '{}');
  } catch {
    return {};
  }
}

function compileRoutes(routes) {
  return Object.entries(routes).map(([pattern, view]) => {
    const names = [];
    const source = pattern.replace(/:([a-zA-Z]+)/g, (_, name) => {
      names.push(name);
      return '([A-Za-z0-9-]{1,200})';
    });
    return { view, names, regex: new RegExp(`^${source}/?$`) };
  });
}

function match(pathname) {
  for (const route of ROUTES) {
    const found = route.regex.exec(pathname);
    if (found)
      return {
        view: route.view,
        params: Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(found[i + 1])])),
      };
  }
  return { view: 'not-found', params: {} };
}

/** Says `text` through the polite live region (cleared first, so the same text is read again). */
export function announce(text) {
  announcer.textContent = '';
  setTimeout(() => {
    announcer.textContent = text;
  }, 60);
}

/**
 * Goes to `path` inside the app. `flash` ({ key, params }) is a message shown (and focused) at the top of the next
 * page, e.g. after sign-out or a decision.
 */
export function navigate(path, { replace: replaceEntry = false, flash } = {}) {
  pendingFlash = flash ?? null;
  if (replaceEntry) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  void render({ focus: true });
}

function setTitle(page) {
  document.title = t('title', { page });
}

function chrome() {
  document.getElementById('skip-link').textContent = t('skip');
  nav.setAttribute('aria-label', t('nav.label'));
  document.getElementById('brand').setAttribute('aria-label', `${t('app.name')}: ${t('app.tagline')}`);
  replace(document.getElementById('footer'), h('p', {}, t('app.footer')));
  renderLanguage();
}

function renderLanguage() {
  if (!language.firstChild) {
    const group = h(
      'div',
      { class: 'language-switch', role: 'group', 'aria-labelledby': 'language-label' },
      h('span', { id: 'language-label', class: 'visually-hidden' }),
    );
    for (const { code, name } of LANGUAGES) {
      group.append(
        h(
          'button',
          {
            type: 'button',
            class: 'language-button',
            lang: code,
            'data-lang': code,
            on: { click: () => switchLanguage(code) },
          },
          name,
        ),
      );
    }
    language.append(group);
  }
  document.getElementById('language-label').textContent = t('language.label');
  for (const button of language.querySelectorAll('button[data-lang]'))
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang()));
}

/** What the person typed or chose on this page, by field id, to put back after the page is drawn again. */
function formState() {
  return [...main.querySelectorAll('input[id], textarea[id], select[id]')].map((field) => ({
    id: field.id,
    value: field.value,
    checked: field.checked,
  }));
}

function restoreFormState(state) {
  for (const { id, value, checked } of state) {
    const field = document.getElementById(id);
    if (!field || !main.contains(field)) continue;
    if (field.type === 'radio' || field.type === 'checkbox') field.checked = checked;
    else field.value = value;
  }
}

function switchLanguage(code) {
  if (code === lang()) return;
  const typed = formState();
  setLang(code);
  chrome();
  void render({ focus: false }).then(() => {
    restoreFormState(typed);
    announce(t('language.changed'));
  });
}

function renderNav(view) {
  const links = [];
  if (signedIn()) {
    if (isFollower() || !isStaff()) {
      links.push({
        href: '/journeys',
        text: t('nav.journeys'),
        current: view === 'journeys' || view === 'timeline' || view === 'access-log' || view === 'withdraw',
      });
      links.push({ href: '/start', text: t('nav.start'), current: view === 'start' || view === 'start-form' });
    }
    if (isStaff())
      links.push({ href: '/agency/tasks', text: t('nav.inbox'), current: view === 'inbox' || view === 'task' });
  } else {
    links.push({ href: '/sign-in', text: t('nav.signIn'), current: view === 'sign-in' });
  }
  const list = h(
    'ul',
    { class: 'nav-list' },
    links.map((link) =>
      h(
        'li',
        {},
        h('a', { href: link.href, class: 'nav-link', 'aria-current': link.current ? 'page' : false }, link.text),
      ),
    ),
  );
  if (signedIn()) {
    const sub = claims()?.sub;
    list.append(
      h(
        'li',
        { class: 'nav-account' },
        sub ? h('span', { class: 'nav-who' }, t('nav.signedInAs', { sub })) : null,
        h(
          'button',
          {
            type: 'button',
            class: 'link-button',
            on: {
              click: () => {
                signOut();
                navigate('/sign-in', { flash: { key: 'signIn.signedOut' } });
              },
            },
          },
          t('nav.signOut'),
        ),
      ),
    );
  }
  replace(nav, list);
}

async function render({ focus }) {
  controller.abort();
  controller = new AbortController();
  const signal = controller.signal;
  const count = ++renderCount;
  renderedPath = `${location.pathname}${location.search}`;
  let { view, params } = match(location.pathname);
  const flash = pendingFlash;
  pendingFlash = null;

  const loading = setTimeout(() => replace(main, h('p', { class: 'loading' }, t('app.loading'))), 250);
  main.setAttribute('aria-busy', 'true');
  try {
    let module = await import(`./views/${view}.js`);
    if (module.access !== 'public' && !signedIn()) {
      const next = `${location.pathname}${location.search}`;
      history.replaceState(null, '', `/sign-in${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`);
      view = 'sign-in';
      module = await import('./views/sign-in.js');
    }
    if (count !== renderCount) return;
    renderNav(view);
    const flashElement = flash
      ? h(
          'div',
          { class: `notice notice--${flash.kind ?? 'success'}`, tabindex: '-1', 'data-flash': '' },
          t(flash.key, flash.params),
        )
      : null;
    const ctx = {
      params,
      query: new URLSearchParams(location.search),
      signal,
      navigate,
      announce,
      setTitle,
      /** Replaces the page content (the flash message first) once the view has its data. */
      mount(...nodes) {
        if (signal.aborted) return;
        clearTimeout(loading);
        replace(main, flashElement, ...nodes);
      },
    };
    await module.render(ctx);
  } catch (error) {
    if (signal.aborted || error?.name === 'AbortError') return;
    if (error instanceof ApiError && error.status === 401) return;
    clearTimeout(loading);
    renderNav(view);
    setTitle(t('errors.title'));
    replace(
      main,
      pageHeading(t('errors.title')),
      h('p', {}, error instanceof ApiError ? errorText(error) : t('errors.generic')),
      h('p', {}, h('a', { href: '/' }, t('notFound.home'))),
    );
  } finally {
    clearTimeout(loading);
    if (count === renderCount) main.removeAttribute('aria-busy');
  }
  if (count !== renderCount || signal.aborted) return;
  if (focus) {
    const target = main.querySelector('[data-flash]') ?? document.getElementById('page-title') ?? main;
    target.focus();
  }
}

/** Same-origin links inside the app navigate without reloading; everything else behaves as usual. */
document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return;
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!link || link.target || link.hasAttribute('download')) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || /^\/(api|health|metrics)(\/|$)/.test(url.pathname)) return;
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
  event.preventDefault();
  navigate(`${url.pathname}${url.search}`);
});

// Back and forward re-render the page; a change of the #fragment only (the skip link) does not.
window.addEventListener('popstate', () => {
  if (`${location.pathname}${location.search}` === renderedPath) return;
  void render({ focus: true });
});

window.addEventListener('passage:session-ended', () => {
  if (location.pathname === '/sign-in') return;
  const next = `${location.pathname}${location.search}`;
  navigate(`/sign-in?next=${encodeURIComponent(next)}`, {
    replace: true,
    flash: { key: 'signIn.expired', kind: 'warning' },
  });
});

const signedInByLink = captureTokenFromHash();
if (signedInByLink && (location.pathname === '/' || location.pathname === '/sign-in'))
  history.replaceState(null, '', homePath());
else if (location.pathname === '/' && signedIn()) history.replaceState(null, '', homePath());
chrome();
void render({ focus: false });
