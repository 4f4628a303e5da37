import { ProviderError, type ProviderState } from '../types';
import type { OpenStackSession } from './session';

/** The fields of a Cinder v3 volume the provider reads. */
export type CinderVolume = {
  id: string;
  name: string | null;
  status: string;
  size: number;
  created_at?: string;
  metadata?: Record<string, string>;
};

const NO_CINDER = 'no block-storage service in the catalogue';

async function blockStorage(session: OpenStackSession) {
  // a cloud without Cinder has no endpoint to call: say so, rather than a confusing connection error
  if (!(await session.has('block-storage'))) throw new ProviderError('not_found', NO_CINDER);
  return (request: Parameters<OpenStackSession['call']>[1]) => session.call('block-storage', request);
}

/** Creates a volume (POST /volumes, 202) and returns its id. */
export async function createVolume(
  session: OpenStackSession,
  volume: { name: string; sizeGb: number; metadata: Record<string, string> },
): Promise<string> {
  const cinder = await blockStorage(session);
  const answer = await cinder({
    method: 'POST',
    path: '/volumes',
    body: { volume: { name: volume.name, size: volume.sizeGb, metadata: volume.metadata } },
    what: `create volume "${volume.name}"`,
  });
  const id = (answer.body as { volume?: { id?: string } } | null)?.volume?.id;
  if (!id) throw new ProviderError('unavailable', 'Cinder accepted the volume but answered without its id');
  return id;
}

/** The volume, or null when Cinder has none with this id (404). */
export async function getVolume(session: OpenStackSession, id: string): Promise<CinderVolume | null> {
  const cinder = await blockStorage(session);
  const answer = await cinder({
    method: 'GET',
    path: `/volumes/${encodeURIComponent(id)}`,
    accept: [404],
    what: `read volume ${id}`,
  });
  return answer.status === 404 ? null : ((answer.body as { volume: CinderVolume }).volume ?? null);
}

/** Deletes a volume (DELETE, 202); one Cinder no longer knows (404) is already gone. */
export async function deleteVolume(session: OpenStackSession, id: string): Promise<void> {
  const cinder = await blockStorage(session);
  await cinder({
    method: 'DELETE',
    path: `/volumes/${encodeURIComponent(id)}`,
    accept: [404],
    what: `delete volume ${id}`,
  });
}

/** Grows a volume (POST /volumes/{id}/action {"os-extend": {new_size}}, 202); Cinder cannot shrink one. */
export async function extendVolume(session: OpenStackSession, id: string, sizeGb: number): Promise<void> {
  const cinder = await blockStorage(session);
  await cinder({
    method: 'POST',
    path: `/volumes/${encodeURIComponent(id)}/action`,
    body: { 'os-extend': { new_size: sizeGb } },
    what: `extend volume ${id} to ${sizeGb} GiB`,
  });
}

const PAGE = 200;

/**
 * Volumes of the project (GET /volumes/detail, paged), optionally only those whose metadata holds
 * `metadata` (Cinder's filter takes a dict literal; JSON is one). Empty when the cloud has no Cinder.
 */
export async function listVolumes(
  session: OpenStackSession,
  metadata?: Record<string, string>,
): Promise<CinderVolume[]> {
  if (!(await session.has('block-storage'))) return [];
  const volumes: CinderVolume[] = [];
  for (let marker: string | undefined; ; ) {
    const query = new URLSearchParams({ limit: String(PAGE) });
    if (metadata) query.set('metadata', JSON.stringify(metadata));
    if (marker) query.set('marker', marker);
    const answer = await session.call('block-storage', {
      method: 'GET',
      path: `/volumes/detail?${query}`,
      what: 'list volumes',
    });
    const page = (answer.body as { volumes?: CinderVolume[] }).volumes ?? [];
    volumes.push(...page);
    if (page.length < PAGE) return volumes;
    marker = page.at(-1)!.id;
  }
}

/** Where a volume stands, from Cinder's status. */
export function volumeState(volume: CinderVolume | null): ProviderState {
  if (!volume) return { state: 'gone' };
  const status = volume.status.toLowerCase();
  switch (status) {
    case 'creating':
    case 'downloading':
    case 'reserved':
      return { state: 'building', phase: status };
    case 'available':
    case 'in-use':
    case 'attaching':
    case 'detaching':
    case 'backing-up':
    case 'restoring-backup':
    case 'maintenance':
      return { state: 'active', phase: status, progress: 100 };
    case 'extending':
      return { state: 'resizing', phase: status };
    case 'deleting':
      return { state: 'active', phase: 'deleting' };
    default:
      // error, error_deleting, error_extending, error_restoring…: Cinder gave up
      return { state: 'error', phase: status, message: `Cinder reports the volume as ${volume.status}` };
  }
}
