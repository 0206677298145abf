/** Node's socket error codes of a server that is gone, refuses or does not answer. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);

/**
 * SQLSTATEs of a server that cannot serve now, whatever the statement: class 08 (connection exception), a statement
 * cancelled by `statement_timeout` (57014), shutdown and start-up (57P01–57P03), too many connections (53300).
 */
function unavailableState(code: string): boolean {
  return code.startsWith('08') || ['57014', '57P01', '57P02', '57P03', '53300'].includes(code);
}

/** What node-postgres says when a call ran out of time or lost its connection (these errors carry no code). */
const CLIENT_MESSAGES = [
  'Query read timeout',
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
];

/**
 * True when a database call failed because PostgreSQL could not be reached or did not answer in time (down, frozen,
 * restarting, out of connections), so that the same call may succeed later; false for an error of the statement.
 * TypeORM wraps driver errors (`driverError`), pg-pool chains them (`cause`): both are looked through.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let current = error; current instanceof Error && !seen.has(current);) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (SOCKET_CODES.has(code) || unavailableState(code))) return true;
    if (CLIENT_MESSAGES.some((message) => current instanceof Error && current.message.startsWith(message))) return true;
    const next = current as { driverError?: unknown; cause?: unknown };
    current = next.driverError ?? next.cause;
  }
  return false;
}
