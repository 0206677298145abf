import { connect, createServer, type Socket } from 'node:net';

/** A TCP proxy between a client and a server, to freeze the server as the client sees it (tests of outages). */
export interface TcpProxy {
  readonly port: number;
  /** Stops moving bytes either way and holds new connections: to the client, the server hangs (no error). */
  pause(): void;
  resume(): void;
  close(): Promise<void>;
}

/** Listens on a free port of 127.0.0.1 and forwards every connection to `target` (host:port). */
export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const held: (() => void)[] = [];
  let paused = false;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    if (paused) socket.pause();
  };
  const server = createServer((client) => {
    track(client);
    const open = () => {
      if (client.destroyed) return;
      const upstream = connect(targetPort, targetHost);
      track(upstream);
      client.pipe(upstream);
      upstream.pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    };
    if (paused) held.push(open);
    else open();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy has no TCP port');
  return {
    port: address.port,
    pause: () => {
      paused = true;
      for (const socket of sockets) socket.pause();
    },
    resume: () => {
      paused = false;
      for (const socket of sockets) socket.resume();
      for (const open of held.splice(0)) open();
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
