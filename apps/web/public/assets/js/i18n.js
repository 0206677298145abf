// The UI language: nl, en or fr. UI strings live in one module per language; content comes from the API in `lang()`.
import nl from '../i18n/nl.js';
import en from '../i18n/en.js';
import fr from '../i18n/fr.js';

const STRINGS = { nl, en, fr };
const STORAGE_KEY = 'passage.lang';

export const LANGUAGES = [
  { code: 'nl', name: 'Nederlands' },
  { code: 'en', name: 'English' },
  { code: 'fr', name: 'Français' },
];

function initialLanguage() {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored && STRINGS[stored]) return stored;
  } catch {
    // storage may be disabled: fall back to the browser's language
  }
  for (const preferred of navigator.languages ?? [navigator.language]) {
    const code = String(preferred).slice(0, 2).toLowerCase();
    if (STRINGS[code]) return code;
  }
  return 'nl';
}

let current = initialLanguage();
document.documentElement.lang = current;

export function lang() {
  return current;
}

export function setLang(code) {
  if (!STRINGS[code]) return;
  current = code;
  document.documentElement.lang = code;
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // not kept across visits; fine
  }
}

function lookup(dictionary, key) {
  return key.split('.').reduce((node, part) => (node && typeof node === 'object' ? node[part] : undefined), dictionary);
}

/** The UI text for `key` (dotted path) in the current language, with `{name}` placeholders filled in. */
export function t(key, params = {}) {
  const text = lookup(STRINGS[current], key) ?? lookup(STRINGS.en, key);
  if (typeof text !== 'string') return key;
  return text.replace(/\{([a-zA-Z]+)\}/g, (match, name) => (params[name] === undefined ? match : String(params[name])));
}

/** Whether a UI text exists for `key` (for optional labels such as the values of choices). */
export function has(key) {
  return typeof lookup(STRINGS[current], key) === 'string';
}

const locale = () => `${current}-BE`;

/** A date in words for the current language, in Belgian time: "12 maart 2026". */
export function formatDate(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'long', timeZone: 'Europe/Brussels' }).format(new Date(iso));
}

/** A date with the time: "12 mrt 2026, 14:05". */
export function formatDateTime(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale(), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Brussels',
  }).format(new Date(iso));
}

/** A machine-readable date for <time datetime>. */
export function isoDate(iso) {
  return iso ? new Date(iso).toISOString() : '';
}

/** The words for a choice value (`sole-trader`), or the value made readable when no words are known. */
export function valueLabel(value) {
  const key = `values.${value}`;
  if (has(key)) return t(key);
  const text = String(value).replace(/[-_]/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
