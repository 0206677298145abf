// The JSON API client: bearer token from the session, errors as ApiError with the API's stable `code`.
import { t } from './i18n.js';
import { signOut, token } from './session.js';

export class ApiError extends Error {
  constructor(status, code, message, path) {
    super(message || code);
    this.status = status;
    this.code = code;
    this.path = path;
  }
}

/** Authorization and Accept headers for the API (also used by the event stream). */
export function authHeaders(extra = {}) {
  const headers = { accept: 'application/json', ...extra };
  const value = token();
  if (value) headers.authorization = `Bearer ${value}`;
  return headers;
}

/** A random key for Idempotency-Key: the same form sent twice does the thing once. */
export function newIdempotencyKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function api(path, { method = 'GET', body, idempotencyKey, signal } = {}) {
  const headers = authHeaders(body === undefined ? {} : { 'content-type': 'application/json' });
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (error) {
    if (error?.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'network error');
  }
  let payload;
  const text = await response.text();
  try {
    payload = text ? JSON.parse(text) : undefined;
  } catch {
    payload = undefined;
  }
  if (!response.ok) {
    const error = new ApiError(
      response.status,
      payload?.code ?? `http-${response.status}`,
      payload?.message,
      payload?.path,
    );
    if (response.status === 401) {
      signOut();
      window.dispatchEvent(new CustomEvent('passage:session-ended'));
    }
    throw error;
  }
  return payload;
}

/** A plain-language message for an API failure, in the current language. */
export function errorText(error) {
  if (!(error instanceof ApiError)) return t('errors.generic');
  if (error.code === 'network') return t('errors.network');
  if (error.status === 401) return t('errors.session');
  if (error.status === 404) return t('errors.notFound');
  if (error.code === 'journey-not-active') return t('errors.notActive');
  if (error.code === 'not-asked') return t('errors.notAsked');
  if (error.status === 400 || error.status === 409 || error.status === 422) return t('errors.invalid');
  if (error.status === 403) return t('errors.forbidden');
  return t('errors.generic');
}

/** `?lang=xx` and more query parameters. */
export function withQuery(path, params) {
  const query = new URLSearchParams(
    Object.entries(params).filter(([, value]) => value !== undefined && value !== null && value !== ''),
  );
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
