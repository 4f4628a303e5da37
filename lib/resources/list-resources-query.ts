import { z } from 'zod';
import { resourceStatusEnum } from '@/db/schema/enums';
import { pageQuery } from '@/lib/api/list-query';

/** GET /api/v1/resources query: `?status=a,b&limit=&cursor=` (cursor: the last item's createdAt). */
export const listResourcesQuery = z.object({
  ...pageQuery,
  cursor: z.iso.datetime({ offset: true }).optional().describe('`nextCursor` of the previous page'),
  status: z
    .string()
    .transform((s) => s.split(','))
    .pipe(z.array(z.enum(resourceStatusEnum.enumValues, { error: 'validation.choice' })))
    .optional()
    .describe('comma-separated statuses, e.g. `provisioning,active`'),
});
