// GET /api/v1/resources — resources the caller may see
import { z } from 'zod';
import { resourceStatusEnum } from '@/db/schema/enums';
import { pageQuery } from '@/lib/api/list-query';
import { withApi } from '@/lib/api/with-api';
import { listResources } from '@/lib/resources/queries';

const listQuery = z.object({
  ...pageQuery,
  cursor: z.iso.datetime({ offset: true }).optional(),
  status: z
    .string()
    .transform((s) => s.split(','))
    .pipe(z.array(z.enum(resourceStatusEnum.enumValues, { error: 'validation.choice' })))
    .optional(),
});

export const GET = withApi(async ({ actor, query }) => listResources({ actor, ...query(listQuery) }), {
  permission: 'resources:read',
});
