import { type CreateInput, ProviderError } from '../types';
import { type CinderVolume, createVolume, extendVolume, listVolumes } from './cinder';
import { keyOf, metadataFor, nameWithKey, REQUEST_ID_KEY } from './refs';
import type { OpenStackSession } from './session';

const byCreated = (a: CinderVolume, b: CinderVolume) =>
  (a.created_at ?? '').localeCompare(b.created_at ?? '');

/** The volume made for this idempotency key (Cinder filters by metadata), the oldest if two raced. */
export async function findVolumeByKey(session: OpenStackSession, key: string): Promise<CinderVolume | null> {
  const candidates = await listVolumes(session, { [REQUEST_ID_KEY]: key });
  return candidates.filter((v) => keyOf(v) === key).sort(byCreated)[0] ?? null;
}

/** The size in whole GiB a volume spec asks for (Cinder sizes are integers). */
function sizeGb(spec: Record<string, unknown>, fallback: number): number {
  const size = typeof spec.sizeGb === 'number' ? spec.sizeGb : fallback;
  if (!Number.isFinite(size) || size <= 0) {
    throw new ProviderError('invalid_request', 'the volume spec has no positive sizeGb');
  }
  return Math.ceil(size);
}

/** Creates the volume for a request, or returns the one a previous attempt made. */
export async function createVolumeFor(session: OpenStackSession, input: CreateInput): Promise<string> {
  const existing = await findVolumeByKey(session, input.idempotencyKey);
  if (existing) return existing.id;
  return createVolume(session, {
    name: nameWithKey(input.name, input.idempotencyKey),
    sizeGb: sizeGb(input.spec, input.footprint.storageGb),
    metadata: metadataFor(input.labels, input.idempotencyKey),
  });
}

/** Grows the volume to the new spec's size. */
export async function resizeVolumeTo(session: OpenStackSession, id: string, spec: Record<string, unknown>) {
  await extendVolume(session, id, sizeGb(spec, 0));
}
