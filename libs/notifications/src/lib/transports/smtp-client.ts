import { connect, type Socket } from 'node:net';

export interface SmtpEndpoint {
  readonly host: string;
  readonly port: number;
  /** For the whole session, from connecting to the reply to QUIT. */
  readonly timeoutMs: number;
  /** The name we greet with in EHLO. */
  readonly clientName: string;
}

/** A failed SMTP session. Messages hold reply codes and stages only: reply texts can echo addresses. */
export class SmtpError extends Error {
  override readonly name = 'SmtpError';

  constructor(
    message: string,
    /** A 4xx reply, a timeout or a broken connection may pass; a 5xx reply will not (RFC 5321 §4.2.1). */
    readonly transient: boolean,
  ) {
    super(message);
  }
}

/**
 * Sends one message over plain SMTP (RFC 5321): EHLO, MAIL FROM, RCPT TO, DATA with dot-stuffing, QUIT. Enough for a
 * local sink or a relay on the same network; no STARTTLS and no authentication.
 */
export async function sendSmtp(
  endpoint: SmtpEndpoint,
  envelope: { readonly from: string; readonly to: string },
  data: string,
): Promise<void> {
  const session = new SmtpSession(connect({ host: endpoint.host, port: endpoint.port }), endpoint.timeoutMs);
  try {
    await session.reply('greeting', [220]);
    await session.command(`EHLO ${endpoint.clientName}`, 'EHLO', [250]);
    await session.command(`MAIL FROM:<${envelope.from}>`, 'MAIL FROM', [250]);
    await session.command(`RCPT TO:<${envelope.to}>`, 'RCPT TO', [250, 251]);
    await session.command('DATA', 'DATA', [354]);
    await session.command(`${dotStuff(data)}\r\n.`, 'end of data', [250]);
    // The message is accepted: a failing QUIT must not turn it into a failure (a retry would send it twice).
    await session.command('QUIT', 'QUIT', [221]).catch(() => undefined);
  } finally {
    session.close();
  }
}

/** CRLF line ends, a leading dot doubled (RFC 5321 §4.5.2), no trailing line end (the terminator adds it). */
export function dotStuff(data: string): string {
  return data.replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..').replace(/\r\n$/, '');
}

/** Reads replies (possibly multi-line: `250-…` lines until `250 …`) one command at a time. */
class SmtpSession {
  private buffer = '';
  private readonly replies: number[] = [];
  private waiting?: { resolve: (code: number) => void; reject: (error: Error) => void };
  private failure?: Error;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly socket: Socket,
    timeoutMs: number,
  ) {
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => this.receive(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      this.fail(new SmtpError(`SMTP connection failed (${error.code ?? 'unknown'})`, true)),
    );
    socket.on('close', () => this.fail(new SmtpError('SMTP connection closed early', true)));
    this.timer = setTimeout(
      () => this.fail(new SmtpError(`SMTP session took longer than ${timeoutMs} ms`, true)),
      timeoutMs,
    );
  }

  async command(line: string, stage: string, accepted: readonly number[]): Promise<void> {
    this.socket.write(`${line}\r\n`);
    await this.reply(stage, accepted);
  }

  async reply(stage: string, accepted: readonly number[]): Promise<void> {
    const code = await this.next();
    if (!accepted.includes(code)) throw new SmtpError(`SMTP ${code} after ${stage}`, code < 500);
  }

  close(): void {
    clearTimeout(this.timer);
    this.socket.destroy();
  }

  private next(): Promise<number> {
    const code = this.replies.shift();
    if (code !== undefined) return Promise.resolve(code);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, end).replace(/\r$/, '');
      this.buffer = this.buffer.slice(end + 1);
      const match = /^(\d{3})([ -]|$)/.exec(line);
      if (!match) {
        this.fail(new SmtpError('SMTP reply malformed', true));
        return;
      }
      if (match[2] === '-') continue; // more lines of the same reply follow
      this.replies.push(Number(match[1]));
    }
    this.wake();
  }

  private wake(): void {
    const waiting = this.waiting;
    if (!waiting || this.replies.length === 0) return;
    this.waiting = undefined;
    waiting.resolve(this.replies.shift() as number);
  }

  private fail(error: SmtpError): void {
    this.failure ??= error;
    this.socket.destroy();
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.reject(this.failure);
  }
}
