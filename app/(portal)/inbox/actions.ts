'use server';

import { authedAction } from '@/app/_auth/authed-action';
import { bulkApprove, bulkApproveInput } from '@/lib/approvals/bulk-approve';

/** 선택 항목 일괄 승인 — approves each selected low-cost request; every item's outcome is answered. */
export const bulkApproveAction = authedAction(
  bulkApproveInput,
  async ({ actor, input }) => bulkApprove({ actor, requestIds: input.requestIds }),
  { permission: 'requests:decide' },
);
