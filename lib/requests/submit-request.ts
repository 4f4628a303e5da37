import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { businessSystems } from '@/db/schema/org';
import { requests } from '@/db/schema/requests';
import { startApprovalLine } from '@/lib/approvals/start-approval-line';
import { writeAudit } from '@/lib/audit/write-audit';
import { type Actor, seesAllDepartments } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { estimateMonthlyKrw, footprint } from '@/lib/catalog/estimate';
import { rateCardOn } from '@/lib/catalog/queries';
import { getReferenceData } from '@/lib/catalog/reference-data';
import { isRequestableKind, specSchemas } from '@/lib/catalog/spec-schemas';
import { unstorableTextPath } from '@/lib/config/storable-text';
import { AppError } from '@/lib/errors/app-error';
import { zodDetails } from '@/lib/errors/zod-details';
import { changeItemSpec, requestChange } from '@/lib/lifecycle/request-change';
import { getRequest, type RequestView } from './queries';

/** A unique-constraint violation of `constraint` (PostgreSQL 23505), bare or wrapped by drizzle. */
function isUniqueViolation(error: unknown, constraint: string): boolean {
  const pgError = ((error as { cause?: unknown } | null)?.cause ?? error) as {
    code?: string;
    constraint?: string;
  } | null;
  return pgError?.code === '23505' && pgError.constraint === constraint;
}

/** The request as a client sends it (API.md POST /api/v1/requests). */
export const submitRequestInput = z
  .object({
    catalogItemId: z.string({ error: 'validation.choice' }).min(1, { error: 'validation.choice' }).max(100),
    systemId: z.uuid({ error: 'validation.choice' }).optional(),
    systemName: z
      .string()
      .trim()
      .min(2, { error: 'validation.systemName' })
      .max(100, { error: 'validation.systemName' })
      .optional(),
    spec: z.record(z.string(), z.unknown(), { error: 'validation.required' }),
    environment: z.enum(['dev', 'staging', 'prod'], { error: 'validation.choice' }),
    purpose: z
      .string({ error: 'validation.purposeMin' })
      .trim()
      .min(10, { error: 'validation.purposeMin' })
      .max(2000, { error: 'validation.purposeMax' }),
    leaseUntil: z.iso
      .date({ error: 'validation.leaseFuture' })
      .refine((d) => d > new Date().toISOString().slice(0, 10), { error: 'validation.leaseFuture' })
      .optional(),
    drTier: z.enum(['none', 'backup', 'replicated'], { error: 'validation.choice' }).default('none'),
  })
  .refine((v) => v.systemId !== undefined || v.systemName !== undefined, {
    error: 'errors.systemRequired',
    path: ['systemId'],
  })
  // a NUL or a lone surrogate would be refused by PostgreSQL (a 500): refused here, at its field
  .superRefine((v, ctx) => {
    const path = unstorableTextPath(v);
    if (path !== null) ctx.addIssue({ code: 'custom', path: path.split('.'), message: 'errors.bad_request' });
  });
export type SubmitRequestInput = z.input<typeof submitRequestInput>;

export type SubmitRequestOptions = {
  actor: Actor;
  input: z.output<typeof submitRequestInput>;
  idempotencyKey?: string | null;
};

/**
 * 기안 — submits a resource request: validates the spec against its catalogue item, freezes the
 * monthly estimate under the current rate card, computes and freezes the 결재선, and makes the
 * first step pending. Returns the stored request; with an Idempotency-Key already used by this
 * requester, returns the request made the first time instead of a second one.
 */
export async function submitRequest({ actor, input, idempotencyKey }: SubmitRequestOptions): Promise<{
  request: RequestView;
  created: boolean;
}> {
  requirePermission(actor, 'requests:create');
  const db = getDb();

  const madeBefore = async () => {
    if (!idempotencyKey) return null;
    const [existing] = await db
      .select({ id: requests.id })
      .from(requests)
      .where(and(eq(requests.requesterId, actor.id), eq(requests.idempotencyKey, idempotencyKey)));
    return existing
      ? { request: (await getRequest({ actor, requestId: existing.id }))!, created: false }
      : null;
  };
  const earlier = await madeBefore();
  if (earlier) return earlier;

  // Phase 1: the item and its spec (reference data: cached, one round trip to check it is current)
  const reference = await getReferenceData(db);
  const item = reference.items.find((i) => i.id === input.catalogItemId);
  // a scale-up or resize names the resource it changes: it is a change request (변경 신청)
  if (item?.active && (item.kind === 'scale_up' || item.kind === 'resize')) {
    const spec = changeItemSpec.safeParse(input.spec);
    if (!spec.success) throw new AppError('bad_request', { details: zodDetails(spec.error, ['spec']) });
    const request = await requestChange({
      actor,
      resourceId: spec.data.resourceId,
      input: { kind: item.kind, change: spec.data.change, window: spec.data.window, purpose: input.purpose },
    });
    return { request, created: true };
  }
  if (!item?.active || !isRequestableKind(item.kind)) {
    throw new AppError('bad_request', {
      messageKey: 'catalogItemNotFound',
      details: { fieldErrors: { catalogItemId: ['errors.catalogItemNotFound'] } },
    });
  }
  const { options } = reference;
  const rateCard = rateCardOn(reference);
  const parsedSpec = specSchemas(options)[item.kind].safeParse(input.spec);
  if (!parsedSpec.success) {
    throw new AppError('bad_request', { details: zodDetails(parsedSpec.error, ['spec']) });
  }
  const spec = parsedSpec.data as Record<string, unknown>;
  const estimate = estimateMonthlyKrw(footprint(item.kind, spec, options), rateCard.prices, input.drTier);

  // Phase 2: one transaction for the request, its frozen line and the audit row
  const written = db.transaction(async (tx) => {
    let systemId = input.systemId;
    if (systemId) {
      const [system] = await tx
        .select({ id: businessSystems.id, departmentId: businessSystems.departmentId })
        .from(businessSystems)
        .where(eq(businessSystems.id, systemId));
      if (!system || (system.departmentId !== actor.departmentId && !seesAllDepartments(actor))) {
        throw new AppError('bad_request', {
          messageKey: 'systemNotFound',
          details: { fieldErrors: { systemId: ['errors.systemNotFound'] } },
        });
      }
    } else {
      const [system] = await tx
        .insert(businessSystems)
        .values({
          departmentId: actor.departmentId,
          code: `SYS-${Date.now().toString(36).toUpperCase()}-${Math.random().toString(36).slice(2, 6).toUpperCase()}`,
          name: input.systemName!,
        })
        .returning({ id: businessSystems.id });
      systemId = system!.id;
      await writeAudit(tx, {
        actor,
        action: 'system.created',
        entityType: 'business_system',
        entityId: systemId,
        after: { name: input.systemName },
      });
    }

    const [row] = await tx
      .insert(requests)
      .values({
        departmentId: actor.departmentId,
        requesterId: actor.id,
        systemId,
        catalogItemId: item.id,
        kind: item.kind,
        spec,
        environment: input.environment,
        purpose: input.purpose,
        leaseUntil: input.leaseUntil ?? null,
        drTier: input.drTier,
        status: 'submitted',
        estimateMonthlyKrw: estimate,
        rateCardId: rateCard.id,
        idempotencyKey: idempotencyKey ?? null,
        submittedAt: new Date(),
      })
      .returning();
    const id = row!.id;

    await writeAudit(tx, {
      actor,
      action: 'request.submitted',
      entityType: 'request',
      entityId: id,
      after: { status: 'submitted', estimateMonthlyKrw: estimate },
    });
    await startApprovalLine(tx, { requestId: id, round: 1, actor, now: new Date(), request: row, reference });
    return id;
  });
  const requestId = await written.catch(async (error: unknown) => {
    // the same Idempotency-Key again while the first submission was still in flight: that one stands
    const winner = isUniqueViolation(error, 'requests_idempotency') ? await madeBefore() : null;
    if (!winner) throw error;
    return winner;
  });
  if (typeof requestId !== 'string') return requestId;

  return { request: (await getRequest({ actor, requestId }))!, created: true };
}
