import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback HTTP proxy in front of a real OpenStack that can lose an answer: the request reaches
 * the cloud and is carried out, but the caller's connection is dropped instead of answered (what a
 * worker sees when the network fails at the worst moment). URLs look like `<proxy>/fwd/<host:port>/…`;
 * the catalogue in Keystone's token answers is rewritten so every service is reached through it.
 */
export class LossyProxy {
  url = '';
  private server: Server | null = null;
  private drops: { method: string; path: RegExp }[] = [];
  /** requests forwarded, as `METHOD /path STATUS` of the upstream service ("lost" when dropped) */
  readonly forwarded: string[] = [];

  /** A URL of the cloud (http only), as reached through the proxy. */
  through(url: string): string {
    return url.replace(/^http:\/\//, `${this.url}/fwd/`);
  }

  /** The next matching request is carried out upstream, and its answer is lost. */
  dropAnswer(method: string, path: RegExp): void {
    this.drops.push({ method, path });
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.forward(req, res).catch(() => req.socket.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  private async forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const [, target] = /^\/fwd\/(.*)$/.exec(req.url ?? '') ?? [];
    if (!target) return void res.writeHead(404).end();
    const upstream = new URL(`http://${target}`);
    const method = req.method ?? 'GET';
    const headers: Record<string, string> = { Connection: 'close' };
    for (const name of [
      'accept',
      'content-type',
      'x-auth-token',
      'x-subject-token',
      'openstack-api-version',
      'x-openstack-nova-api-version',
    ]) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const answer = await fetch(upstream, {
      method,
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    let text = await answer.text();
    const drop = this.drops.findIndex((d) => d.method === method && d.path.test(upstream.pathname));
    this.forwarded.push(`${method} ${upstream.pathname} ${drop >= 0 ? 'lost' : answer.status}`);
    if (drop >= 0) {
      this.drops.splice(drop, 1);
      return void req.socket.destroy();
    }
    // the catalogue must send the caller back through the proxy
    if (/\/auth\/tokens$/.test(upstream.pathname)) {
      text = text.replace(
        /"url": ?"http:\/\/([^"]+)"/g,
        (_m, rest: string) => `"url": "${this.url}/fwd/${rest}"`,
      );
    }
    const out: Record<string, string> = {
      'Content-Type': answer.headers.get('content-type') ?? 'application/json',
    };
    const subject = answer.headers.get('x-subject-token');
    if (subject) out['X-Subject-Token'] = subject;
    res.writeHead(answer.status, out).end(text);
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
