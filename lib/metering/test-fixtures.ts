import { randomUUID } from 'node:crypto';
import { eq, type sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { businessSystems } from '@/db/schema/org';
import type { UsageSample } from './ingest-samples';

/** A seeded business system (with its department) samples can belong to: system_usage_monthly has a foreign key. */
export async function seededSystem(code = 'SYS-BIS') {
  const [row] = await getDb()
    .select({ id: businessSystems.id, departmentId: businessSystems.departmentId })
    .from(businessSystems)
    .where(eq(businessSystems.code, code));
  if (!row) throw new Error(`no business system ${code}`);
  return { systemId: row.id, departmentId: row.departmentId };
}

/** A sample of a made-up resource: 4 vCPU · 16 GB · 100 GB on dc-primary, five minutes long. */
export function sample(
  at: string,
  over: Partial<UsageSample> & Pick<UsageSample, 'systemId' | 'departmentId'>,
): UsageSample {
  return {
    resourceId: randomUUID(),
    sampledAt: new Date(at),
    intervalS: 300,
    poolId: 'dc-primary',
    vcpu: 4,
    ramGb: 16,
    storageGb: 100,
    cpuPct: 10,
    ramUsedGb: 8,
    storageUsedGb: 50,
    ...over,
  };
}

/** Rows of a metering table as plain objects (numbers as numbers). */
export async function rowsOf<T extends Record<string, unknown>>(query: ReturnType<typeof sql>): Promise<T[]> {
  return (await getDb().execute(query)).rows as T[];
}
