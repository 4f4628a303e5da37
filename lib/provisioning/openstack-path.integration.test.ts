import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { capacityReservations, driftFindings } from '@/db/schema/capacity';
import { pools } from '@/db/schema/catalog';
import { resources } from '@/db/schema/resources';
import { belowThreshold, demoActors, submitVm } from '@/db/testing/fixtures';
import { waitFor } from '@/db/testing/wait-for';
import { decideStep } from '@/lib/approvals/decide-step';
import { getRequest } from '@/lib/requests/queries';
import { decommissionResource } from '@/lib/resources/decommission-resource';
import { cleanUpFailed } from './clean-up-failed';
import { decommission } from './decommission';
import { pollResource } from './poll-resource';
import { resetProviders } from './providers/get-provider';
import { openStackConfigFromEnv } from './providers/openstack/config';
import { clearTokenCache } from './providers/openstack/keystone';
import type { NovaServer } from './providers/openstack/nova';
import { type RawSession, rawSession } from './providers/openstack/testing/raw-openstack';
import { provisionRequest } from './provision-request';
import { reconcileClouds } from './reconcile-clouds';

// The whole path on a pool backed by a real OpenStack (.ci/start-openstack.sh): a request submitted
// in the portal, approved, provisioned as a Nova server, decommissioned and gone; the failures a
// real cloud gives, each ending in a clear reason and nothing left behind; and the reconciler.
// Nova's own API, read without the portal's code, is the witness.

const enabled = !!process.env.OS_AUTH_URL;
if (!enabled) console.warn('OpenStack portal-path suite skipped: OS_AUTH_URL not set');

const saved = { ...process.env };
let a: Awaited<ReturnType<typeof demoActors>>;
let user: RawSession;
let admin: RawSession;
let poolBefore: typeof pools.$inferSelect | undefined;
let quotaBefore: { instances: number; cores: number } | undefined;

/** Nova's own servers carrying the portal's request id. */
async function novaServersFor(requestId: string): Promise<NovaServer[]> {
  const answer = await user.compute('GET', '/servers/detail');
  return (answer.body as { servers: NovaServer[] }).servers.filter(
    (s) => s.metadata?.dcloud_request_id === requestId || s.name.endsWith(`--${requestId}`),
  );
}

function useCloud(env: Record<string, string>) {
  Object.assign(process.env, env);
  resetProviders();
  clearTokenCache();
}

async function approved(spec: Record<string, unknown> = {}) {
  const request = await submitVm(a.staff, { ...belowThreshold, spec });
  await decideStep({ actor: a.head, requestId: request.id, decision: 'approve' });
  await decideStep({ actor: a.it, requestId: request.id, decision: 'approve' });
  return request;
}

/** Runs the provisioning jobs' functions as the worker would, until the request settles. */
async function provision(requestId: string) {
  await provisionRequest({ requestId }).catch(() => undefined);
  const [resource] = await getDb().select().from(resources).where(eq(resources.requestId, requestId));
  if (resource?.status === 'provisioning' && resource.providerRef) {
    await waitFor(
      async () => {
        await pollResource({ resourceId: resource.id });
        return (await getDb().select().from(resources).where(eq(resources.id, resource.id)))[0]!.status;
      },
      (s) => s !== 'provisioning',
      { timeoutMs: 60_000, intervalMs: 500, what: 'the Nova server to settle' },
    );
  }
  return getRequest({ actor: a.staff, requestId });
}

async function heldCount(requestId: string) {
  const rows = await getDb()
    .select({ n: sql<number>`count(*)::int` })
    .from(capacityReservations)
    .where(and(eq(capacityReservations.requestId, requestId), eq(capacityReservations.status, 'held')));
  return rows[0]!.n;
}

describe.skipIf(!enabled)('a pool backed by a real OpenStack', () => {
  beforeAll(async () => {
    a = await demoActors();
    const env = openStackConfigFromEnv(process.env);
    user = await rawSession(
      env.authUrl,
      process.env.OS_USERNAME!,
      process.env.OS_PASSWORD!,
      process.env.OS_PROJECT_NAME!,
    );
    admin = await rawSession(env.authUrl, 'admin', process.env.OS_ADMIN_PASSWORD ?? 'admin', 'admin');
    useCloud({
      DCLOUD_OS_FLAVOR_MAP: JSON.stringify({ c1m2: 'm1.tiny', c2m4: 'm1.small', c4m8: 'no-such-flavour' }),
      DCLOUD_OS_DEFAULT_IMAGE: 'fake-image',
    });
    // room for this file's servers whatever other suites left running in the project
    const quota = await admin.compute('GET', `/os-quota-sets/${user.projectId}`);
    const { instances, cores } = (quota.body as { quota_set: { instances: number; cores: number } })
      .quota_set;
    quotaBefore = { instances, cores };
    await admin.compute('PUT', `/os-quota-sets/${user.projectId}`, {
      quota_set: { instances: 100, cores: 400 },
    });
    [poolBefore] = await getDb().select().from(pools).where(eq(pools.id, 'dc-primary'));
    await getDb().update(pools).set({ provider: 'openstack' }).where(eq(pools.id, 'dc-primary'));
  });

  afterAll(async () => {
    if (quotaBefore)
      await admin.compute('PUT', `/os-quota-sets/${user.projectId}`, { quota_set: quotaBefore });
    if (poolBefore)
      await getDb().update(pools).set({ provider: poolBefore.provider }).where(eq(pools.id, 'dc-primary'));
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    resetProviders();
    clearTokenCache();
  });

  it('provisions an approved request as a Nova server, and decommissioning deletes it', async () => {
    const request = await approved({ flavor: 'c1m2' });
    const seen = await provision(request.id);
    expect(seen?.status).toBe('active');
    const [server] = await novaServersFor(request.id);
    expect(server?.status).toBe('ACTIVE');
    expect(server?.metadata?.dcloud_request_id).toBe(request.id);
    const [resource] = await getDb().select().from(resources).where(eq(resources.requestId, request.id));
    expect(resource?.providerRef).toBe(`os-server-${server!.id}`);

    await decommissionResource({ actor: a.staff, resourceId: resource!.id });
    await waitFor(
      async () => {
        await decommission({ resourceId: resource!.id }).catch(() => undefined);
        return (await getDb().select().from(resources).where(eq(resources.id, resource!.id)))[0]!.status;
      },
      (s) => s === 'decommissioned',
      { timeoutMs: 60_000, intervalMs: 1_000, what: 'the server to be deleted' },
    );
    expect(await novaServersFor(request.id)).toEqual([]);
    expect(await heldCount(request.id)).toBe(0);
  }, 120_000);

  it('fails a request whose flavour Nova does not have, with the reason, leaving nothing behind', async () => {
    const request = await approved({ flavor: 'c4m8' });
    const seen = await provision(request.id);
    expect(seen?.status).toBe('failed');
    expect(seen?.failureReason).toMatch(/^\[not_found\] .*no-such-flavour/);
    expect(await novaServersFor(request.id)).toEqual([]);
    expect(await heldCount(request.id)).toBe(0);
  }, 60_000);

  it('fails a request beyond the project quota with Nova’s reason, leaving nothing behind', async () => {
    const quota = await admin.compute('GET', `/os-quota-sets/${user.projectId}`);
    const before = (quota.body as { quota_set: { instances: number } }).quota_set.instances;
    const inUse = (await user.compute('GET', '/servers/detail')).body as { servers: unknown[] };
    await admin.compute('PUT', `/os-quota-sets/${user.projectId}`, {
      quota_set: { instances: inUse.servers.length },
    });
    try {
      const request = await approved({ flavor: 'c1m2' });
      const seen = await provision(request.id);
      expect(seen?.status).toBe('failed');
      expect(seen?.failureReason).toMatch(/^\[quota_exceeded\] .*[Qq]uota/);
      await cleanUpFailed({ requestId: request.id }).catch(() => undefined);
      expect(await novaServersFor(request.id)).toEqual([]);
      expect(await heldCount(request.id)).toBe(0);
    } finally {
      await admin.compute('PUT', `/os-quota-sets/${user.projectId}`, { quota_set: { instances: before } });
    }
  }, 60_000);

  it('fails with a clear reason when Keystone refuses the credentials', async () => {
    useCloud({ OS_PASSWORD: 'not-the-password' });
    try {
      const request = await approved({ flavor: 'c1m2' });
      const seen = await provision(request.id);
      expect(seen?.status).toBe('failed');
      expect(seen?.failureReason).toMatch(/^\[auth_failed\]/);
      expect(await heldCount(request.id)).toBe(0);
    } finally {
      useCloud({ OS_PASSWORD: saved.OS_PASSWORD! });
    }
  }, 60_000);

  it('reports a server made behind the portal’s back as an orphan and one deleted behind it as missing', async () => {
    const request = await approved({ flavor: 'c1m2' });
    expect((await provision(request.id))?.status).toBe('active');
    const [mine] = await novaServersFor(request.id);
    const images = (await user.compute('GET', '/flavors/detail')).body as {
      flavors: { id: string; name: string }[];
    };
    const tiny = images.flavors.find((f) => f.name === 'm1.tiny')!;
    const imageList = await fetch(
      `${user.computeUrl.replace(/:8774.*$/, ':9292')}/v2/images?name=fake-image`,
      {
        headers: { 'X-Auth-Token': user.token, Connection: 'close' },
      },
    ).then((r) => r.json() as Promise<{ images: { id: string }[] }>);
    const rogue = await user.compute('POST', '/servers', {
      server: {
        name: `rogue-${Date.now()}`,
        flavorRef: tiny.id,
        imageRef: imageList.images[0]!.id,
        networks: 'none',
      },
    });
    expect(rogue.status, JSON.stringify(rogue.body)).toBe(202);
    const rogueId = (rogue.body as { server: { id: string } }).server.id;
    await user.compute('DELETE', `/servers/${mine!.id}`);
    try {
      await waitFor(
        async () => (await novaServersFor(request.id)).length,
        (n) => n === 0,
        { timeoutMs: 30_000, intervalMs: 500 },
      );
      await reconcileClouds({});
      const open = await getDb()
        .select()
        .from(driftFindings)
        .where(and(eq(driftFindings.provider, 'openstack'), sql`${driftFindings.resolvedAt} is null`));
      expect(open).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'orphan', providerRef: `os-server-${rogueId}` }),
          expect.objectContaining({ kind: 'missing', providerRef: `os-server-${mine!.id}` }),
        ]),
      );
    } finally {
      await user.compute('DELETE', `/servers/${rogueId}`);
    }
  }, 120_000);
});
