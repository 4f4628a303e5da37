import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { departments } from '@/db/schema/org';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { isUniqueViolation, parseInput } from './parse-input';

/** Quotas are integer columns: whole units, KRW for the budget, within PostgreSQL's integer range. */
const quota = z
  .number({ error: 'validation.integer' })
  .int({ error: 'validation.integer' })
  .min(0, { error: 'validation.quota' })
  .max(2_000_000_000, { error: 'validation.quota' });

const departmentName = z
  .string({ error: 'validation.name' })
  .trim()
  .min(1, { error: 'validation.name' })
  .max(100, { error: 'validation.name' });

/** A department as an administrator enters it; the code is stored upper-case. */
export const departmentInput = z.object({
  code: z
    .string({ error: 'validation.departmentCode' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{2,20}$/, { error: 'validation.departmentCode' }),
  nameKo: departmentName,
  nameEn: departmentName,
  quotaVcpu: quota,
  quotaRamGb: quota,
  quotaStorageGb: quota,
  quotaMonthlyKrw: quota,
});
export type DepartmentInput = z.input<typeof departmentInput>;

export type CreateDepartmentOptions = { actor: Actor; input: DepartmentInput };

export const codeTaken = () =>
  new AppError('conflict', {
    messageKey: 'departmentCodeTaken',
    details: { fieldErrors: { code: ['errors.departmentCodeTaken'] } },
  });

/** Adds a department with its quotas (vCPU, RAM GB, storage GB, monthly budget KRW). Admins only. */
export async function createDepartment({ actor, input }: CreateDepartmentOptions) {
  requirePermission(actor, 'admin:manage');
  const values = parseInput(departmentInput, input);
  try {
    return await getDb().transaction(async (tx) => {
      const [taken] = await tx
        .select({ id: departments.id })
        .from(departments)
        .where(eq(departments.code, values.code));
      if (taken) throw codeTaken();
      const [row] = await tx.insert(departments).values(values).returning();
      await writeAudit(tx, {
        actor,
        action: 'department.created',
        entityType: 'department',
        entityId: row!.id,
        after: values,
      });
      return row!;
    });
  } catch (error) {
    // two admins creating the same code at once: the unique index decides
    if (isUniqueViolation(error)) throw codeTaken();
    throw error;
  }
}
