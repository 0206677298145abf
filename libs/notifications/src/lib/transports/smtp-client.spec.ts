import { createServer, type AddressInfo, type Server } from 'node:net';
import { startSmtpSink, type SmtpSink } from '../../testing/smtp-sink';
import { sendSmtp, type SmtpEndpoint } from './smtp-client';

const envelope = { from: 'no-reply@passage.test', to: 'alice@example.org' };
const endpoint = (port: number, timeoutMs = 2_000): SmtpEndpoint => ({
  host: '127.0.0.1',
  port,
  timeoutMs,
  clientName: 'passage.test',
});

/** A server that greets with `greeting` (or stays silent) and then says nothing more. */
async function rawServer(greeting?: string): Promise<Server> {
  const server = createServer((socket) => {
    if (greeting) socket.write(`${greeting}\r\n`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

describe('sendSmtp against a sink on 127.0.0.1', () => {
  let sink: SmtpSink | undefined;
  afterEach(async () => {
    await sink?.close();
    sink = undefined;
  });

  it('delivers data with leading dots intact (dot-stuffed on the wire) after a multi-line EHLO reply', async () => {
    sink = await startSmtpSink();
    const data = 'Subject: dots\r\n\r\n.starts with a dot\n.\n..two\r\nend';
    await sendSmtp(endpoint(sink.port), envelope, data);
    expect(sink.commands).toEqual([
      'EHLO passage.test',
      'MAIL FROM:<no-reply@passage.test>',
      'RCPT TO:<alice@example.org>',
      'DATA',
      'QUIT',
    ]);
    expect(sink.mails).toEqual([
      {
        from: envelope.from,
        to: [envelope.to],
        data: 'Subject: dots\r\n\r\n.starts with a dot\r\n.\r\n..two\r\nend\r\n',
      },
    ]);
  });

  it('reports a refused command with its code and stage only: 4xx transient, 5xx permanent', async () => {
    sink = await startSmtpSink((c) => (c.startsWith('RCPT') ? '550 5.1.1 <alice@example.org> unknown' : undefined));
    await expect(sendSmtp(endpoint(sink.port), envelope, 'x')).rejects.toMatchObject({
      message: 'SMTP 550 after RCPT TO',
      transient: false,
    });
    await sink.close();
    sink = await startSmtpSink((c) => (c.startsWith('DATA') ? '452 4.3.1 out of storage' : undefined));
    await expect(sendSmtp(endpoint(sink.port), envelope, 'x')).rejects.toMatchObject({
      message: 'SMTP 452 after DATA',
      transient: true,
    });
  });

  it('does not fail a message the server accepted when QUIT goes wrong (a retry would send it twice)', async () => {
    sink = await startSmtpSink((c) => (c === 'QUIT' ? '500 5.5.1 what?' : undefined));
    await expect(sendSmtp(endpoint(sink.port), envelope, 'x')).resolves.toBeUndefined();
    expect(sink.mails).toHaveLength(1);
  });

  it('gives up on a server that refuses to serve, says nothing, or is not there', async () => {
    const busy = await rawServer('421 4.3.2 shutting down');
    await expect(sendSmtp(endpoint((busy.address() as AddressInfo).port), envelope, 'x')).rejects.toMatchObject({
      message: 'SMTP 421 after greeting',
      transient: true,
    });
    const silent = await rawServer();
    const port = (silent.address() as AddressInfo).port;
    await expect(sendSmtp(endpoint(port, 200), envelope, 'x')).rejects.toMatchObject({
      message: 'SMTP session took longer than 200 ms',
      transient: true,
    });
    await Promise.all([busy, silent].map((server) => new Promise((resolve) => server.close(resolve))));
    await expect(sendSmtp(endpoint(port), envelope, 'x')).rejects.toMatchObject({
      message: 'SMTP connection failed (ECONNREFUSED)',
      transient: true,
    });
  });
});
