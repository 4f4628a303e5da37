'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authedAction } from '@/app/_auth/authed-action';
import { createUser, createUserInput } from '@/lib/admin/create-user';
import { updateUser, updateUserInput } from '@/lib/admin/update-user';

/** Adds a user with department and roles; the new user's id, for a link to their page. */
export const createUserAction = authedAction(
  createUserInput,
  async ({ actor, input }) => {
    const { id } = await createUser({ actor, input });
    revalidatePath('/admin', 'layout');
    return { id };
  },
  { permission: 'admin:manage' },
);

/** Changes a user's email, name, department, roles, active flag or password. */
export const updateUserAction = authedAction(
  updateUserInput.extend({ id: z.uuid({ error: 'validation.choice' }) }),
  async ({ actor, input: { id, ...input } }) => {
    await updateUser({ actor, userId: id, input });
    revalidatePath('/admin', 'layout');
    return { id };
  },
  { permission: 'admin:manage' },
);
