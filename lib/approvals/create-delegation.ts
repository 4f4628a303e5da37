import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { delegations } from '@/db/schema/approvals';
import { userRoles, users } from '@/db/schema/org';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { approvingRoles } from './approving-roles';

const isoDate = z.iso.date({ error: 'validation.date' });

export const createDelegationInput = z
  .object({
    substituteId: z.uuid({ error: 'validation.choice' }),
    startsOn: isoDate,
    endsOn: isoDate,
    reason: z.string().trim().max(500).default(''),
  })
  .refine((v) => v.startsOn <= v.endsOn, { error: 'validation.dateOrder', path: ['endsOn'] });

export type CreateDelegationOptions = { actor: Actor } & z.output<typeof createDelegationInput>;

/** 대결 지정 — an approver names a substitute for a date range (Asia/Seoul dates, both inclusive). */
export async function createDelegation(options: CreateDelegationOptions): Promise<{ id: string }> {
  const { actor } = options;
  requirePermission(actor, 'requests:decide');
  if (options.substituteId === actor.id) {
    throw new AppError('bad_request', {
      messageKey: 'selfDelegation',
      details: { fieldErrors: { substituteId: ['errors.selfDelegation'] } },
    });
  }
  return getDb().transaction(async (tx) => {
    const [substitute] = await tx
      .select({ id: users.id, active: users.active })
      .from(users)
      .where(eq(users.id, options.substituteId));
    const held = await tx
      .select({ role: userRoles.role })
      .from(userRoles)
      .where(eq(userRoles.userId, options.substituteId));
    // a substitute must be able to decide: a plain requester would get links that cannot act
    if (substitute?.active && !held.some((r) => (approvingRoles as readonly string[]).includes(r.role))) {
      throw new AppError('bad_request', {
        messageKey: 'notAnApprover',
        details: { fieldErrors: { substituteId: ['errors.notAnApprover'] } },
      });
    }
    if (!substitute?.active) {
      throw new AppError('bad_request', {
        messageKey: 'userNotFound',
        details: { fieldErrors: { substituteId: ['errors.userNotFound'] } },
      });
    }
    const [row] = await tx
      .insert(delegations)
      .values({
        userId: actor.id,
        substituteId: options.substituteId,
        startsOn: options.startsOn,
        endsOn: options.endsOn,
        reason: options.reason,
      })
      .returning({ id: delegations.id });
    await writeAudit(tx, {
      actor,
      action: 'delegation.created',
      entityType: 'delegation',
      entityId: row!.id,
      after: { substituteId: options.substituteId, startsOn: options.startsOn, endsOn: options.endsOn },
    });
    return { id: row!.id };
  });
}
