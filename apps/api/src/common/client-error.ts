import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorResponse } from './error-response';
import { statusOf } from './error-response';

/**
 * Requests that Node's HTTP parser refuses before Express sees them — bytes that are not HTTP, control characters
 * in a header, headers over the size limit — get the contract's error shape as well, not a bare status line.
 */
export function answerUnparsableRequests(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // As Node's own handler: a socket that is gone, or whose response has begun, cannot be answered any more.
    const current = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || current?.headersSent) {
      socket.destroy();
      return;
    }
    const timedOut = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    const message =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? 'the request headers are too large'
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? 'the request was not received in time'
          : 'the request is not valid HTTP';
    const code = timedOut ? 'request-timeout' : 'invalid-request';
    const body = JSON.stringify({ code, message } satisfies ErrorResponse);
    socket.end(
      `HTTP/1.1 ${statusOf(code)} ${timedOut ? 'Request Timeout' : 'Bad Request'}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
