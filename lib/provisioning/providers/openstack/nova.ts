import { ProviderError } from '../types';
import type { OpenStackSession } from './session';

/**
 * The compute microversion every Nova call asks for. 2.79 (Train, 2019) is old enough for any
 * supported cloud and new enough for what the provider reads: `networks` required on boot, with
 * "none" (2.37); the server's flavour embedded by name (2.47); the standard diagnostics format
 * (2.48). Pinning it keeps response shapes fixed whatever the cloud's newest version is.
 */
export const COMPUTE_MICROVERSION = '2.79';

const MICROVERSION_HEADERS = {
  'OpenStack-API-Version': `compute ${COMPUTE_MICROVERSION}`,
  // the pre-2.27 header, still honoured: a proxy that strips one of them leaves the other
  'X-OpenStack-Nova-API-Version': COMPUTE_MICROVERSION,
};

/** The fields of a Nova server (GET /servers/{id}, /servers/detail at 2.79) the provider reads. */
export type NovaServer = {
  id: string;
  name: string;
  status: string;
  progress?: number;
  created?: string;
  metadata?: Record<string, string>;
  addresses?: Record<string, { addr: string; version?: number }[]>;
  accessIPv4?: string;
  accessIPv6?: string;
  fault?: { code?: number; message?: string; details?: string };
  flavor?: { original_name?: string; vcpus?: number; ram?: number; disk?: number };
  'OS-EXT-STS:task_state'?: string | null;
};

export type NovaFlavor = { id: string; name: string; vcpus: number; ram: number; disk: number };

export type BootRequest = {
  name: string;
  flavorRef: string;
  imageRef: string;
  /** a Neutron network uuid, or "none" / "auto" */
  network: string;
  metadata: Record<string, string>;
};

function compute(session: OpenStackSession) {
  return (request: Parameters<OpenStackSession['call']>[1]) =>
    session.call('compute', { ...request, headers: { ...MICROVERSION_HEADERS, ...request.headers } });
}

/** The flavour called `name` (GET /flavors/detail); not_found names it when Nova has none. */
export async function findFlavor(session: OpenStackSession, name: string): Promise<NovaFlavor> {
  const answer = await compute(session)({ method: 'GET', path: '/flavors/detail', what: 'list flavours' });
  const flavors = (answer.body as { flavors?: NovaFlavor[] }).flavors ?? [];
  const flavor = flavors.find((f) => f.name === name) ?? flavors.find((f) => f.id === name);
  if (!flavor) {
    const known = flavors.map((f) => f.name).join(', ') || 'none';
    throw new ProviderError('not_found', `Nova has no flavour named "${name}" (flavours: ${known})`);
  }
  return flavor;
}

/** Boots a server (POST /servers, 202) and returns its id. */
export async function bootServer(session: OpenStackSession, boot: BootRequest): Promise<string> {
  const networks =
    boot.network === 'none' || boot.network === 'auto' ? boot.network : [{ uuid: boot.network }];
  const answer = await compute(session)({
    method: 'POST',
    path: '/servers',
    body: {
      server: {
        name: boot.name,
        flavorRef: boot.flavorRef,
        imageRef: boot.imageRef,
        networks,
        metadata: boot.metadata,
      },
    },
    what: `boot server "${boot.name}"`,
  });
  const id = (answer.body as { server?: { id?: string } } | null)?.server?.id;
  if (!id) throw new ProviderError('unavailable', 'Nova accepted the boot but answered without a server id');
  return id;
}

/** The server, or null when Nova has none with this id (404). */
export async function getServer(session: OpenStackSession, id: string): Promise<NovaServer | null> {
  const answer = await compute(session)({
    method: 'GET',
    path: `/servers/${encodeURIComponent(id)}`,
    accept: [404],
    what: `read server ${id}`,
  });
  return answer.status === 404 ? null : ((answer.body as { server: NovaServer }).server ?? null);
}

const PAGE = 200;

/**
 * Servers of the project, following the pages (`limit` + `marker`). `name` is Nova's filter, a
 * regular expression matched anywhere in the name: the caller escapes what it passes.
 */
export async function listServers(session: OpenStackSession, name?: string): Promise<NovaServer[]> {
  const servers: NovaServer[] = [];
  for (let marker: string | undefined; ; ) {
    const query = new URLSearchParams({ limit: String(PAGE) });
    if (name) query.set('name', name);
    if (marker) query.set('marker', marker);
    const answer = await compute(session)({
      method: 'GET',
      path: `/servers/detail?${query}`,
      what: 'list servers',
    });
    const page = (answer.body as { servers?: NovaServer[] }).servers ?? [];
    servers.push(...page);
    if (page.length < PAGE) return servers;
    marker = page.at(-1)!.id;
  }
}

/** Starts a resize (POST /servers/{id}/action {resize}); Nova answers 202. */
export async function resizeServer(session: OpenStackSession, id: string, flavorRef: string): Promise<void> {
  await compute(session)({
    method: 'POST',
    path: `/servers/${encodeURIComponent(id)}/action`,
    body: { resize: { flavorRef } },
    what: `resize server ${id}`,
  });
}

/**
 * Confirms a resize waiting in VERIFY_RESIZE (POST action {confirmResize: null}, 204). A 409 means
 * someone (or Nova's resize_confirm_window) confirmed it already, which is what was wanted.
 */
export async function confirmResize(session: OpenStackSession, id: string): Promise<void> {
  await compute(session)({
    method: 'POST',
    path: `/servers/${encodeURIComponent(id)}/action`,
    body: { confirmResize: null },
    accept: [409],
    what: `confirm the resize of server ${id}`,
  });
}

/** Deletes a server (DELETE, 204); one Nova no longer knows (404) is already gone. */
export async function deleteServer(session: OpenStackSession, id: string): Promise<void> {
  await compute(session)({
    method: 'DELETE',
    path: `/servers/${encodeURIComponent(id)}`,
    accept: [404],
    what: `delete server ${id}`,
  });
}

/** GET /servers/{id}/diagnostics at ≥ 2.48: the standard format, memory in MiB. */
export type NovaDiagnostics = {
  num_cpus?: number;
  cpu_details?: { id?: number; time?: number; utilisation?: number | null }[];
  memory_details?: { maximum?: number; used?: number };
};

/**
 * The server's diagnostics, or null when Nova will not give them: the policy keeps them for admins
 * by default (403), the driver has none (501), or the server is not running (409) or gone (404).
 */
export async function getDiagnostics(session: OpenStackSession, id: string): Promise<NovaDiagnostics | null> {
  const answer = await compute(session)({
    method: 'GET',
    path: `/servers/${encodeURIComponent(id)}/diagnostics`,
    accept: [403, 404, 409, 501],
    what: `read diagnostics of server ${id}`,
  });
  return answer.status === 200 ? (answer.body as NovaDiagnostics) : null;
}

type QuotaValue = { limit: number; in_use: number; reserved?: number };

/** The project's compute quota with usage (GET /os-quota-sets/{project_id}/detail). */
export async function getQuotaDetail(
  session: OpenStackSession,
  projectId: string,
): Promise<{ cores: QuotaValue; ram: QuotaValue; instances: QuotaValue }> {
  const answer = await compute(session)({
    method: 'GET',
    path: `/os-quota-sets/${encodeURIComponent(projectId)}/detail`,
    what: `read the quota of project ${projectId}`,
  });
  const set = (answer.body as { quota_set?: Record<string, QuotaValue> }).quota_set ?? {};
  const zero = { limit: -1, in_use: 0 };
  return { cores: set.cores ?? zero, ram: set.ram ?? zero, instances: set.instances ?? zero };
}

/** Sets one metadata item of a server (PUT /servers/{id}/metadata/{key}, 200). */
export async function setServerMetadataItem(
  session: OpenStackSession,
  id: string,
  key: string,
  value: string,
): Promise<void> {
  await compute(session)({
    method: 'PUT',
    path: `/servers/${encodeURIComponent(id)}/metadata/${encodeURIComponent(key)}`,
    body: { meta: { [key]: value } },
    what: `set metadata ${key} of server ${id}`,
  });
}

/** One entry of a server's action log (GET /servers/{id}/os-instance-actions), newest first. */
export type NovaInstanceAction = {
  action: string;
  request_id: string;
  start_time: string;
  message: string | null;
};

/** The server's action log: how an asynchronous resize ended, which the server itself no longer shows. */
export async function listInstanceActions(
  session: OpenStackSession,
  id: string,
): Promise<NovaInstanceAction[]> {
  const answer = await compute(session)({
    method: 'GET',
    path: `/servers/${encodeURIComponent(id)}/os-instance-actions`,
    what: `read the actions of server ${id}`,
  });
  return (answer.body as { instanceActions?: NovaInstanceAction[] }).instanceActions ?? [];
}

/** The events of one action (GET /servers/{id}/os-instance-actions/{request_id}); tracebacks are for admins only. */
export async function getInstanceActionEvents(
  session: OpenStackSession,
  id: string,
  requestId: string,
): Promise<{ event: string; result: string | null }[]> {
  const answer = await compute(session)({
    method: 'GET',
    path: `/servers/${encodeURIComponent(id)}/os-instance-actions/${encodeURIComponent(requestId)}`,
    what: `read action ${requestId} of server ${id}`,
  });
  return (
    (answer.body as { instanceAction?: { events?: { event: string; result: string | null }[] } })
      .instanceAction?.events ?? []
  );
}

/** Removes one metadata item of a server (DELETE /servers/{id}/metadata/{key}, 204; 404 = not there). */
export async function deleteServerMetadataItem(
  session: OpenStackSession,
  id: string,
  key: string,
): Promise<void> {
  await compute(session)({
    method: 'DELETE',
    path: `/servers/${encodeURIComponent(id)}/metadata/${encodeURIComponent(key)}`,
    accept: [404],
    what: `remove metadata ${key} of server ${id}`,
  });
}
