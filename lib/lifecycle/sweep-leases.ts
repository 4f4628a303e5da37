import { and, eq, gt, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { resourceEvents, resources } from '@/db/schema/resources';
import { systemActor } from '@/lib/auth/system-actor';
import { appUrl } from '@/lib/config/runtime';
import { enqueue } from '@/lib/jobs/enqueue';
import { queueMail } from '@/lib/notify/queue-mail';
import { loadRequestSummary } from '@/lib/notify/request-summary';
import { transitionResource } from '@/lib/resources/transitions';

/** Warnings go out this many days before a lease ends; after it ends, a grace period before 반납. */
export const LEASE_NOTICE_DAYS = [14, 3] as const;
export const LEASE_GRACE_DAYS = 7;

export type SweepLeasesOptions = { now?: Date };

/** The Seoul calendar day of an instant, as YYYY-MM-DD. */
export function seoulDay(at: Date): string {
  return new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Job `lifecycle.lease-sweep` (hourly): an active resource whose lease ends within 14 days gets a
 * warning, again at 3 days; once the lease and its grace period are over it is handed back (반납) by
 * the system, with a last notice. Each notice is claimed by a conditional update, so two workers or
 * a rerun never send it twice.
 */
export async function sweepLeases({
  now = new Date(),
}: SweepLeasesOptions): Promise<{ warned: number; reclaimed: number }> {
  const db = getDb();
  const today = seoulDay(now);
  let warned = 0;
  let reclaimed = 0;

  for (const days of LEASE_NOTICE_DAYS) {
    const claimed = await db.transaction(async (tx) => {
      const rows = await tx
        .update(resources)
        .set({ leaseNoticeDays: days })
        .where(
          and(
            eq(resources.status, 'active'),
            isNotNull(resources.leaseUntil),
            lte(resources.leaseUntil, addDays(today, days)),
            sql`${resources.leaseUntil} >= ${today}`,
            or(isNull(resources.leaseNoticeDays), gt(resources.leaseNoticeDays, days)),
          ),
        )
        .returning();
      for (const r of rows) {
        const summary = await loadRequestSummary(tx, r.requestId);
        const daysLeft = Math.round(
          (Date.parse(`${r.leaseUntil}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
        );
        await queueMail(tx, {
          template: 'lease-expiring',
          to: summary.requester,
          dedupeKey: `lease-expiring:${r.id}:${days}`,
          requestId: r.requestId,
          data: {
            ...summary,
            resourceName: r.name,
            resourceUrl: `${appUrl()}/resources/${r.id}`,
            leaseUntil: r.leaseUntil!,
            daysLeft,
            reclaimOn: addDays(r.leaseUntil!, LEASE_GRACE_DAYS + 1),
          },
        });
        await tx.insert(resourceEvents).values({
          resourceId: r.id,
          type: 'lease.warned',
          detail: { daysLeft, leaseUntil: r.leaseUntil },
        });
      }
      return rows.length;
    });
    warned += claimed;
  }

  // past the lease and its grace period: 반납 by the system
  reclaimed = await db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(resources)
      .where(
        and(
          eq(resources.status, 'active'),
          isNotNull(resources.leaseUntil),
          sql`${resources.leaseUntil} < ${addDays(today, -LEASE_GRACE_DAYS)}`,
        ),
      )
      .for('update', { skipLocked: true });
    for (const r of due) {
      await transitionResource(tx, {
        resourceId: r.id,
        from: 'active',
        to: 'decommissioning',
        actor: systemActor,
        event: 'lease.reclaimed',
        detail: { leaseUntil: r.leaseUntil, graceDays: LEASE_GRACE_DAYS },
        set: { providerState: 'deleting', leaseNoticeDays: 0 },
      });
      await enqueue(tx, 'provisioning.decommission', { resourceId: r.id });
    }
    return due.length;
  });
  return { warned, reclaimed };
}
