import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { pools } from '@/db/schema/catalog';
import { auditRows, demoActors, expectAppError, uniqueName } from '@/db/testing/fixtures';
import { errorMessage } from '@/lib/i18n/translate-error';
import { listPoolSettings } from './pool-settings';
import { machineProviders, platformProviders, setPoolProviders } from './set-pool-providers';

let a: Awaited<ReturnType<typeof demoActors>>;
// a pool of this file's own, so no other file's provisioning lands in a cloud it cannot reach
const poolId = uniqueName('pool');
beforeAll(async () => {
  a = await demoActors();
  await getDb().insert(pools).values({
    id: poolId,
    name: '제공자 시험 풀',
    site: 'dr',
    physicalCores: 8,
    capacityRamGb: 64,
    capacityStorageGb: 1000,
  });
});
afterAll(async () => {
  await getDb().delete(pools).where(eq(pools.id, poolId));
});

const openstackEnv = {
  OS_AUTH_URL: 'http://127.0.0.1:5000/v3',
  OS_USERNAME: 'dcloud',
  OS_PASSWORD: 'secret',
  OS_PROJECT_NAME: 'dcloud',
};
const stored = async () => (await getDb().select().from(pools).where(eq(pools.id, poolId)))[0]!;

describe('the provider choices', () => {
  it('offers for VMs and volumes the providers that make both, and for platform slots those that make slots', () => {
    expect(machineProviders).toEqual(['simulator', 'openstack']);
    expect(platformProviders).toEqual(['simulator', 'kubernetes']);
  });
});

describe('setPoolProviders', () => {
  it('saves a configured provider, with an audit row', async () => {
    const pool = await setPoolProviders({
      actor: a.admin,
      input: { poolId, provider: 'openstack', platformProvider: 'simulator' },
      env: openstackEnv,
    });
    expect(pool).toMatchObject({ id: poolId, provider: 'openstack', platformProvider: 'simulator' });
    expect((await auditRows(poolId)).at(-1)).toMatchObject({
      action: 'pool.providers_set',
      actorId: a.admin.id,
      before: { provider: 'simulator', platformProvider: 'simulator' },
      after: { provider: 'openstack', platformProvider: 'simulator' },
    });
  });

  it('refuses OpenStack without OS_AUTH_URL, saying so in the admin’s language, and changes nothing', async () => {
    await getDb().update(pools).set({ provider: 'simulator' }).where(eq(pools.id, poolId));
    const error = await expectAppError(
      setPoolProviders({
        actor: a.admin,
        input: { poolId, provider: 'openstack', platformProvider: 'simulator' },
        env: {},
      }),
      'rule',
      422,
    );
    expect(errorMessage('ko', error)).toMatch(
      /‘openstack’ 제공자는 이 서버에 설정이 없어 고를 수 없습니다: .*OS_AUTH_URL/,
    );
    expect(errorMessage('en', error)).toMatch(/not configured on this server.*OS_AUTH_URL/);
    expect(error.details).toEqual({ fieldErrors: { provider: ['errors.providerNotConfiguredField'] } });
    expect((await stored()).provider).toBe('simulator');
  });

  it('refuses Kubernetes without a kubeconfig or an in-cluster service account', async () => {
    const error = await expectAppError(
      setPoolProviders({
        actor: a.admin,
        input: { poolId, provider: 'simulator', platformProvider: 'kubernetes' },
        env: {},
      }),
      'rule',
    );
    expect(error.values).toMatchObject({
      provider: 'kubernetes',
      reason: expect.stringContaining('KUBECONFIG'),
    });
    expect(error.details).toEqual({
      fieldErrors: { platformProvider: ['errors.providerNotConfiguredField'] },
    });
    expect((await stored()).platformProvider).toBe('simulator');
  });

  it('checks only what changes: a pool already on OpenStack can change its platform provider', async () => {
    await getDb().update(pools).set({ provider: 'openstack' }).where(eq(pools.id, poolId));
    await setPoolProviders({
      actor: a.admin,
      input: { poolId, provider: 'openstack', platformProvider: 'simulator' },
      env: {},
    });
    expect((await stored()).provider).toBe('openstack');
    await getDb().update(pools).set({ provider: 'simulator' }).where(eq(pools.id, poolId));
  });

  it('refuses a provider that cannot make that kind of object, and an unknown pool', async () => {
    const wrong = await expectAppError(
      setPoolProviders({
        actor: a.admin,
        input: { poolId, provider: 'kubernetes', platformProvider: 'simulator' },
      }),
      'bad_request',
      400,
    );
    expect(wrong.details).toEqual({ fieldErrors: { provider: ['validation.choice'] } });
    await expectAppError(
      setPoolProviders({
        actor: a.admin,
        input: { poolId: 'no-such-pool', provider: 'simulator', platformProvider: 'simulator' },
      }),
      'not_found',
    );
  });

  it('is for admins only', async () => {
    for (const who of ['planner', 'it', 'staff'] as const) {
      await expectAppError(
        setPoolProviders({
          actor: a[who],
          input: { poolId, provider: 'simulator', platformProvider: 'simulator' },
        }),
        'forbidden',
        403,
      );
      await expectAppError(listPoolSettings({ actor: a[who] }), 'forbidden');
    }
  });
});

describe('listPoolSettings', () => {
  it('lists every pool with capacity, held, use, providers and the choices', async () => {
    const settings = await listPoolSettings({ actor: a.admin });
    expect(settings.choices).toEqual({ provider: machineProviders, platformProvider: platformProviders });
    expect(settings.items.find((p) => p.id === poolId)).toMatchObject({
      name: '제공자 시험 풀',
      capacity: { vcpu: 32, ramGb: 64, storageGb: 1000 },
      held: { vcpu: 0, ramGb: 0, storageGb: 0 },
      used: { vcpu: 0, ramGb: 0, storageGb: 0 },
      provider: 'simulator',
      platformProvider: 'simulator',
    });
    expect(settings.items.map((p) => p.id)).toEqual(expect.arrayContaining(['dc-primary', 'dc-dr']));
  });
});
