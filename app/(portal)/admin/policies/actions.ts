'use server';

import { revalidatePath } from 'next/cache';
import { authedAction } from '@/app/_auth/authed-action';
import { policyInput } from '@/lib/approvals/policy-schema';
import { savePolicy } from '@/lib/approvals/save-policy';

/**
 * Saves the edited 결재 규정 as a new version. A malformed policy comes back with field errors keyed
 * by path ('rules.2.steps.0.approvers.1.email'), and the version in force stays as it was.
 */
export const savePolicyAction = authedAction(
  policyInput,
  async ({ actor, input }) => {
    const { version } = await savePolicy({ actor, policy: input });
    revalidatePath('/admin', 'layout');
    return { version };
  },
  { permission: 'admin:manage' },
);
