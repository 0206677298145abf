import { createServer } from 'node:net';

function isFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolveFree) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolveFree(false));
    server.listen(port, host, () => server.close(() => resolveFree(true)));
  });
}

/** The first of `count` ports from `from` that nothing listens on now, or undefined when all are taken. */
export async function firstFreePort(from: number, count: number, host = '127.0.0.1'): Promise<number | undefined> {
  for (let port = from; port < from + count; port++) if (await isFree(port, host)) return port;
  return undefined;
}
