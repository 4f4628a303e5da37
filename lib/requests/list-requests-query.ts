import { z } from 'zod';
import { requestStatusEnum } from '@/db/schema/enums';
import { booleanFlag, pageQuery } from '@/lib/api/list-query';

/** GET /api/v1/requests query: `?status=a,b&mine=&pendingForMe=&limit=&cursor=` (cursor: a request number). */
export const listRequestsQuery = z.object({
  ...pageQuery,
  cursor: z.coerce.number().int().positive().optional().describe('`nextCursor` of the previous page'),
  status: z
    .string()
    .transform((s) => s.split(','))
    .pipe(z.array(z.enum(requestStatusEnum.enumValues, { error: 'validation.choice' })))
    .optional()
    .describe('comma-separated statuses, e.g. `in_approval,approved`'),
  mine: booleanFlag.describe('only requests the caller drafted'),
  pendingForMe: booleanFlag.describe('only requests with a step awaiting the caller, from any department'),
});
