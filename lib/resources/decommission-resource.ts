import { eq } from 'drizzle-orm';
import { type Db, getDb, type Tx } from '@/db';
import { requests } from '@/db/schema/requests';
import { resources } from '@/db/schema/resources';
import { type Actor, hasRole, seesAllDepartments } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors/app-error';
import { enqueue } from '@/lib/jobs/enqueue';
import { type ResourceStatus, transitionResource } from './transitions';

export type DecommissionResourceOptions = { actor: Actor; resourceId: string };

/** Who a resource belongs to, as the decommission rule reads it. */
type Ownership = { departmentId: string; requesterId: string };

/** Only these can be handed back; the other states answer with why not (409). */
const refusal: Partial<Record<ResourceStatus, string>> = {
  provisioning: 'decommissionWhileProvisioning',
  decommissioning: 'alreadyDecommissioning',
  decommissioned: 'alreadyDecommissioned',
};

/**
 * 반납 may be asked by whoever requested the resource, a department approver (부서 결재권자) of the
 * department that owns it, or an admin.
 */
export function mayDecommission(actor: Actor, owner: Ownership): boolean {
  if (hasRole(actor, 'admin') || owner.requesterId === actor.id) return true;
  return hasRole(actor, 'dept_approver') && actor.departmentId === owner.departmentId;
}

const isUuid = (id: string) => /^[0-9a-f-]{36}$/i.test(id);

async function ownership(tx: Db | Tx, resourceId: string, lock: boolean) {
  const query = tx
    .select({
      status: resources.status,
      departmentId: resources.departmentId,
      requestId: resources.requestId,
    })
    .from(resources)
    .where(eq(resources.id, resourceId));
  const [resource] = lock ? await query.for('update') : await query;
  if (!resource) return null;
  const [request] = await tx
    .select({ requesterId: requests.requesterId })
    .from(requests)
    .where(eq(requests.id, resource.requestId));
  return { ...resource, requesterId: request!.requesterId };
}

/** Whether the actor sees the resource and may hand it back (the page shows the 반납 button). */
export async function canDecommissionResource({
  actor,
  resourceId,
}: DecommissionResourceOptions): Promise<boolean> {
  if (!isUuid(resourceId)) return false;
  const owner = await ownership(getDb(), resourceId, false);
  return owner !== null && mayDecommission(actor, owner);
}

/**
 * 반납: an active or failed resource moves to decommissioning, and the job that deletes it from the
 * cloud (`provisioning.decommission`, lib/provisioning/decommission.ts) is queued in the same
 * transaction. The deletion itself runs afterwards, never inside the transaction.
 */
export async function decommissionResource({
  actor,
  resourceId,
}: DecommissionResourceOptions): Promise<void> {
  const notFound = () => new AppError('not_found', { messageKey: 'resourceNotFound' });
  if (!isUuid(resourceId)) throw notFound();

  await getDb().transaction(async (tx) => {
    // Phase 1: who asks — a resource they cannot see does not exist for them
    const resource = await ownership(tx, resourceId, true);
    if (!resource) throw notFound();
    if (!seesAllDepartments(actor) && resource.departmentId !== actor.departmentId) throw notFound();
    if (!mayDecommission(actor, resource)) {
      throw new AppError('forbidden', {
        messageKey: 'onlyOwnerDecommissions',
        log: `${actor.email} may not decommission resource ${resourceId}`,
      });
    }

    // Phase 2: only a running or failed resource can be handed back, and only once
    const refused = refusal[resource.status];
    if (refused) {
      throw new AppError('illegal_transition', {
        messageKey: refused,
        log: `resource ${resourceId} is ${resource.status}: decommission refused`,
      });
    }

    // Phase 3: the state change with its event and audit row, and the job, in one transaction
    await transitionResource(tx, {
      resourceId,
      from: resource.status,
      to: 'decommissioning',
      actor,
      event: 'decommissioning',
      set: { providerState: 'deleting' },
    });
    await enqueue(tx, 'provisioning.decommission', { resourceId });
  });
}
