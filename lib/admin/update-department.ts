import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { departments } from '@/db/schema/org';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { codeTaken, departmentInput } from './create-department';
import { isUniqueViolation, parseInput } from './parse-input';

/** Any subset of a department's fields; what is left out stays as it is. */
export const updateDepartmentInput = departmentInput.partial();
export type UpdateDepartmentInput = z.input<typeof updateDepartmentInput>;

export type UpdateDepartmentOptions = { actor: Actor; departmentId: string; input: UpdateDepartmentInput };

const departmentId = z.uuid();

/** Renames a department or changes its code or quotas. Admins only; audited with before and after. */
export async function updateDepartment({ actor, departmentId: id, input }: UpdateDepartmentOptions) {
  requirePermission(actor, 'admin:manage');
  const values = parseInput(updateDepartmentInput, input);
  if (!departmentId.safeParse(id).success)
    throw new AppError('not_found', { messageKey: 'departmentNotFound' });
  try {
    return await getDb().transaction(async (tx) => {
      const [before] = await tx.select().from(departments).where(eq(departments.id, id)).for('update');
      if (!before) throw new AppError('not_found', { messageKey: 'departmentNotFound' });
      if (values.code !== undefined && values.code !== before.code) {
        const [taken] = await tx
          .select({ id: departments.id })
          .from(departments)
          .where(eq(departments.code, values.code));
        if (taken) throw codeTaken();
      }
      const [after] = await tx.update(departments).set(values).where(eq(departments.id, id)).returning();
      await writeAudit(tx, {
        actor,
        action: 'department.updated',
        entityType: 'department',
        entityId: id,
        before: pick(before),
        after: pick(after!),
      });
      return after!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken();
    throw error;
  }
}

function pick(row: typeof departments.$inferSelect) {
  const { code, nameKo, nameEn, quotaVcpu, quotaRamGb, quotaStorageGb, quotaMonthlyKrw } = row;
  return { code, nameKo, nameEn, quotaVcpu, quotaRamGb, quotaStorageGb, quotaMonthlyKrw };
}
