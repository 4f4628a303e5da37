import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { pools } from '@/db/schema/catalog';
import { poolInvestments } from '@/db/schema/costs';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';

const count = z.number({ error: 'validation.integer' }).int().min(0).max(10_000_000);

export const poolInvestmentInput = z.object({
  poolId: z.string().min(1).max(100),
  investedOn: z.iso.date({ error: 'validation.date' }),
  amountKrw: z.number({ error: 'validation.integer' }).int().min(1).max(1_000_000_000_000),
  description: z.string().trim().min(1).max(500),
  physicalCores: count.default(0),
  ramGb: count.default(0),
  storageGb: count.default(0),
  platformSlots: count.default(0),
});
export type PoolInvestmentInput = z.infer<typeof poolInvestmentInput>;

export type RecordPoolInvestmentOptions = { actor: Actor; input: PoolInvestmentInput };

/** Records capex put into a pool and the capacity it bought (one per pool and day). Admins only; audited. */
export async function recordPoolInvestment({
  actor,
  input,
}: RecordPoolInvestmentOptions): Promise<{ id: string }> {
  requirePermission(actor, 'admin:manage');
  return getDb().transaction(async (tx) => {
    const [pool] = await tx.select({ id: pools.id }).from(pools).where(eq(pools.id, input.poolId));
    if (!pool)
      throw new AppError('bad_request', { details: { fieldErrors: { poolId: ['validation.choice'] } } });
    const [row] = await tx
      .insert(poolInvestments)
      .values(input)
      .onConflictDoNothing({ target: [poolInvestments.poolId, poolInvestments.investedOn] })
      .returning({ id: poolInvestments.id });
    if (!row)
      throw new AppError('conflict', {
        log: `an investment in ${input.poolId} on ${input.investedOn} exists`,
      });
    await writeAudit(tx, {
      actor,
      action: 'pool_investment.recorded',
      entityType: 'pool_investment',
      entityId: row.id,
      after: input,
    });
    return row;
  });
}
