import { eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { catalogItems } from '@/db/schema/catalog';
import { businessSystems, departments, users } from '@/db/schema/org';
import { requests } from '@/db/schema/requests';
import { appUrl } from '@/lib/config/runtime';
import type { RequestSummary } from './templates';

/** What every mail about a request shows, read inside the caller's transaction. */
export async function loadRequestSummary(
  tx: Tx,
  requestId: string,
): Promise<RequestSummary & { requester: { id: string; email: string; name: string } }> {
  const [row] = await tx
    .select({
      seq: requests.seq,
      purpose: requests.purpose,
      environment: requests.environment,
      estimate: requests.estimateMonthlyKrw,
      itemName: catalogItems.nameKo,
      systemName: businessSystems.name,
      departmentName: departments.nameKo,
      requesterId: users.id,
      requesterEmail: users.email,
      requesterName: users.name,
    })
    .from(requests)
    .innerJoin(catalogItems, eq(catalogItems.id, requests.catalogItemId))
    .innerJoin(businessSystems, eq(businessSystems.id, requests.systemId))
    .innerJoin(departments, eq(departments.id, requests.departmentId))
    .innerJoin(users, eq(users.id, requests.requesterId))
    .where(eq(requests.id, requestId));
  if (!row) throw new Error(`request ${requestId} not found`);
  return {
    requestId,
    number: `REQ-${String(row.seq).padStart(6, '0')}`,
    itemName: row.itemName,
    systemName: row.systemName,
    departmentName: row.departmentName,
    requesterName: row.requesterName,
    purpose: row.purpose,
    environment: row.environment,
    estimateMonthlyKrw: row.estimate,
    requestUrl: `${appUrl()}/requests/${requestId}`,
    requester: { id: row.requesterId, email: row.requesterEmail, name: row.requesterName },
  };
}
