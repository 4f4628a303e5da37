'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authedAction } from '@/app/_auth/authed-action';
import { createDepartment, departmentInput } from '@/lib/admin/create-department';
import { updateDepartment, updateDepartmentInput } from '@/lib/admin/update-department';

/** Adds a department; its names for the confirmation. */
export const createDepartmentAction = authedAction(
  departmentInput,
  async ({ actor, input }) => {
    const row = await createDepartment({ actor, input });
    revalidatePath('/admin', 'layout');
    return { id: row.id, nameKo: row.nameKo, nameEn: row.nameEn };
  },
  { permission: 'admin:manage' },
);

/** Changes a department's names, code or quotas. */
export const updateDepartmentAction = authedAction(
  updateDepartmentInput.extend({ id: z.uuid({ error: 'validation.choice' }) }),
  async ({ actor, input: { id, ...input } }) => {
    const row = await updateDepartment({ actor, departmentId: id, input });
    revalidatePath('/admin', 'layout');
    return { id: row.id, nameKo: row.nameKo, nameEn: row.nameEn };
  },
  { permission: 'admin:manage' },
);
