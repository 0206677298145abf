/*
 * A TCP proxy the fault suite controls, between a Passage process and PostgreSQL or Temporal. It is a few dozen lines
 * of `node:net` rather than a library: Toxiproxy (the usual tool) is a Go server to install, start and drive over
 * HTTP, and the npm proxies we looked at forward bytes but inject no faults. What the experiments need is small:
 * added latency, a freeze (a partition: connections stay open, nothing flows) and a drop (every connection reset,
 * new ones refused).
 */
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

type Mode = 'forward' | 'frozen' | 'refusing';

interface Link {
  readonly client: Socket;
  upstream?: Socket;
  /** When the last chunk in each direction is due, so that latency never reorders bytes. */
  dueUp: number;
  dueDown: number;
}

export class TcpProxy {
  private mode: Mode = 'forward';
  private latencyMs = 0;
  private readonly links = new Set<Link>();

  private constructor(
    private readonly server: Server,
    private readonly target: { readonly host: string; readonly port: number },
  ) {
    server.on('connection', (client) => this.accept(client));
  }

  /** Listens on a free port of 127.0.0.1 and forwards to `host:port`. */
  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const server = createServer({ pauseOnConnect: true });
    const proxy = new TcpProxy(server, target);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return proxy;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Adds this delay to every chunk, each way (0: none). */
  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  /** A partition: open connections stay open but nothing flows; new ones are accepted and wait. */
  freeze(): void {
    this.mode = 'frozen';
    for (const link of this.links) {
      link.client.pause();
      link.upstream?.pause();
    }
  }

  /** Every open connection is reset, and new ones are refused, until `heal()`. */
  drop(): void {
    this.mode = 'refusing';
    for (const link of [...this.links]) this.cut(link);
  }

  /** Back to forwarding: frozen connections flow again (what waited is delivered), refused peers may reconnect. */
  heal(): void {
    const wasFrozen = this.mode === 'frozen';
    this.mode = 'forward';
    if (!wasFrozen) return;
    for (const link of this.links) {
      if (!link.upstream) this.open(link);
      link.client.resume();
      link.upstream?.resume();
    }
  }

  async close(): Promise<void> {
    for (const link of [...this.links]) this.cut(link);
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    if (this.mode === 'refusing') {
      client.resetAndDestroy();
      return;
    }
    const link: Link = { client, dueUp: 0, dueDown: 0 };
    this.links.add(link);
    client.on('error', () => this.cut(link));
    client.on('close', () => this.cut(link));
    client.on('data', (chunk) => this.send(link, 'up', chunk));
    if (this.mode === 'forward') {
      this.open(link);
      client.resume();
    }
  }

  private open(link: Link): void {
    const upstream = connect(this.target.port, this.target.host);
    link.upstream = upstream;
    upstream.on('error', () => this.cut(link));
    upstream.on('close', () => this.cut(link));
    upstream.on('data', (chunk) => this.send(link, 'down', chunk));
  }

  private send(link: Link, way: 'up' | 'down', chunk: Buffer): void {
    const to = way === 'up' ? link.upstream : link.client;
    if (!to) return;
    if (this.latencyMs === 0 && (way === 'up' ? link.dueUp : link.dueDown) <= Date.now()) {
      to.write(chunk);
      return;
    }
    const due = Math.max(Date.now() + this.latencyMs, way === 'up' ? link.dueUp : link.dueDown);
    if (way === 'up') link.dueUp = due;
    else link.dueDown = due;
    setTimeout(() => {
      if (!to.destroyed) to.write(chunk);
    }, due - Date.now());
  }

  private cut(link: Link): void {
    if (!this.links.delete(link)) return;
    if (!link.client.destroyed) link.client.resetAndDestroy();
    if (link.upstream && !link.upstream.destroyed) link.upstream.resetAndDestroy();
  }
}
