import { beforeAll, describe, expect, it } from 'vitest';
import { type DemoUser, demoActors } from '@/db/testing/fixtures';
import { type ApiError, apiToken, callRoute } from '@/db/testing/http';
import { addDays, addMonths } from '@/lib/lifecycle/lease-dates';
import { seoulDay } from '@/lib/lifecycle/sweep-leases';
import { decommissionResource } from '@/lib/resources/decommission-resource';
import type { ResourceView } from '@/lib/resources/queries';
import { activeVm } from '@/lib/resources/test-fixtures';
import { POST } from './route';

let a: Awaited<ReturnType<typeof demoActors>>;
let vm: string;
beforeAll(async () => {
  a = await demoActors();
  vm = (await activeVm(a)).resourceId;
});

const today = () => seoulDay(new Date());
type Resource = ResourceView & { events: { type: string }[] } & ApiError;
const extend = async (who: DemoUser, id: string, body: unknown, headers?: Record<string, string>) =>
  callRoute<Resource, { id: string }>(POST, {
    method: 'POST',
    path: `/api/v1/resources/${id}/lease`,
    token: await apiToken(who),
    params: { id },
    body,
    headers,
  });

describe('POST /api/v1/resources/:id/lease', () => {
  it('extends the lease: 200 with the resource, its new end and the event', async () => {
    const leaseUntil = addMonths(today(), 2);
    const { status, body } = await extend('staff', vm, { leaseUntil });
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: vm, status: 'active', leaseUntil, access: expect.any(Object) });
    expect(body.events.at(-1)?.type).toBe('lease.extended');
  });

  it('answers 400 saying why, in the caller’s language', async () => {
    const far = await extend('staff', vm, { leaseUntil: addDays(addMonths(today(), 12), 1) });
    expect(far.status).toBe(400);
    expect(far.body.error).toMatchObject({
      code: 'bad_request',
      message: '사용 기간은 오늘부터 최대 12개월까지 연장할 수 있습니다.',
      details: { fieldErrors: { leaseUntil: ['입력값을 확인해 주세요.'] } },
    });
    const earlier = await extend(
      'staff',
      vm,
      { leaseUntil: addDays(today(), 1) },
      { 'accept-language': 'en' },
    );
    expect(earlier.status).toBe(400);
    expect(earlier.body.error.message).toBe('The new lease end must be after the current one.');
    const malformed = await extend('staff', vm, { leaseUntil: '31/12/2026' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details?.fieldErrors).toHaveProperty(['leaseUntil']);
  });

  it('answers 403 to who may see it but not extend it, 404 to another department', async () => {
    const body = { leaseUntil: addMonths(today(), 3) };
    const it = await extend('it', vm, body);
    expect(it.status).toBe(403);
    expect(it.body.error.message).toBe(
      '자원을 요청한 사람, 그 부서의 결재권자 또는 관리자만 사용 기간을 연장할 수 있습니다.',
    );
    expect((await extend('welfareHead', vm, body)).status).toBe(404);
  });

  it('answers 409 for a resource being handed back', async () => {
    const { resourceId } = await activeVm(a);
    await decommissionResource({ actor: a.staff, resourceId });
    const { status, body } = await extend('staff', resourceId, { leaseUntil: addMonths(today(), 1) });
    expect(status).toBe(409);
    expect(body.error.code).toBe('illegal_transition');
  });
});
