import { and, eq, inArray, or } from 'drizzle-orm';
import type { Tx } from '@/db';
import { capacityReservations } from '@/db/schema/capacity';

export type ReleaseReservationsOptions = {
  /** every reservation made for this request */
  requestId?: string;
  /** every reservation held for this resource (its own, its DR standby, its changes) */
  resourceId?: string;
  /** only these purposes (e.g. the `change` of a scale-up that ended) */
  purposes?: ('primary' | 'dr' | 'change')[];
  reason: string;
};

/** Gives capacity and quota back, in the caller's transaction. Releasing twice changes nothing. */
export async function releaseReservations(tx: Tx, options: ReleaseReservationsOptions): Promise<number> {
  const whose = [
    options.requestId ? eq(capacityReservations.requestId, options.requestId) : undefined,
    options.resourceId ? eq(capacityReservations.resourceId, options.resourceId) : undefined,
  ].filter((c) => c !== undefined);
  if (whose.length === 0) return 0;
  const released = await tx
    .update(capacityReservations)
    .set({ status: 'released', releasedAt: new Date(), releaseReason: options.reason })
    .where(
      and(
        or(...whose),
        eq(capacityReservations.status, 'held'),
        options.purposes ? inArray(capacityReservations.purpose, options.purposes) : undefined,
      ),
    )
    .returning({ id: capacityReservations.id });
  return released.length;
}
