// GET /api/v1/resources/:id/changes — the resource's change requests · POST — 변경 신청 (resize or scale-up)
import { withApi } from '@/lib/api/with-api';
import { fitOfRequest } from '@/lib/capacity/check-fit';
import { AppError } from '@/lib/errors/app-error';
import { listResourceChanges } from '@/lib/lifecycle/queries';
import { changeRequestInput, requestChange } from '@/lib/lifecycle/request-change';

export const GET = withApi<{ id: string }>(
  async ({ actor, params }) => {
    const items = await listResourceChanges({ actor, resourceId: params.id });
    if (!items) throw new AppError('not_found', { messageKey: 'resourceNotFound' });
    return { items, nextCursor: null };
  },
  { permission: 'resources:read' },
);

export const POST = withApi<{ id: string }>(
  async ({ actor, params, body }) => {
    const input = await body(changeRequestInput);
    const request = await requestChange({ actor, resourceId: params.id, input });
    // as POST /api/v1/requests answers: with whether the change fits the pool and the quota now
    return Response.json({ ...request, fit: await fitOfRequest(request.id) }, { status: 201 });
  },
  { permission: 'requests:create' },
);
