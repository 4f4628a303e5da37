import { randomUUID } from 'node:crypto';
import type { FakeOpenStack, Recorded, Reply } from './fake-openstack';

export type FakeFlavor = { id: string; name: string; vcpus: number; ram: number; disk: number };

export type FakeServer = {
  id: string;
  name: string;
  flavor: FakeFlavor;
  imageRef: string;
  metadata: Record<string, string>;
  created: string;
  /** GETs answered so far, to walk BUILD → ACTIVE */
  polls: number;
  status: 'BUILD' | 'ACTIVE' | 'RESIZE' | 'VERIFY_RESIZE' | 'ERROR';
  resizeTo?: FakeFlavor;
  fault?: { code: number; message: string; created: string };
  actions: { action: string; request_id: string; start_time: string; message: string | null }[];
};

const PREFIX = /^\/(?:compute|internal-compute|admin-compute|r2-compute)\/v2\.1(\/.*)$/;

const fault = (name: string, status: number, message: string): Reply => ({
  status,
  body: { [name]: { code: status, message } },
});

const notFound = (id: string) => fault('itemNotFound', 404, `Instance ${id} could not be found.`);

/** The server as GET /servers/{id} shows it at 2.79 (flavour embedded, extended status attributes). */
function view(server: FakeServer) {
  const building = server.status === 'BUILD';
  return {
    id: server.id,
    name: server.name,
    status: server.status,
    tenant_id: 'p',
    metadata: server.metadata,
    image: { id: server.imageRef },
    flavor: {
      vcpus: server.flavor.vcpus,
      ram: server.flavor.ram,
      disk: server.flavor.disk,
      ephemeral: 0,
      swap: 0,
      original_name: server.flavor.name,
      extra_specs: {},
    },
    created: server.created,
    addresses: building ? {} : { private: [{ addr: '10.0.0.5', version: 4, 'OS-EXT-IPS:type': 'fixed' }] },
    accessIPv4: '',
    accessIPv6: '',
    progress: building ? 40 : 0,
    'OS-EXT-STS:task_state': building ? 'spawning' : null,
    'OS-EXT-STS:vm_state': server.status.toLowerCase(),
    ...(server.fault ? { fault: server.fault } : {}),
  };
}

function boot(body: unknown, cloud: FakeOpenStack): Reply {
  const server = (body as { server?: Record<string, unknown> } | undefined)?.server;
  if (!server || typeof server.name !== 'string')
    return fault('badRequest', 400, "'server' is a required property");
  // at ≥ 2.37 networks is required: "auto", "none" or a list
  if (server.networks === undefined) {
    return fault(
      'badRequest',
      400,
      "Invalid input for field/attribute server. 'networks' is a required property",
    );
  }
  const flavor = cloud.flavors.find((f) => f.id === server.flavorRef);
  if (!flavor) return fault('badRequest', 400, 'Flavor could not be found.');
  if (!cloud.images.some((i) => i.id === server.imageRef)) {
    return fault('badRequest', 400, `Image ${String(server.imageRef)} could not be found.`);
  }
  const id = randomUUID();
  cloud.servers.set(id, {
    id,
    name: server.name,
    flavor,
    imageRef: String(server.imageRef),
    metadata: (server.metadata as Record<string, string>) ?? {},
    created: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    polls: 0,
    status: 'BUILD',
    actions: [
      {
        action: 'create',
        request_id: `req-${randomUUID()}`,
        start_time: new Date().toISOString(),
        message: null,
      },
    ],
  });
  return {
    status: 202,
    body: {
      server: {
        id,
        links: [{ rel: 'self', href: `${cloud.url}/compute/v2.1/servers/${id}` }],
        'OS-DCF:diskConfig': 'MANUAL',
        security_groups: [{ name: 'default' }],
        adminPass: 'oR7zXbTJzA9N',
      },
    },
  };
}

function list(request: Recorded, cloud: FakeOpenStack): Reply {
  const name = request.query.get('name');
  const limit = Number(request.query.get('limit') ?? 1000);
  const marker = request.query.get('marker');
  let servers = [...cloud.servers.values()].filter((s) => !name || new RegExp(name).test(s.name));
  if (marker) servers = servers.slice(servers.findIndex((s) => s.id === marker) + 1);
  return { status: 200, body: { servers: servers.slice(0, limit).map(view) } };
}

/** GET /servers/{id}: BUILD for `buildPolls` reads, then ACTIVE; RESIZE is seen once, then VERIFY_RESIZE. */
function read(server: FakeServer, cloud: FakeOpenStack): Reply {
  server.polls += 1;
  if (server.status === 'BUILD' && server.polls > cloud.buildPolls) server.status = 'ACTIVE';
  const body = { server: view(server) };
  if (server.status === 'RESIZE') server.status = 'VERIFY_RESIZE';
  return { status: 200, body };
}

function action(server: FakeServer, body: Record<string, unknown>, cloud: FakeOpenStack): Reply {
  const started = { request_id: `req-${randomUUID()}`, start_time: new Date().toISOString() };
  if ('resize' in body) {
    const ref = (body.resize as { flavorRef?: string }).flavorRef;
    const flavor = cloud.flavors.find((f) => f.id === ref);
    if (!flavor) return fault('badRequest', 400, 'Invalid flavorRef provided.');
    if (cloud.resizeOutcome === 'no_valid_host') {
      // the conductor finds no host; the server stays ACTIVE on its flavour, the action records Error
      server.actions.unshift({ action: 'resize', ...started, message: 'Error' });
      return { status: 202 };
    }
    server.actions.unshift({ action: 'resize', ...started, message: null });
    server.status = 'RESIZE';
    server.resizeTo = flavor;
    return { status: 202 };
  }
  if ('confirmResize' in body) {
    if (server.status !== 'VERIFY_RESIZE') {
      return fault(
        'conflictingRequest',
        409,
        `Cannot 'confirmResize' instance ${server.id} while it is in vm_state ${server.status.toLowerCase()}`,
      );
    }
    server.flavor = server.resizeTo ?? server.flavor;
    server.status = 'ACTIVE';
    server.actions.unshift({ action: 'confirmResize', ...started, message: null });
    return { status: 204 };
  }
  return fault('badRequest', 400, 'There is no such action');
}

function diagnostics(cloud: FakeOpenStack): Reply {
  if (!cloud.diagnosticsAllowed) {
    return fault(
      'forbidden',
      403,
      "Policy doesn't allow os_compute_api:os-server-diagnostics to be performed.",
    );
  }
  return {
    status: 200,
    body: {
      state: 'running',
      driver: 'fake',
      num_cpus: 2,
      cpu_details: [
        { id: 0, time: 17300000000, utilisation: 15 },
        { id: 1, time: 17200000000, utilisation: 25 },
      ],
      memory_details: { maximum: 2048, used: 1536 },
      disk_details: [{ read_bytes: 262144, read_requests: 112, write_bytes: 5778432, write_requests: 488 }],
    },
  };
}

function serverRoute(request: Recorded, cloud: FakeOpenStack, rest: string): Reply | undefined {
  const [, id, sub, key] = /^\/servers\/([^/]+)(?:\/([^/]+)(?:\/([^/]+))?)?$/.exec(rest) ?? [];
  if (!id) return undefined;
  const server = cloud.servers.get(id);
  if (!server) return notFound(id);
  const { method } = request;
  if (!sub && method === 'GET') return read(server, cloud);
  if (!sub && method === 'DELETE') {
    cloud.servers.delete(id);
    return { status: 204 };
  }
  if (sub === 'action' && method === 'POST')
    return action(server, request.body as Record<string, unknown>, cloud);
  if (sub === 'diagnostics' && method === 'GET') return diagnostics(cloud);
  if (sub === 'metadata' && key && method === 'PUT') {
    const meta = (request.body as { meta: Record<string, string> }).meta;
    Object.assign(server.metadata, meta);
    return { status: 200, body: { meta } };
  }
  if (sub === 'metadata' && key && method === 'DELETE') {
    delete server.metadata[decodeURIComponent(key)];
    return { status: 204 };
  }
  if (sub === 'os-instance-actions' && method === 'GET') {
    if (!key) return { status: 200, body: { instanceActions: server.actions } };
    const found = server.actions.find((a) => a.request_id === key);
    const events = found?.message ? [{ event: 'cold_migrate', result: 'Error' }] : [];
    return { status: 200, body: { instanceAction: { ...found, events } } };
  }
  return undefined;
}

/** Nova's compute API at microversion 2.79, under any of the catalogue's compute endpoints. */
export function novaRoutes(request: Recorded, cloud: FakeOpenStack): Reply | undefined {
  const rest = PREFIX.exec(request.path)?.[1];
  if (!rest) return undefined;
  // the fake speaks 2.79 only: a client that forgot the header would get 2.1's shapes from Nova
  if (request.headers['openstack-api-version'] !== 'compute 2.79') {
    return fault('badRequest', 400, 'fake Nova: send OpenStack-API-Version: compute 2.79');
  }
  const { method } = request;
  if (rest === '/flavors/detail' && method === 'GET') {
    return { status: 200, body: { flavors: cloud.flavors.map((f) => ({ ...f, links: [] })) } };
  }
  if (rest === '/servers' && method === 'POST') return boot(request.body, cloud);
  if (rest === '/servers/detail' && method === 'GET') return list(request, cloud);
  if (rest === `/os-quota-sets/${cloud.projectId}/detail` && method === 'GET') {
    const servers = [...cloud.servers.values()];
    const sum = (pick: (f: FakeFlavor) => number) => servers.reduce((n, s) => n + pick(s.flavor), 0);
    return {
      status: 200,
      body: {
        quota_set: {
          id: cloud.projectId,
          cores: { limit: 20, in_use: sum((f) => f.vcpus), reserved: 0 },
          instances: { limit: 10, in_use: servers.length, reserved: 0 },
          ram: { limit: -1, in_use: sum((f) => f.ram), reserved: 0 },
          key_pairs: { limit: 100, in_use: 0, reserved: 0 },
          metadata_items: { limit: 128, in_use: 0, reserved: 0 },
        },
      },
    };
  }
  return serverRoute(request, cloud, rest);
}
