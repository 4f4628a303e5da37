import { and, desc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { requests } from '@/db/schema/requests';
import { resources } from '@/db/schema/resources';
import { type Actor, seesAllDepartments } from '@/lib/auth/actor';
import type { RequestStatus } from '@/lib/requests/transitions';
import { readChangeRequestSpec } from './change-spec';

export type ListResourceChangesOptions = { actor: Actor; resourceId: string };

/**
 * The change requests (사양 변경, 일시 증설) of a resource, newest first, for whoever sees the
 * resource; null when the resource does not exist for the actor.
 */
export async function listResourceChanges({ actor, resourceId }: ListResourceChangesOptions) {
  if (!/^[0-9a-f-]{36}$/i.test(resourceId)) return null;
  const db = getDb();
  const [resource] = await db
    .select({ departmentId: resources.departmentId })
    .from(resources)
    .where(eq(resources.id, resourceId));
  if (!resource || (!seesAllDepartments(actor) && resource.departmentId !== actor.departmentId)) return null;
  const rows = await db
    .select({
      id: requests.id,
      seq: requests.seq,
      kind: requests.kind,
      status: requests.status,
      spec: requests.spec,
      estimateMonthlyKrw: requests.estimateMonthlyKrw,
      failureReason: requests.failureReason,
      submittedAt: requests.submittedAt,
      createdAt: requests.createdAt,
    })
    .from(requests)
    .where(and(eq(requests.targetResourceId, resourceId), inArray(requests.kind, ['resize', 'scale_up'])))
    .orderBy(desc(requests.seq));
  return rows.map((r) => {
    const { change, window } = readChangeRequestSpec(r.spec);
    return {
      id: r.id,
      number: `REQ-${String(r.seq).padStart(6, '0')}`,
      kind: r.kind as 'resize' | 'scale_up',
      status: r.status as RequestStatus,
      change,
      window: window ?? null,
      /** what the change adds (or, negative, saves) per month */
      monthlyDeltaKrw: r.estimateMonthlyKrw,
      failureReason: r.failureReason,
      submittedAt: (r.submittedAt ?? r.createdAt).toISOString(),
    };
  });
}
export type ResourceChangeView = NonNullable<Awaited<ReturnType<typeof listResourceChanges>>>[number];
