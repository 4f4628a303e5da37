import { eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import type { requestStatusEnum } from '@/db/schema/enums';
import { requests } from '@/db/schema/requests';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors/app-error';

export type RequestStatus = (typeof requestStatusEnum.enumValues)[number];

/** The request lifecycle: every legal move, and nothing else. */
const requestTransitions: Record<RequestStatus, readonly RequestStatus[]> = {
  draft: ['submitted', 'cancelled'],
  submitted: ['in_approval', 'approved', 'cancelled'],
  in_approval: ['approved', 'rejected', 'cancelled'],
  approved: ['provisioning', 'failed'],
  provisioning: ['active', 'failed'],
  active: [],
  rejected: ['submitted'],
  cancelled: [],
  failed: [],
};

export function canMoveRequest(from: RequestStatus, to: RequestStatus): boolean {
  return requestTransitions[from].includes(to);
}

/** The guard: throws a precise 409 for an illegal move. */
export function assertRequestTransition(from: RequestStatus, to: RequestStatus): void {
  if (canMoveRequest(from, to)) return;
  const closed = requestTransitions[from].length === 0;
  throw new AppError('illegal_transition', {
    messageKey: closed ? 'requestClosed' : 'transition',
    values: { status: from, from, to },
    log: `request ${from} → ${to} refused`,
  });
}

export type TransitionRequestOptions = {
  requestId: string;
  from: RequestStatus;
  to: RequestStatus;
  actor: Actor | null;
  action: string;
  detail?: Record<string, unknown>;
  set?: Partial<typeof requests.$inferInsert>;
};

/** Moves a request (already locked by the caller) and writes its audit row in the caller's transaction. */
export async function transitionRequest(tx: Tx, options: TransitionRequestOptions): Promise<void> {
  assertRequestTransition(options.from, options.to);
  await tx
    .update(requests)
    .set({ ...options.set, status: options.to, updatedAt: new Date() })
    .where(eq(requests.id, options.requestId));
  await writeAudit(tx, {
    actor: options.actor,
    action: options.action,
    entityType: 'request',
    entityId: options.requestId,
    before: { status: options.from },
    after: { status: options.to, ...options.detail },
  });
}

/** Locks a request row for the rest of the transaction (serialises decisions on one request). */
export async function lockRequest(tx: Tx, requestId: string) {
  const [row] = await tx.select().from(requests).where(eq(requests.id, requestId)).for('update');
  if (!row) throw new AppError('not_found', { messageKey: 'requestNotFound' });
  return row;
}
