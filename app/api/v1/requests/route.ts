// GET /api/v1/requests — list · POST /api/v1/requests — submit a resource request
import { withApi } from '@/lib/api/with-api';
import { fitOfRequest } from '@/lib/capacity/check-fit';
import { listRequestsQuery } from '@/lib/requests/list-requests-query';
import { listRequests } from '@/lib/requests/queries';
import { submitRequest, submitRequestInput } from '@/lib/requests/submit-request';

export const GET = withApi(
  async ({ actor, query }) => {
    const q = query(listRequestsQuery);
    return listRequests({ actor, ...q });
  },
  { permission: 'requests:read' },
);

export const POST = withApi(
  async ({ actor, body, req }) => {
    const input = await body(submitRequestInput);
    const key = req.headers.get('idempotency-key')?.slice(0, 200) ?? null;
    const { request, created } = await submitRequest({ actor, input, idempotencyKey: key });
    // additive: whether it would fit if approved now (final approval reserves, or refuses with a 409)
    const fit = await fitOfRequest(request);
    return Response.json({ ...request, fit }, { status: created ? 201 : 200 });
  },
  { permission: 'requests:create' },
);
