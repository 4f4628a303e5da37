import { type CreateInput, ProviderError, type ProviderState, type ProviderUsage } from '../types';
import { findImageId } from './glance';
import {
  bootServer,
  confirmResize,
  deleteServerMetadataItem,
  findFlavor,
  getDiagnostics,
  getInstanceActionEvents,
  getServer,
  listInstanceActions,
  listServers,
  type NovaServer,
  resizeServer,
  setServerMetadataItem,
} from './nova';
import { escapeRegex, keyOf, metadataFor, nameWithKey } from './refs';
import { serverState } from './server-state';
import type { OpenStackSession } from './session';

/**
 * The flavour a resize asked for, kept on the server: Nova reports a failed resize (NoValidHost…)
 * only by returning the server to ACTIVE on its old flavour, so status compares the two.
 */
export const RESIZE_TARGET_KEY = 'dcloud_resize_to';

const byCreated = (a: NovaServer, b: NovaServer) => (a.created ?? '').localeCompare(b.created ?? '');

/**
 * The server made for this idempotency key: Nova filters by name (a regex, so the key is escaped),
 * then the key is checked in the metadata or at the end of the name. Should two exist (two workers
 * raced), the oldest is the one.
 */
export async function findServerByKey(session: OpenStackSession, key: string): Promise<NovaServer | null> {
  const candidates = await listServers(session, escapeRegex(key));
  return candidates.filter((s) => keyOf(s) === key).sort(byCreated)[0] ?? null;
}

function portalId(spec: Record<string, unknown>, field: 'flavor' | 'image'): string {
  const value = spec[field];
  if (typeof value !== 'string' || !value) {
    throw new ProviderError('invalid_request', `the VM spec has no ${field}`);
  }
  return value;
}

/** The Nova flavour for a portal flavour id, with a hint at the map when it does not exist. */
async function resolveFlavor(session: OpenStackSession, spec: Record<string, unknown>) {
  const id = portalId(spec, 'flavor');
  const name = session.config.flavorMap[id] ?? id;
  try {
    return await findFlavor(session, name);
  } catch (error) {
    if (error instanceof ProviderError && error.code === 'not_found' && name === id) {
      throw new ProviderError(
        'not_found',
        `${error.message}; map portal flavour "${id}" in DCLOUD_OS_FLAVOR_MAP`,
      );
    }
    throw error;
  }
}

async function resolveImage(session: OpenStackSession, spec: Record<string, unknown>) {
  const id = portalId(spec, 'image');
  const { imageMap, defaultImage } = session.config;
  const name = imageMap[id] ?? defaultImage ?? id;
  try {
    return await findImageId(session, name);
  } catch (error) {
    if (error instanceof ProviderError && error.code === 'not_found' && name === id) {
      throw new ProviderError(
        'not_found',
        `${error.message}; map portal image "${id}" in DCLOUD_OS_IMAGE_MAP`,
      );
    }
    throw error;
  }
}

/**
 * Boots the VM for a request, or returns the server a previous attempt made: the lookup by key
 * comes first, so a retry after a crash or a lost answer does not boot a second server.
 */
export async function createServer(session: OpenStackSession, input: CreateInput): Promise<string> {
  const existing = await findServerByKey(session, input.idempotencyKey);
  if (existing) return existing.id;
  const [flavor, imageRef] = await Promise.all([
    resolveFlavor(session, input.spec),
    resolveImage(session, input.spec),
  ]);
  return bootServer(session, {
    name: nameWithKey(input.name, input.idempotencyKey),
    flavorRef: flavor.id,
    imageRef,
    network: session.config.network,
    metadata: metadataFor(input.labels, input.idempotencyKey),
  });
}

/** How the last resize ended, for a server back on ACTIVE but not on the flavour it was resized to. */
async function resizeOutcome(
  session: OpenStackSession,
  server: NovaServer,
  target: string,
  state: ProviderState,
): Promise<ProviderState> {
  const actions = await listInstanceActions(session, server.id);
  const resize = actions.find((a) => a.action === 'resize');
  // no resize recorded: the request was refused before it started, and resize() said so then
  if (!resize) return state;
  if (!resize.message) return { ...state, state: 'resizing', phase: 'resizing' };
  // which step failed (cold_migrate: the scheduler found no host); the why is in admin-only tracebacks
  const events = await getInstanceActionEvents(session, server.id, resize.request_id);
  const failed = events
    .filter((e) => e.result && e.result !== 'Success')
    .map((e) => `${e.event}: ${e.result}`);
  const current = server.flavor?.original_name ?? 'its old flavour';
  return {
    state: 'error',
    phase: 'resize_failed',
    message:
      `Nova could not resize the server to ${target} (${failed.join(', ') || resize.message}); ` +
      `it still runs as ${current}`,
    access: state.access,
  };
}

/**
 * Where the server stands. A resize waiting in VERIFY_RESIZE is confirmed here (the portal never
 * reverts one), and reported as resizing until Nova has finished confirming it.
 */
export async function serverStatus(session: OpenStackSession, id: string): Promise<ProviderState> {
  const server = await getServer(session, id);
  const state = serverState(server);
  if (!server) return state;
  if (server.status.toUpperCase() === 'VERIFY_RESIZE') {
    await confirmResize(session, id);
    return state;
  }
  const target = server.metadata?.[RESIZE_TARGET_KEY];
  // a server being deleted is past caring about its flavour
  if (state.phase === 'active' && target && server.flavor?.original_name !== target) {
    return resizeOutcome(session, server, target, state);
  }
  return state;
}

/** Starts a resize to the flavour of the new spec (confirmed later by serverStatus). */
export async function resizeServerTo(session: OpenStackSession, id: string, spec: Record<string, unknown>) {
  const flavor = await resolveFlavor(session, spec);
  // the marker goes first: Nova refuses metadata changes while a resize is under way
  await setServerMetadataItem(session, id, RESIZE_TARGET_KEY, flavor.name);
  try {
    await resizeServer(session, id, flavor.id);
  } catch (error) {
    // refused outright (quota, same flavour…): the caller hears it now, the marker must not linger
    await deleteServerMetadataItem(session, id, RESIZE_TARGET_KEY).catch(() => undefined);
    throw error;
  }
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * What the server uses, from Nova's diagnostics (GET /servers/{id}/diagnostics, standard format
 * since 2.48): CPU utilisation averaged over its vCPUs, memory used (MiB → GB). Diagnostics say
 * nothing about disk space, so storage is 0. Where Nova will not answer — the default policy keeps
 * diagnostics for admins, and a building or gone server has none — every figure is 0.
 */
export async function serverUsage(session: OpenStackSession, id: string): Promise<ProviderUsage> {
  const diagnostics = await getDiagnostics(session, id);
  const cpus = (diagnostics?.cpu_details ?? [])
    .map((c) => c.utilisation)
    .filter((u): u is number => typeof u === 'number');
  const cpuPct = cpus.length ? cpus.reduce((sum, u) => sum + u, 0) / cpus.length : 0;
  const memory = diagnostics?.memory_details;
  const usedMiB = Math.min(memory?.used ?? 0, memory?.maximum ?? Number.POSITIVE_INFINITY);
  return {
    cpuPct: round(Math.min(100, Math.max(0, cpuPct)), 1),
    ramUsedGb: round(Math.max(0, usedMiB) / 1024, 2),
    storageUsedGb: 0,
  };
}
