import { eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import type { resourceStatusEnum } from '@/db/schema/enums';
import { resourceEvents, resources } from '@/db/schema/resources';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors/app-error';

export type ResourceStatus = (typeof resourceStatusEnum.enumValues)[number];

/** The resource lifecycle. */
const resourceTransitions: Record<ResourceStatus, readonly ResourceStatus[]> = {
  provisioning: ['active', 'failed'],
  active: ['resizing', 'decommissioning'],
  // a resize that the cloud refused leaves the object as it was: back to active, with the reason in its history
  resizing: ['active', 'decommissioning'],
  failed: ['decommissioning'],
  decommissioning: ['decommissioned', 'failed'],
  decommissioned: [],
};

export function assertResourceTransition(from: ResourceStatus, to: ResourceStatus): void {
  if (resourceTransitions[from].includes(to)) return;
  throw new AppError('illegal_transition', {
    messageKey: 'transition',
    values: { from, to },
    log: `resource ${from} → ${to} refused`,
  });
}

export type TransitionResourceOptions = {
  resourceId: string;
  from: ResourceStatus;
  to: ResourceStatus;
  actor: Actor | null;
  event: string;
  detail?: Record<string, unknown>;
  set?: Partial<typeof resources.$inferInsert>;
};

/** Moves a resource (locked by the caller), records an event for its page and an audit row. */
export async function transitionResource(tx: Tx, options: TransitionResourceOptions): Promise<void> {
  assertResourceTransition(options.from, options.to);
  await tx
    .update(resources)
    .set({ ...options.set, status: options.to, updatedAt: new Date() })
    .where(eq(resources.id, options.resourceId));
  await tx
    .insert(resourceEvents)
    .values({ resourceId: options.resourceId, type: options.event, detail: options.detail ?? null });
  await writeAudit(tx, {
    actor: options.actor,
    action: `resource.${options.event}`,
    entityType: 'resource',
    entityId: options.resourceId,
    before: { status: options.from },
    after: { status: options.to, ...options.detail },
  });
}
