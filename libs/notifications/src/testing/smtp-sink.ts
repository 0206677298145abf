import { createServer, type AddressInfo, type Socket } from 'node:net';

export interface SunkMail {
  readonly from: string;
  readonly to: readonly string[];
  /** The message as sent, dot-stuffing undone. */
  readonly data: string;
}

export interface SmtpSink {
  readonly port: number;
  readonly mails: SunkMail[];
  /** Every command line received, in order. */
  readonly commands: string[];
  close(): Promise<void>;
}

/** Lets a test refuse a command: return a full reply line (e.g. `550 5.1.1 no such user`) or undefined for the default. */
export type SinkRefusal = (command: string) => string | undefined;

/** A tiny SMTP sink on 127.0.0.1 (RFC 5321 subset: EHLO with a multi-line reply, MAIL, RCPT, DATA, QUIT). */
export async function startSmtpSink(refuse: SinkRefusal = () => undefined): Promise<SmtpSink> {
  const mails: SunkMail[] = [];
  const commands: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.setEncoding('latin1');
    let buffer = '';
    let inData = false;
    let envelope: { from: string; to: string[] } = { from: '', to: [] };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 sink.test ESMTP ready');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          const data = buffer.slice(0, end + 2).replace(/^\.\./gm, '.');
          buffer = buffer.slice(end + 5);
          inData = false;
          mails.push({ ...envelope, data });
          reply('250 2.0.0 queued');
          continue;
        }
        const end = buffer.indexOf('\r\n');
        if (end < 0) return;
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        commands.push(line);
        const refusal = refuse(line);
        if (refusal) {
          reply(refusal);
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') ['250-sink.test greets you', '250-8BITMIME', '250 SIZE 1000000'].forEach(reply);
        else if (verb === 'MAIL') {
          envelope = { from: /<(.*)>/.exec(line)?.[1] ?? '', to: [] };
          reply('250 2.1.0 ok');
        } else if (verb === 'RCPT') {
          envelope.to.push(/<(.*)>/.exec(line)?.[1] ?? '');
          reply('250 2.1.5 ok');
        } else if (verb === 'DATA') {
          inData = true;
          reply('354 end with <CRLF>.<CRLF>');
        } else if (verb === 'QUIT') {
          reply('221 2.0.0 bye');
          socket.end();
        } else reply('502 5.5.2 command not recognised');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    mails,
    commands,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
