import { desc, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { pools } from '@/db/schema/catalog';
import { costAssumptionSets } from '@/db/schema/costs';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import type { CostAssumptionsInput } from './assumptions-schema';

export type SaveCostAssumptionsOptions = { actor: Actor; input: CostAssumptionsInput };

/**
 * Saves a new version of the cost-model assumptions, in force from its effective date (the old
 * versions stay, so a figure can always be recomputed as it was). Admins only; audited. Refuses opex
 * for a pool that does not exist, naming the field.
 */
export async function saveCostAssumptions({
  actor,
  input,
}: SaveCostAssumptionsOptions): Promise<{ version: number }> {
  requirePermission(actor, 'admin:manage');
  const db = getDb();
  const known = new Set((await db.select({ id: pools.id }).from(pools)).map((p) => p.id));
  const unknown = Object.keys(input.assumptions.shared.opexPerYearKrw).filter((id) => !known.has(id));
  if (unknown.length)
    throw new AppError('bad_request', {
      details: {
        fieldErrors: Object.fromEntries(
          unknown.map((id) => [`assumptions.shared.opexPerYearKrw.${id}`, ['validation.choice']]),
        ),
      },
    });

  return db.transaction(async (tx) => {
    // serialise saves so two admins never write the same version
    await tx.execute(sql`select pg_advisory_xact_lock(726354003)`);
    const [last] = await tx
      .select({ version: costAssumptionSets.version })
      .from(costAssumptionSets)
      .orderBy(desc(costAssumptionSets.version))
      .limit(1);
    const version = (last?.version ?? 0) + 1;
    await tx.insert(costAssumptionSets).values({
      version,
      name: input.name,
      effectiveFrom: input.effectiveFrom,
      assumptions: input.assumptions,
      note: input.note,
      createdBy: actor.id,
    });
    await writeAudit(tx, {
      actor,
      action: 'cost_assumptions.saved',
      entityType: 'cost_assumption_set',
      entityId: String(version),
      after: { version, ...input },
    });
    return { version };
  });
}
