import { desc } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { approvalPolicies } from '@/db/schema/approvals';
import { defaultPolicy, type Policy, policyInput } from './policy-schema';

export type ActivePolicy = Policy & { version: number; createdAt: Date | null };

/** The approval policy in force: the highest version, or the default when none was saved yet. */
export async function getActivePolicy(tx?: Tx): Promise<ActivePolicy> {
  const [row] = await (tx ?? getDb())
    .select()
    .from(approvalPolicies)
    .orderBy(desc(approvalPolicies.version))
    .limit(1);
  if (!row) return { ...defaultPolicy, version: 0, createdAt: null };
  const parsed = policyInput.parse({
    name: row.name,
    note: row.note,
    rules: row.rules,
    settings: row.settings,
  });
  return { ...parsed, version: row.version, createdAt: row.createdAt };
}
