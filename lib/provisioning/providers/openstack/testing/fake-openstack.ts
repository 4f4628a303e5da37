import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type FakeFlavor, type FakeServer, novaRoutes } from './fake-nova';
import { cinderRoutes, type FakeImage, type FakeVolume, glanceRoutes } from './fake-storage';

/** One request the provider sent, as the fake cloud received it. */
export type Recorded = {
  method: string;
  /** the path without the query, e.g. /compute/v2.1/servers */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
};

export type Reply = { status: number; body?: unknown; headers?: Record<string, string>; text?: string };

/** What a route answers; `undefined` passes to the next route. */
export type Route = (request: Recorded, cloud: FakeOpenStack) => Reply | undefined;

/** A handler that takes over the socket: never answers (timeout), or drops it (connection reset). */
type Override = {
  method: string;
  path: RegExp;
  handle: (request: Recorded, res: ServerResponse) => Reply | 'hang' | 'reset' | 'answer-then-reset';
};

const UNAUTHORIZED: Reply = {
  status: 401,
  body: {
    error: {
      code: 401,
      title: 'Unauthorized',
      message: 'The request you have made requires authentication.',
    },
  },
};

/**
 * A stand-in OpenStack on an ephemeral loopback port that answers with the request and response
 * shapes of the published API reference (Keystone v3, Nova 2.79, Glance v2, Cinder v3) and records
 * every request, so tests can assert exactly what the provider sent.
 */
export class FakeOpenStack {
  url = '';
  readonly projectId = randomUUID().replaceAll('-', '');
  readonly requests: Recorded[] = [];
  password = 'portal-secret';
  readonly appCredential = { id: 'ac-0001', secret: 'ac-secret' };
  tokenTtlMs = 3_600_000;
  readonly tokens = new Map<string, { expiresAt: number; revoked: boolean }>();
  /** whether the catalogue lists a block-storage service, and under which type */
  cinderType: 'block-storage' | 'volumev3' | null = 'block-storage';
  /** where the catalogue puts Glance: unversioned (as most clouds do) or with its /v2 */
  imagePath: '/image' | '/image/v2' = '/image';
  /** GET /servers/{id} answers BUILD this many times before ACTIVE */
  buildPolls = 1;
  /** the diagnostics policy: admins only by default, as in Nova */
  diagnosticsAllowed = false;
  /** how a resize ends: confirmed on the new flavour, or back on ACTIVE with the old one (NoValidHost) */
  resizeOutcome: 'verify' | 'no_valid_host' = 'verify';
  readonly flavors: FakeFlavor[] = [
    { id: '1', name: 'm1.tiny', vcpus: 1, ram: 512, disk: 1 },
    { id: '2', name: 'm1.small', vcpus: 1, ram: 2048, disk: 20 },
  ];
  readonly images: FakeImage[] = [
    { id: '70a599e0-31e7-49b7-b260-868f441e862b', name: 'fake-image', status: 'active' },
  ];
  readonly servers = new Map<string, FakeServer>();
  readonly volumes = new Map<string, FakeVolume>();
  private readonly overrides: Override[] = [];
  private server: Server | null = null;

  /** Starts listening on 127.0.0.1 on a free port. */
  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Stops listening and drops every open connection (a hanging request included). */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The next request matching method and path is answered by `handle` instead of the fake. */
  once(method: string, path: RegExp, handle: Override['handle']): void {
    this.overrides.push({ method, path, handle });
  }

  /** Recorded requests with this method whose path matches. */
  calls(method: string, path: RegExp): Recorded[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  /** Marks a token revoked, as DELETE /v3/auth/tokens does. */
  revoke(token: string): void {
    const entry = this.tokens.get(token);
    if (entry) entry.revoked = true;
  }

  catalog() {
    const endpoint = (iface: string, region: string, url: string) => ({
      id: randomUUID().replaceAll('-', ''),
      interface: iface,
      region,
      region_id: region,
      url,
    });
    const services = [
      {
        type: 'compute',
        name: 'nova',
        endpoints: [
          endpoint('public', 'RegionTwo', `${this.url}/r2-compute/v2.1`),
          endpoint('admin', 'RegionOne', `${this.url}/admin-compute/v2.1`),
          endpoint('internal', 'RegionOne', `${this.url}/internal-compute/v2.1`),
          endpoint('public', 'RegionOne', `${this.url}/compute/v2.1`),
        ],
      },
      {
        type: 'image',
        name: 'glance',
        endpoints: [endpoint('public', 'RegionOne', `${this.url}${this.imagePath}`)],
      },
      {
        type: 'identity',
        name: 'keystone',
        endpoints: [endpoint('public', 'RegionOne', `${this.url}/identity/v3`)],
      },
    ];
    if (this.cinderType) {
      services.push({
        type: this.cinderType,
        name: 'cinderv3',
        endpoints: [endpoint('public', 'RegionOne', `${this.url}/volume/v3/${this.projectId}`)],
      });
    }
    return services;
  }

  /** True when the request carries a token Keystone issued, not revoked and not expired. */
  authorised(request: Recorded): boolean {
    const token = this.tokens.get(String(request.headers['x-auth-token'] ?? ''));
    return !!token && !token.revoked && token.expiresAt > Date.now();
  }

  private keystone(request: Recorded): Reply | undefined {
    if (request.method !== 'POST' || request.path !== '/identity/v3/auth/tokens') return undefined;
    const auth = (request.body as { auth?: Record<string, unknown> } | null)?.auth;
    const json = JSON.stringify(auth);
    const byPassword = JSON.stringify({
      identity: {
        methods: ['password'],
        password: { user: { name: 'portal', domain: { name: 'Default' }, password: this.password } },
      },
      scope: { project: { name: 'portal', domain: { name: 'Default' } } },
    });
    const byCredential = JSON.stringify({
      identity: { methods: ['application_credential'], application_credential: this.appCredential },
    });
    if (json !== byPassword && json !== byCredential) return UNAUTHORIZED;
    const value = `gAAAAA${randomUUID().replaceAll('-', '')}`;
    const now = Date.now();
    this.tokens.set(value, { expiresAt: now + this.tokenTtlMs, revoked: false });
    return {
      status: 201,
      headers: { 'X-Subject-Token': value },
      body: {
        token: {
          methods: [json === byPassword ? 'password' : 'application_credential'],
          user: {
            domain: { id: 'default', name: 'Default' },
            id: 'u1',
            name: 'portal',
            password_expires_at: null,
          },
          audit_ids: [randomUUID().slice(0, 22)],
          expires_at: new Date(now + this.tokenTtlMs).toISOString().replace('Z', '000Z'),
          issued_at: new Date(now).toISOString().replace('Z', '000Z'),
          project: { domain: { id: 'default', name: 'Default' }, id: this.projectId, name: 'portal' },
          is_domain: false,
          roles: [{ id: 'r1', name: 'member' }],
          catalog: this.catalog(),
        },
      },
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.url);
    const request: Recorded = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: raw ? (JSON.parse(raw) as unknown) : undefined,
    };
    this.requests.push(request);

    const index = this.overrides.findIndex((o) => o.method === request.method && o.path.test(request.path));
    let reply: Reply | undefined;
    if (index >= 0) {
      const [override] = this.overrides.splice(index, 1);
      const outcome = override!.handle(request, res);
      if (outcome === 'hang') return;
      if (outcome === 'reset') return void req.socket.destroy();
      // the fake does the work, but the answer never reaches the caller (a lost response)
      if (outcome === 'answer-then-reset') {
        this.route(request);
        return void req.socket.destroy();
      }
      reply = outcome;
    }
    reply ??= this.route(request);
    const text = reply.text ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
    res.writeHead(reply.status, {
      'Content-Type': reply.text === undefined ? 'application/json' : 'text/plain',
      Connection: 'close',
      ...reply.headers,
    });
    res.end(text);
  }

  private route(request: Recorded): Reply {
    const keystone = this.keystone(request);
    if (keystone) return keystone;
    if (!this.authorised(request)) return UNAUTHORIZED;
    for (const routes of [novaRoutes, glanceRoutes, cinderRoutes]) {
      const reply = routes(request, this);
      if (reply) return reply;
    }
    return { status: 404, text: '404 Not Found\n\nThe resource could not be found.\n\n' };
  }
}

/** Starts a fresh fake OpenStack. */
export async function startFakeOpenStack(): Promise<FakeOpenStack> {
  return new FakeOpenStack().start();
}
