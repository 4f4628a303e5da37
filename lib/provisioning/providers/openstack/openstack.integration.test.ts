import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CloudProvider, ProviderError } from '../types';
import { type OpenStackConfig, openStackConfigFromEnv } from './config';
import { createOpenStackProvider } from './index';
import { clearTokenCache, getToken, peekCachedToken, selectEndpoint } from './keystone';
import type { NovaServer } from './nova';
import { vmInput, volumeInput } from './testing/fixtures';
import { ADMIN, asAdmin, pollUntil } from './testing/integration';
import { LossyProxy } from './testing/lossy-proxy';
import { type RawSession, rawSession } from './testing/raw-openstack';
import { holdOpenStackProject } from './testing/run-lock';

// The provider against a real OpenStack (`.ci/start-openstack.sh`, then source its env file): runs
// when OS_AUTH_URL is set. The portal's user signs in from the OS_* variables; an admin account
// (OS_ADMIN_USERNAME / OS_ADMIN_PASSWORD / OS_ADMIN_PROJECT_NAME, admin/admin/admin by default)
// lowers the quota and revokes tokens. Nova's own API, read without the provider, is the witness.
// Every object carries this run's name prefix and is deleted in afterAll.

const enabled = !!process.env.OS_AUTH_URL;
if (!enabled) console.warn('OpenStack integration suite skipped: OS_AUTH_URL not set');

// the flavours and image the local stack has; the portal ids are this suite's own
const FLAVORS = { 'it-tiny': 'm1.tiny', 'it-small': 'm1.small' };
const IMAGES = { 'it-image': 'fake-image' };
const PREFIX = `itest-${randomUUID().slice(0, 8)}`;

const input = (overrides: Parameters<typeof vmInput>[0] = {}) => {
  const key = randomUUID();
  return vmInput({
    idempotencyKey: key,
    name: `${PREFIX}-vm--${key}`,
    spec: { flavor: 'it-tiny', image: 'it-image' },
    labels: { department: 'TRF', suite: PREFIX },
    ...overrides,
  });
};

describe.skipIf(!enabled)('OpenStack provider against a real OpenStack', { timeout: 60_000 }, () => {
  let config: OpenStackConfig;
  let provider: CloudProvider;
  let user: RawSession;
  let admin: RawSession;

  /** Nova's own list of this project's servers carrying the key (no provider code involved). */
  const serversWithKey = async (key: string) => {
    const answer = await user.compute('GET', `/servers/detail?name=${encodeURIComponent(PREFIX)}`);
    return (answer.body as { servers: NovaServer[] }).servers.filter(
      (s) => s.metadata?.dcloud_request_id === key,
    );
  };

  let release = () => {};

  beforeAll(async () => {
    release = await holdOpenStackProject(120_000);
    clearTokenCache();
    const env = openStackConfigFromEnv(process.env);
    config = { ...env, flavorMap: FLAVORS, imageMap: IMAGES, timeoutMs: 20_000 };
    provider = createOpenStackProvider(config);
    const { OS_USERNAME, OS_PASSWORD, OS_PROJECT_NAME } = process.env;
    user = await rawSession(env.authUrl, OS_USERNAME!, OS_PASSWORD!, OS_PROJECT_NAME!);
    admin = await rawSession(env.authUrl, ADMIN.username, ADMIN.password, ADMIN.project);
  }, 180_000);

  afterAll(async () => {
    try {
      if (!user) return;
      const answer = await user.compute('GET', `/servers/detail?name=${encodeURIComponent(`^${PREFIX}`)}`);
      for (const server of (answer.body as { servers?: NovaServer[] }).servers ?? []) {
        await user.compute('DELETE', `/servers/${server.id}`);
      }
    } finally {
      release();
    }
  });

  it('authenticates and finds compute and image in the catalogue', async () => {
    const token = await getToken(config);
    expect(token.projectId).toBe(user.projectId);
    expect(selectEndpoint(token.catalog, ['compute'], config.interface, config.region)).toBe(user.computeUrl);
    expect(selectEndpoint(token.catalog, ['image'], config.interface, config.region)).toMatch(/^https?:\/\//);
  });

  it('refuses a volume with not_found when the cloud has no Cinder', async () => {
    const token = await getToken(config);
    const cinder = selectEndpoint(
      token.catalog,
      ['block-storage', 'volumev3'],
      config.interface,
      config.region,
    );
    if (cinder) return console.warn('this OpenStack has Cinder: the no-Cinder case is not exercised');
    await expect(provider.create(volumeInput({ name: `${PREFIX}-vol` }))).rejects.toMatchObject({
      code: 'not_found',
      message: 'no block-storage service in the catalogue',
    });
  });

  describe('one server, from boot to delete', () => {
    const vm = input();
    let ref: string;

    it('boots from the mapped flavour and image, goes active, and the project counts it', async () => {
      const before = (await provider.quota())!;
      ({ ref } = await provider.create(vm));
      expect(ref).toMatch(/^os-server-[0-9a-f-]{36}$/);

      const seen = await pollUntil(provider, ref, (s) => s.state !== 'building');
      expect(seen.at(-1)).toMatchObject({ state: 'active', phase: 'active', progress: 100 });

      const [server] = await serversWithKey(vm.idempotencyKey);
      expect(server).toMatchObject({
        id: ref.replace('os-server-', ''),
        name: vm.name,
        status: 'ACTIVE',
        metadata: { dcloud_request_id: vm.idempotencyKey, department: 'TRF', suite: PREFIX },
        flavor: { original_name: 'm1.tiny' },
      });
      const after = (await provider.quota())!;
      expect(after.instances.used).toBe(before.instances.used + 1);
      expect(after.vcpu.used).toBe(before.vcpu.used + 1);
      expect(after.instances.limit).toBeGreaterThan(0);
    });

    it('returns the same server when create is called again with the key, and Nova holds one', async () => {
      expect(await provider.create(vm)).toEqual({ ref });
      expect(await provider.findByKey(vm.idempotencyKey)).toEqual({ ref });
      expect(await serversWithKey(vm.idempotencyKey)).toHaveLength(1);
    });

    it('lists the server with its key', async () => {
      expect(await provider.list()).toContainEqual({
        ref,
        name: vm.name,
        idempotencyKey: vm.idempotencyKey,
        state: 'active',
      });
    });

    it('reads usage as zeros for the portal user, and from diagnostics for an admin', async () => {
      expect(await provider.usage(ref)).toEqual({ cpuPct: 0, ramUsedGb: 0, storageUsedGb: 0 });
      const adminConfig = asAdmin(config);
      // the fake driver reports one vCPU at 15 % and no memory in use
      const usage = await createOpenStackProvider(adminConfig).usage(ref);
      expect(usage.cpuPct).toBeGreaterThan(0);
    });

    it('resizes to the bigger flavour, or says why Nova could not, in agreement with Nova', async () => {
      await provider.resize(ref, { spec: { flavor: 'it-small' }, footprint: vm.footprint });
      const seen = await pollUntil(
        provider,
        ref,
        (s) => s.state !== 'resizing' && s.state !== 'building',
        60_000,
      );
      const final = seen.at(-1)!;
      const [server] = await serversWithKey(vm.idempotencyKey);

      if (server!.flavor?.original_name === 'm1.small') {
        expect(seen.map((s) => s.state)).toContain('resizing');
        expect(final).toMatchObject({ state: 'active', phase: 'active' });
        expect(server!.status).toBe('ACTIVE');
      } else {
        // a one-host cloud without allow_resize_to_same_host: the scheduler finds no host
        console.warn(`Nova could not resize on this OpenStack: ${final.message}`);
        expect(final).toMatchObject({ state: 'error', phase: 'resize_failed' });
        expect(final.message).toContain('could not resize the server to m1.small');
        expect(server).toMatchObject({ status: 'ACTIVE', flavor: { original_name: 'm1.tiny' } });
      }
    });

    it('deletes it: status is gone, the list no longer has it, a second delete succeeds', async () => {
      await provider.delete(ref);
      await pollUntil(provider, ref, (s) => s.state === 'gone');
      expect((await provider.list()).map((o) => o.ref)).not.toContain(ref);
      await provider.delete(ref);
      expect(await serversWithKey(vm.idempotencyKey)).toHaveLength(0);
    });
  });

  it('finds the server whose boot answer was lost, and does not boot a second', async () => {
    const proxy = await new LossyProxy().start();
    try {
      const lossy = createOpenStackProvider({ ...config, authUrl: proxy.through(config.authUrl) });
      const vm = input();
      proxy.dropAnswer('POST', /\/servers$/);

      const lost = await lossy.create(vm).catch((e: unknown) => e);
      expect(lost).toMatchObject({ code: 'unavailable', transient: true });
      const [made] = await serversWithKey(vm.idempotencyKey);
      expect(made).toBeDefined();

      expect(await lossy.create(vm)).toEqual({ ref: `os-server-${made!.id}` });
      expect(await serversWithKey(vm.idempotencyKey)).toHaveLength(1);
      expect(proxy.forwarded.filter((r) => /^POST \S*\/servers /.test(r))).toEqual([
        'POST /v2.1/servers lost',
      ]);
    } finally {
      await proxy.stop();
    }
  });

  it('refuses a flavour Nova does not have with not_found, naming it', async () => {
    const vm = input({ spec: { flavor: 'm9.enormous', image: 'it-image' } });
    const error = await provider.create(vm).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'not_found', transient: false });
    expect((error as Error).message).toMatch(
      /^Nova has no flavour named "m9.enormous" \(flavours: .*m1\.tiny/,
    );
    expect(await serversWithKey(vm.idempotencyKey)).toHaveLength(0);
  });

  it('refuses a boot over the project quota with quota_exceeded and Nova’s message', async () => {
    const path = `/os-quota-sets/${user.projectId}`;
    const original = (await admin.compute('GET', path)).body as { quota_set: { instances: number } };
    const lowered = await admin.compute('PUT', path, { quota_set: { instances: 0, force: true } });
    expect(lowered.status).toBe(200);
    try {
      const error = await provider.create(input()).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'quota_exceeded', status: 403, transient: false });
      expect((error as Error).message).toMatch(
        /Quota exceeded for instances: Requested 1, but already used \d+ of 0 instances/,
      );
    } finally {
      await admin.compute('PUT', path, { quota_set: { instances: original.quota_set.instances } });
    }
  });

  it('refuses a wrong password with auth_failed and Keystone’s message', async () => {
    if (config.auth.method !== 'password') return;
    const wrong = createOpenStackProvider({
      ...config,
      auth: { ...config.auth, password: `wrong-${PREFIX}` },
    });
    const error = await wrong.quota().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'auth_failed', status: 401 });
    expect((error as Error).message).toContain('Keystone refused the credentials (HTTP 401)');
  });

  it('renews a token revoked between calls and succeeds', async () => {
    // Nova's keystonemiddleware caches a token it has validated (token_cache_time, 5 minutes by
    // default) and would still take it once revoked; the revoked token here is one Nova has not seen
    const proxy = await new LossyProxy().start();
    try {
      const proxied = { ...config, authUrl: proxy.through(config.authUrl) };
      await getToken(proxied);
      const revoked = (await peekCachedToken(proxied))!;
      const revocation = await admin.identity('DELETE', '/auth/tokens', { 'X-Subject-Token': revoked });
      expect(revocation.status).toBe(204);
      expect((await admin.identity('GET', '/auth/tokens', { 'X-Subject-Token': revoked })).status).toBe(404);

      await expect(createOpenStackProvider(proxied).quota()).resolves.toMatchObject({
        instances: { used: expect.any(Number) },
      });
      expect(proxy.forwarded).toEqual([
        'POST /v3/auth/tokens 201',
        `GET /v2.1/os-quota-sets/${user.projectId}/detail 401`,
        'POST /v3/auth/tokens 201',
        `GET /v2.1/os-quota-sets/${user.projectId}/detail 200`,
      ]);
      expect(await peekCachedToken(proxied)).not.toBe(revoked);
    } finally {
      await proxy.stop();
    }
  });
});
