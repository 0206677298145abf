// The bearer token, kept in sessionStorage only (gone when the tab closes), never in a URL after sign-in.
const STORAGE_KEY = 'passage.token';
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * `/#token=<jwt>` (a ready link printed by the development stack) signs in and is removed from the address bar and
 * the history at once, so the token does not stay visible, in bookmarks or in the history.
 */
export function captureTokenFromHash() {
  const match = /^#token=([^&]+)/.exec(location.hash);
  if (!match) return false;
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  const token = decodeURIComponent(match[1]).trim();
  if (!isTokenShaped(token)) return false;
  setToken(token);
  return true;
}

export function isTokenShaped(value) {
  return JWT.test(value) && value.length <= 8192;
}

export function token() {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function setToken(value) {
  sessionStorage.setItem(STORAGE_KEY, value);
}

export function signOut() {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing stored
  }
}

/**
 * The token's claims, decoded without verification: only to choose which pages to show. The API verifies the
 * token on every request and decides what the caller may see.
 */
export function claims(value = token()) {
  if (!value || !isTokenShaped(value)) return null;
  try {
    const part = value.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(
      Uint8Array.from(atob(part.padEnd(Math.ceil(part.length / 4) * 4, '=')), (c) => c.charCodeAt(0)),
    );
    const parsed = JSON.parse(json);
    return parsed && typeof parsed === 'object' ? parsed : null;
  } catch {
    return null;
  }
}

export function isExpired(value = token()) {
  const exp = claims(value)?.exp;
  return typeof exp === 'number' && exp * 1000 <= Date.now();
}

export function signedIn() {
  return Boolean(token()) && !isExpired();
}

export function roles() {
  const list = claims()?.roles;
  return Array.isArray(list) ? list : [];
}

export function isStaff() {
  return roles().includes('agency');
}

export function isFollower() {
  return roles().some((role) => role === 'citizen' || role === 'intermediary' || role === 'counter');
}

/** Where a signed-in person starts: staff in their inbox, everyone else in their journeys. */
export function homePath() {
  return isStaff() && !isFollower() ? '/agency/tasks' : '/journeys';
}
