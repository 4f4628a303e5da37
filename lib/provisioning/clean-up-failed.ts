import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { resourceEvents, resources } from '@/db/schema/resources';
import { getProvider } from './providers/get-provider';

export type CleanUpFailedOptions = { requestId: string };

/**
 * Job `provisioning.cleanup`: after provisioning failed, deletes whatever the cloud made for the
 * request — found by its reference, or by the idempotency key when a crash lost the reference — so
 * a failure never leaves an orphan behind. Idempotent: deleting what is gone succeeds.
 */
export async function cleanUpFailed({ requestId }: CleanUpFailedOptions): Promise<void> {
  const db = getDb();
  const [resource] = await db.select().from(resources).where(eq(resources.requestId, requestId));
  if (resource?.status !== 'failed') return;
  const cloud = getProvider(resource.provider);
  const ref = resource.providerRef ?? (await cloud.findByKey(requestId))?.ref;
  if (!ref) return;
  await cloud.delete(ref);
  const state = await cloud.status(ref);
  // a cloud may delete asynchronously: until the object is gone, throw and let the retry ask again
  if (state.state !== 'gone') throw new Error(`${ref} is still ${state.state}`);
  await db
    .insert(resourceEvents)
    .values({ resourceId: resource.id, type: 'cleaned_up', detail: { providerRef: ref } });
}
