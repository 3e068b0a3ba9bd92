import net from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 to a local port that can hold what clients send: while paused, bytes from clients
 * are kept and forwarded on `resume()`. Used to catch a replica in the middle of a GitHub read.
 */
export class PausableProxy {
  private paused = false;
  private readonly waiting: Array<() => void> = [];
  private readonly sockets = new Set<net.Socket>();

  private constructor(
    private readonly server: net.Server,
    readonly port: number,
  ) {}

  /** Listens on a free port of 127.0.0.1 and forwards to `targetPort` there. */
  static async start(targetPort: string | number): Promise<PausableProxy> {
    const server = net.createServer();
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const proxy = new PausableProxy(
      server,
      (server.address() as net.AddressInfo).port,
    );
    server.on('connection', client => proxy.accept(client, Number(targetPort)));
    return proxy;
  }

  private accept(client: net.Socket, targetPort: number) {
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', chunk => {
      if (!this.paused) upstream.write(chunk);
      else this.waiting.push(() => upstream.write(chunk));
    });
    client.on('end', () => upstream.end());
    upstream.pipe(client);
  }

  /** Holds client bytes from now on. */
  pause(): void {
    this.paused = true;
  }

  /** Forwards what was held, and everything after. */
  resume(): void {
    this.paused = false;
    for (const send of this.waiting.splice(0)) send();
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>(resolve => this.server.close(() => resolve()));
  }
}
