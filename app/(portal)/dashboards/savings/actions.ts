'use server';

import { authedAction } from '@/app/_auth/authed-action';
import { whatIfInput } from '@/lib/dashboards/what-if-input';
import { whatIfSavings } from '@/lib/dashboards/what-if-savings';

/** 가정 변경 — recomputes the savings with the assumptions a planner tries; saves nothing. */
export const whatIfAction = authedAction(
  whatIfInput,
  async ({ actor, input }) => whatIfSavings({ actor, input }),
  {
    permission: 'dashboards:read',
  },
);
