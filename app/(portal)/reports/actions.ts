'use server';

import { z } from 'zod';
import { authedAction } from '@/app/_auth/authed-action';
import { closeMonth } from '@/lib/reports/close-month';
import { MONTH, seoulMonth } from '@/lib/reports/filters';

/** 월 마감 by hand: the outcome names what happened, so the form can say it in the user's words. */
export const closeMonthAction = authedAction(
  z.object({ month: z.string().trim().max(20) }),
  async ({ actor, input }) => {
    const { month } = input;
    if (!MONTH.test(month)) return { outcome: 'invalid' as const, month };
    if (month >= seoulMonth()) return { outcome: 'notOver' as const, month };
    const { created } = await closeMonth({ month, actor });
    return { outcome: created ? ('created' as const) : ('alreadyClosed' as const), month };
  },
  { permission: 'reports:close' },
);
