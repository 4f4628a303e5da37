import { and, eq, inArray, min } from 'drizzle-orm';
import type { Tx } from '@/db';
import { type CostRecordSource, systemCostProfiles } from '@/db/schema/costs';
import { resources } from '@/db/schema/resources';
import { writeAudit } from '@/lib/audit/write-audit';
import { systemActor } from '@/lib/auth/system-actor';
import { seoulToday } from '@/lib/format/dates';
import type { SystemMonth } from './month-allocations';

// The cost profile (system_cost_profiles) of a business system the portal made, derived from its
// resources when its first allocation is rolled up (lib/costs/roll-up-allocations.ts).

const RESOURCES: CostRecordSource = 'resources';
const environmentRank = { dev: 0, staging: 1, prod: 2 } as const;

export type DeriveCostProfilesOptions = {
  tx: Tx;
  /** the systems with an allocation this month, with the most they held at once */
  bySystem: Map<string, SystemMonth>;
  /** the resources the month was rolled up from, oldest first */
  resources: {
    systemId: string;
    poolId: string;
    createdAt: Date;
    environment: keyof typeof environmentRank;
  }[];
};

/**
 * 별도 구축 assumptions of a portal-made system, made with its first allocation (not when the system is
 * named at submission: a system whose request is rejected or cancelled never moved onto the cloud,
 * and a profile would charge it a build and an onboarding). From its resources, with no typed-in
 * figures: the pool its first resource runs in; moved in the month its first resource was made; the
 * most demanding environment among its resources (production is built with `prodMinServers`);
 * the peak the most it held at once — headroom, server classes and prices come from the assumption
 * set in force, as for every system. A derived profile's peak rises when the system holds more later;
 * a recorded one (the demo history) is never changed.
 */
export async function deriveCostProfiles({
  tx,
  bySystem,
  resources: rows,
}: DeriveCostProfilesOptions): Promise<string[]> {
  const systemIds = [...bySystem.keys()];
  if (systemIds.length === 0) return [];
  const p = systemCostProfiles;
  const existing = await tx
    .select({
      systemId: p.systemId,
      source: p.source,
      vcpu: p.peakVcpu,
      ramGb: p.peakRamGb,
      storageGb: p.peakStorageGb,
    })
    .from(p)
    .where(inArray(p.systemId, systemIds));
  const known = new Map(existing.map((e) => [e.systemId, e]));
  const missing = systemIds.filter((id) => !known.has(id));

  const created: string[] = [];
  if (missing.length) {
    const firstMade = await tx
      .select({ systemId: resources.systemId, at: min(resources.createdAt) })
      .from(resources)
      .where(inArray(resources.systemId, missing))
      .groupBy(resources.systemId);
    const since = new Map(firstMade.map((f) => [f.systemId, f.at!]));
    for (const systemId of missing) {
      const own = rows.filter((r) => r.systemId === systemId);
      const environment = own
        .map((r) => r.environment)
        .reduce((a, b) => (environmentRank[b] > environmentRank[a] ? b : a));
      const { peak } = bySystem.get(systemId)!;
      const profile = {
        systemId,
        poolId: own[0]!.poolId,
        movedOn: `${seoulToday(since.get(systemId) ?? own[0]!.createdAt).slice(0, 7)}-01`,
        environment,
        peakVcpu: peak.vcpu,
        peakRamGb: peak.ramGb,
        peakStorageGb: peak.storageGb,
        source: RESOURCES,
      };
      const [row] = await tx
        .insert(p)
        .values(profile)
        .onConflictDoNothing()
        .returning({ systemId: p.systemId });
      if (!row) continue;
      created.push(systemId);
      await writeAudit(tx, {
        actor: systemActor,
        action: 'cost_profile.created',
        entityType: 'business_system',
        entityId: systemId,
        after: profile,
      });
    }
  }

  for (const e of existing) {
    const { peak } = bySystem.get(e.systemId)!;
    if (
      e.source !== RESOURCES ||
      (peak.vcpu <= e.vcpu && peak.ramGb <= e.ramGb && peak.storageGb <= e.storageGb)
    )
      continue;
    await tx
      .update(p)
      .set({
        peakVcpu: Math.max(e.vcpu, peak.vcpu),
        peakRamGb: Math.max(e.ramGb, peak.ramGb),
        peakStorageGb: Math.max(e.storageGb, peak.storageGb),
        updatedAt: new Date(),
      })
      .where(and(eq(p.systemId, e.systemId), eq(p.source, RESOURCES)));
  }
  return created;
}
