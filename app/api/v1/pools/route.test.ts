import { beforeAll, describe, expect, it } from 'vitest';
import { type DemoUser, demoActors } from '@/db/testing/fixtures';
import { type ApiError, apiToken, callRoute } from '@/db/testing/http';
import type { PoolList } from '@/lib/pools/pool-view';
import { provisioningVm } from '@/lib/resources/test-fixtures';
import { GET } from './route';

let a: Awaited<ReturnType<typeof demoActors>>;
beforeAll(async () => {
  a = await demoActors();
});

const poolsAs = async (who: DemoUser | null) =>
  callRoute<PoolList & ApiError>(GET, {
    path: '/api/v1/pools',
    token: who ? await apiToken(who) : undefined,
  });

describe('GET /api/v1/pools', () => {
  it('lists the primary data centre and the DR site with capacity, allocation and use', async () => {
    await provisioningVm(a);
    const { status, body } = await poolsAs('planner');
    expect(status).toBe(200);
    expect(body.nextCursor).toBeNull();
    const primary = body.items.find((p) => p.id === 'dc-primary');
    expect(primary).toMatchObject({
      name: '대구 통합데이터센터',
      site: 'primary',
      capacity: { vcpu: 512 * 4, ramGb: 8192, storageGb: 500_000 },
    });
    expect(primary!.allocated.vcpu).toBeGreaterThanOrEqual(2);
    for (const unit of ['vcpu', 'ramGb', 'storageGb'] as const) {
      expect(primary!.used[unit]).toBeLessThanOrEqual(primary!.allocated[unit]);
    }
    expect(body.items.find((p) => p.id === 'dc-dr')).toMatchObject({
      site: 'dr',
      capacity: { vcpu: 1024, ramGb: 4096, storageGb: 250_000 },
    });
  });

  it.each(['it', 'admin'] as const)('answers %s', async (who) => {
    expect((await poolsAs(who)).status).toBe(200);
  });

  it.each(['staff', 'head', 'director'] as const)('answers 403 to %s', async (who) => {
    const { status, body } = await poolsAs(who);
    expect(status).toBe(403);
    expect(body.error.code).toBe('forbidden');
  });

  it('answers 401 without a token', async () => {
    expect((await poolsAs(null)).status).toBe(401);
  });
});
