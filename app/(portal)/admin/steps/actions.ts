'use server';

import { revalidatePath } from 'next/cache';
import { authedAction } from '@/app/_auth/authed-action';
import { reassignStep, reassignStepInput } from '@/lib/approvals/reassign-step';

/** Moves a stuck pending step to a named approver, with the reason kept in the audit log. */
export const reassignStepAction = authedAction(
  reassignStepInput,
  async ({ actor, input }) => {
    await reassignStep({ actor, ...input });
    revalidatePath('/admin/steps');
    return { stepId: input.stepId };
  },
  { permission: 'admin:manage' },
);
