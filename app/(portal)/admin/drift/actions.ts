'use server';

import { z } from 'zod';
import { authedAction } from '@/app/_auth/authed-action';
import { reconcileClouds } from '@/lib/provisioning/reconcile-clouds';

/** 지금 점검 — compares every cloud with the portal's resources now, instead of at the next 15-minute run. */
export const reconcileNowAction = authedAction(
  z.object({}),
  async () => ({ report: await reconcileClouds({}) }),
  { permission: 'admin:manage' },
);
