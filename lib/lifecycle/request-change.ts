import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { requests } from '@/db/schema/requests';
import { resources } from '@/db/schema/resources';
import { startApprovalLine } from '@/lib/approvals/start-approval-line';
import { writeAudit } from '@/lib/audit/write-audit';
import { type Actor, seesAllDepartments } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { type DrTier, estimateMonthlyKrw, footprint } from '@/lib/catalog/estimate';
import { getCatalogOptions, getRateCard } from '@/lib/catalog/queries';
import { AppError } from '@/lib/errors/app-error';
import { zodDetails } from '@/lib/errors/zod-details';
import { getRequest, type RequestView } from '@/lib/requests/queries';
import { mayDecommission } from '@/lib/resources/decommission-resource';
import { applyChange, type ChangeRequestSpec, changeableFields, changeSchema } from './change-spec';

/** The longest a temporary scale-up may last. */
export const MAX_SCALE_UP_DAYS = 90;

/** A change request as a client sends it (POST /api/v1/resources/:id/changes). */
export const changeRequestInput = z.object({
  kind: z.enum(['resize', 'scale_up'], { error: 'validation.choice' }),
  change: changeSchema,
  window: z
    .object({
      from: z.iso.datetime({ offset: true, error: 'validation.dateTime' }),
      until: z.iso.datetime({ offset: true, error: 'validation.dateTime' }),
    })
    .optional(),
  purpose: z
    .string({ error: 'validation.purposeMin' })
    .trim()
    .min(10, { error: 'validation.purposeMin' })
    .max(2000, { error: 'validation.purposeMax' }),
});
export type ChangeRequestInput = z.input<typeof changeRequestInput>;

/** The `spec` of the scale-up and resize catalogue items in POST /api/v1/requests: the resource, the change, the window. */
export const changeItemSpec = z.object({
  resourceId: z.uuid({ error: 'validation.choice' }),
  change: changeSchema,
  window: changeRequestInput.shape.window,
});

export type RequestChangeOptions = { actor: Actor; resourceId: string; input: unknown; now?: Date };

const catalogItemOf = { resize: 'resource-resize', scale_up: 'scale-up' } as const;
const refuse = (field: string, key: string, values?: Record<string, string | number>) =>
  new AppError('bad_request', {
    messageKey: key,
    values,
    details: { fieldErrors: { [field]: [`errors.${key}`] } },
  });

/**
 * 변경 신청 — asks to resize an active resource, or to scale it up for a time window (reverted
 * automatically at its end). It travels the approval line like any request, priced by what it adds
 * per month; its capacity is reserved at final approval and it is applied by a job.
 */
export async function requestChange({
  actor,
  resourceId,
  input,
  now = new Date(),
}: RequestChangeOptions): Promise<RequestView> {
  requirePermission(actor, 'requests:create');
  const parsed = changeRequestInput.safeParse(input);
  if (!parsed.success) throw new AppError('bad_request', { details: zodDetails(parsed.error) });
  const { kind, change, window, purpose } = parsed.data;
  const notFound = () => new AppError('not_found', { messageKey: 'resourceNotFound' });
  if (!/^[0-9a-f-]{36}$/i.test(resourceId)) throw notFound();

  const db = getDb();
  const [options, rateCard] = await Promise.all([getCatalogOptions(), getRateCard()]);
  const requestId = await db.transaction(async (tx) => {
    // Phase 1: who asks, and of what
    const [resource] = await tx.select().from(resources).where(eq(resources.id, resourceId)).for('update');
    if (!resource || (!seesAllDepartments(actor) && resource.departmentId !== actor.departmentId))
      throw notFound();
    const [origin] = await tx.select().from(requests).where(eq(requests.id, resource.requestId));
    if (!mayDecommission(actor, { departmentId: resource.departmentId, requesterId: origin!.requesterId })) {
      throw new AppError('forbidden', { messageKey: 'onlyOwnerChanges' });
    }
    if (resource.status !== 'active') {
      throw new AppError('illegal_transition', {
        messageKey: 'changeNeedsActive',
        values: { status: resource.status },
      });
    }

    // Phase 2: the change must make sense for this kind of resource
    const allowed = changeableFields[resource.kind] ?? [];
    const fields = Object.keys(change) as (keyof typeof change)[];
    const foreign = fields.find((f) => !allowed.includes(f));
    if (fields.length === 0) throw refuse('change', 'changeEmpty');
    if (foreign) throw refuse(`change.${foreign}`, 'changeFieldNotAllowed');
    if (change.flavor && !options.flavors.some((f) => f.id === change.flavor))
      throw refuse('change.flavor', 'changeUnknownFlavor');
    const before = resource.spec as Record<string, unknown>;
    for (const grow of ['diskGb', 'sizeGb'] as const) {
      if (change[grow] !== undefined && change[grow] < Number(before[grow] ?? 0))
        throw refuse(`change.${grow}`, 'changeDiskShrinks');
    }
    const after = applyChange(before, change);
    if (fields.every((f) => after[f] === before[f])) throw refuse('change', 'changeEmpty');
    const drTier = (before.drTier as DrTier | undefined) ?? 'none';
    const monthlyBefore = estimateMonthlyKrw(
      footprint(resource.kind, before, options),
      rateCard.prices,
      drTier,
    );
    const monthlyAfter = estimateMonthlyKrw(
      footprint(resource.kind, after, options),
      rateCard.prices,
      drTier,
    );
    if (kind === 'scale_up') {
      if (!window) throw refuse('window', 'scaleUpNeedsWindow');
      const from = Date.parse(window.from);
      const until = Date.parse(window.until);
      if (from < now.getTime() - 10 * 60_000) throw refuse('window.from', 'scaleUpStartsInPast');
      if (until <= from) throw refuse('window.until', 'scaleUpEndsBeforeStart');
      if (until - from > MAX_SCALE_UP_DAYS * 86_400_000)
        throw refuse('window.until', 'scaleUpTooLong', { days: MAX_SCALE_UP_DAYS });
      if (monthlyAfter <= monthlyBefore) throw refuse('change', 'scaleUpMustGrow');
    } else if (window) {
      throw refuse('window', 'resizeHasNoWindow');
    }

    // Phase 3: the request, its audit row and its approval line, in this transaction
    const spec: ChangeRequestSpec = { change, before, ...(window ? { window } : {}) };
    const [row] = await tx
      .insert(requests)
      .values({
        departmentId: resource.departmentId,
        requesterId: actor.id,
        systemId: resource.systemId,
        catalogItemId: catalogItemOf[kind],
        kind,
        spec,
        environment: origin!.environment,
        purpose,
        leaseUntil: resource.leaseUntil,
        drTier,
        status: 'submitted',
        estimateMonthlyKrw: monthlyAfter - monthlyBefore,
        rateCardId: rateCard.id,
        targetResourceId: resource.id,
        submittedAt: now,
      })
      .returning({ id: requests.id });
    await writeAudit(tx, {
      actor,
      action: 'request.submitted',
      entityType: 'request',
      entityId: row!.id,
      after: {
        status: 'submitted',
        kind,
        resourceId,
        change,
        window: window ?? null,
        monthlyDeltaKrw: monthlyAfter - monthlyBefore,
      },
    });
    await startApprovalLine(tx, { requestId: row!.id, round: 1, actor, now });
    return row!.id;
  });
  return (await getRequest({ actor, requestId }))!;
}
