import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { requests } from '@/db/schema/requests';
import { resourceEvents, resources } from '@/db/schema/resources';
import { writeAudit } from '@/lib/audit/write-audit';
import { type Actor, seesAllDepartments } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { mayDecommission } from '@/lib/resources/decommission-resource';
import { LEASE_MAX_MONTHS, latestLeaseEnd, leaseExtendable } from './lease-dates';
import { seoulDay } from './sweep-leases';

/** The body of POST /api/v1/resources/:id/lease. */
export const extendLeaseInput = z.object({
  leaseUntil: z.iso.date({ error: 'validation.date' }).describe('the new last day of use, YYYY-MM-DD'),
});

export type ExtendLeaseOptions = { actor: Actor; resourceId: string; leaseUntil: string; now?: Date };

/**
 * A refusal of the new end, beside its field. A field error is a bare catalogue key (its values are
 * not carried), so a message with a number in it stays in the error's message and the field says
 * "check this field".
 */
const refuse = (key: string, values?: Record<string, string | number>) =>
  new AppError('bad_request', {
    messageKey: key.replace(/^errors\./, ''),
    values,
    details: {
      fieldErrors: {
        leaseUntil: [values ? 'errors.bad_request' : key.includes('.') ? key : `errors.${key}`],
      },
    },
  });

/**
 * 사용 기간 연장 — moves a resource's lease end later. Asked by whoever may hand it back (its
 * requester, a department approver of its department, an admin); the new end must be after the
 * current one and after today, and at most 12 months from today. The lease warnings start over
 * (14 and 3 days before the new end). The change, its history event and its audit row commit together.
 */
export async function extendLease({
  actor,
  resourceId,
  leaseUntil,
  now = new Date(),
}: ExtendLeaseOptions): Promise<{ leaseUntil: string }> {
  requirePermission(actor, 'resources:read');
  const parsed = extendLeaseInput.safeParse({ leaseUntil });
  if (!parsed.success) throw refuse('validation.date');
  const next = parsed.data.leaseUntil;
  const notFound = () => new AppError('not_found', { messageKey: 'resourceNotFound' });
  if (!/^[0-9a-f-]{36}$/i.test(resourceId)) throw notFound();

  await getDb().transaction(async (tx) => {
    // Phase 1: who asks — a resource they cannot see does not exist for them
    const [resource] = await tx.select().from(resources).where(eq(resources.id, resourceId)).for('update');
    if (!resource || (!seesAllDepartments(actor) && resource.departmentId !== actor.departmentId))
      throw notFound();
    const [origin] = await tx
      .select({ requesterId: requests.requesterId })
      .from(requests)
      .where(eq(requests.id, resource.requestId));
    if (!mayDecommission(actor, { departmentId: resource.departmentId, requesterId: origin!.requesterId })) {
      throw new AppError('forbidden', {
        messageKey: 'onlyOwnerExtendsLease',
        log: `${actor.email} may not extend the lease of resource ${resourceId}`,
      });
    }
    if (!leaseExtendable.includes(resource.status)) {
      throw new AppError('illegal_transition', {
        messageKey: 'leaseNeedsLive',
        log: `resource ${resourceId} is ${resource.status}: lease extension refused`,
      });
    }

    // Phase 2: later than now and than the current end, within 12 months of today (Seoul days)
    const today = seoulDay(now);
    const current = resource.leaseUntil;
    if (current !== null && next <= current) throw refuse('leaseNotAfter');
    if (next <= today) throw refuse('validation.leaseFuture');
    if (next > latestLeaseEnd(today)) throw refuse('leaseTooFar', { months: LEASE_MAX_MONTHS });

    // Phase 3: the new end, the warnings reset, its event and audit row, in one transaction
    await tx
      .update(resources)
      .set({ leaseUntil: next, leaseNoticeDays: null, updatedAt: now })
      .where(eq(resources.id, resourceId));
    await tx
      .insert(resourceEvents)
      .values({ resourceId, type: 'lease.extended', detail: { from: current, to: next } });
    await writeAudit(tx, {
      actor,
      action: 'resource.lease_extended',
      entityType: 'resource',
      entityId: resourceId,
      before: { leaseUntil: current, leaseNoticeDays: resource.leaseNoticeDays },
      after: { leaseUntil: next, leaseNoticeDays: null },
    });
  });
  return { leaseUntil: next };
}
