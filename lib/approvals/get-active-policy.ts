import { getDb, type Tx } from '@/db';
import { getReferenceData, type ReferenceData } from '@/lib/catalog/reference-data';
import { defaultPolicy, type Policy, policyInput } from './policy-schema';

export type ActivePolicy = Policy & { version: number; createdAt: Date | null };

/** The approval policy in force: the highest version, or the default when none was saved yet. */
export async function getActivePolicy(tx?: Tx): Promise<ActivePolicy> {
  return activePolicyOf(await getReferenceData(tx ?? getDb()));
}

const parsedPolicies = new WeakMap<ReferenceData, ActivePolicy>();

/** The policy in force in reference data already read, parsed once per version of it. */
export function activePolicyOf(reference: ReferenceData): ActivePolicy {
  const known = parsedPolicies.get(reference);
  if (known) return known;
  const row = reference.policyRow;
  const policy: ActivePolicy = row
    ? {
        ...policyInput.parse({ name: row.name, note: row.note, rules: row.rules, settings: row.settings }),
        version: row.version,
        createdAt: row.createdAt,
      }
    : { ...defaultPolicy, version: 0, createdAt: null };
  parsedPolicies.set(reference, policy);
  return policy;
}
