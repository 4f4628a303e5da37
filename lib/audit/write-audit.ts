import type { Tx } from '@/db';
import { auditLog } from '@/db/schema/requests';
import type { Actor } from '@/lib/auth/actor';

export type AuditEntry = {
  actor: Actor | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/** Appends one audit row inside the caller's transaction, so it commits with the change it records. */
export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: entry.actor && entry.actor.via !== 'system' ? entry.actor.id : null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: entry.actor?.ip ?? null,
  });
}
