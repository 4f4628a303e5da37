// GET /api/v1/requests — list · POST /api/v1/requests — submit a resource request
import { z } from 'zod';
import { requestStatusEnum } from '@/db/schema/enums';
import { booleanFlag, pageQuery } from '@/lib/api/list-query';
import { withApi } from '@/lib/api/with-api';
import { listRequests } from '@/lib/requests/queries';
import { submitRequest, submitRequestInput } from '@/lib/requests/submit-request';

const listQuery = z.object({
  ...pageQuery,
  cursor: z.coerce.number().int().positive().optional(),
  status: z
    .string()
    .transform((s) => s.split(','))
    .pipe(z.array(z.enum(requestStatusEnum.enumValues, { error: 'validation.choice' })))
    .optional(),
  mine: booleanFlag,
  pendingForMe: booleanFlag,
});

export const GET = withApi(
  async ({ actor, query }) => {
    const q = query(listQuery);
    return listRequests({ actor, ...q });
  },
  { permission: 'requests:read' },
);

export const POST = withApi(
  async ({ actor, body, req }) => {
    const input = await body(submitRequestInput);
    const key = req.headers.get('idempotency-key')?.slice(0, 200) ?? null;
    const { request, created } = await submitRequest({ actor, input, idempotencyKey: key });
    return Response.json(request, { status: created ? 201 : 200 });
  },
  { permission: 'requests:create' },
);
