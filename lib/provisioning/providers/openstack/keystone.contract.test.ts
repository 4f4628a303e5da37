import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProviderError } from '../types';
import { createOpenStackProvider } from './index';
import { clearTokenCache, peekCachedToken, selectEndpoint } from './keystone';
import { type FakeOpenStack, startFakeOpenStack } from './testing/fake-openstack';
import { configFor, volumeInput } from './testing/fixtures';

// Keystone v3 as the provider uses it: what it sends to /v3/auth/tokens, how long it keeps the
// token, what it does when a service refuses the token, and which catalogue endpoint it picks.

let cloud: FakeOpenStack;
const tokenRequests = () => cloud.calls('POST', /^\/identity\/v3\/auth\/tokens$/);
const computeCalls = () => cloud.requests.filter((r) => /compute\/v2\.1\//.test(r.path));

beforeEach(async () => {
  clearTokenCache();
  cloud = await startFakeOpenStack();
});
afterEach(async () => {
  vi.useRealTimers();
  await cloud.stop();
});

describe('Keystone authentication', () => {
  it('asks for a project-scoped token with the password method and sends it as X-Auth-Token', async () => {
    await createOpenStackProvider(configFor(cloud)).quota();

    const [auth] = tokenRequests();
    expect(auth!.headers['content-type']).toBe('application/json');
    expect(auth!.body).toEqual({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: 'portal', domain: { name: 'Default' }, password: cloud.password } },
        },
        scope: { project: { name: 'portal', domain: { name: 'Default' } } },
      },
    });
    const [quota] = computeCalls();
    expect(quota!.path).toBe(`/compute/v2.1/os-quota-sets/${cloud.projectId}/detail`);
    expect(cloud.tokens.has(String(quota!.headers['x-auth-token']))).toBe(true);
    expect(quota!.headers.connection).toBe('close');
  });

  it('authenticates with an application credential, without a scope', async () => {
    const config = configFor(cloud, { auth: { method: 'application_credential', ...cloud.appCredential } });
    await createOpenStackProvider(config).quota();

    expect(tokenRequests()[0]!.body).toEqual({
      auth: {
        identity: {
          methods: ['application_credential'],
          application_credential: { id: 'ac-0001', secret: 'ac-secret' },
        },
      },
    });
  });

  it('keeps one token across calls and providers built from the same configuration', async () => {
    const config = configFor(cloud);
    await createOpenStackProvider(config).quota();
    await createOpenStackProvider(config).list();
    await createOpenStackProvider(config).quota();

    expect(tokenRequests()).toHaveLength(1);
    const sent = new Set(computeCalls().map((r) => r.headers['x-auth-token']));
    expect(sent.size).toBe(1);
  });

  it('asks for a new token shortly before the cached one expires', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const provider = createOpenStackProvider(configFor(cloud));
    await provider.quota();
    const first = computeCalls()[0]!.headers['x-auth-token'];

    vi.setSystemTime(Date.now() + 30 * 60_000);
    await provider.quota();
    expect(tokenRequests()).toHaveLength(1);

    // 59 minutes into a one-hour token: inside the renewal margin, still valid
    vi.setSystemTime(Date.now() + 29 * 60_000);
    await provider.quota();
    expect(tokenRequests()).toHaveLength(2);
    expect(computeCalls().at(-1)!.headers['x-auth-token']).not.toBe(first);
  });

  it('renews the token and retries once when a service answers 401 (token revoked between calls)', async () => {
    const config = configFor(cloud);
    const provider = createOpenStackProvider(config);
    await provider.quota();
    const revoked = (await peekCachedToken(config))!;
    cloud.revoke(revoked);

    await expect(provider.quota()).resolves.toMatchObject({ instances: { limit: 10 } });

    expect(tokenRequests()).toHaveLength(2);
    const [, refused, retried] = computeCalls();
    expect(refused!.headers['x-auth-token']).toBe(revoked);
    expect(retried!.headers['x-auth-token']).toBe(await peekCachedToken(config));
    expect(retried!.headers['x-auth-token']).not.toBe(revoked);
  });

  it('fails with auth_failed when the renewal after a 401 is refused', async () => {
    const config = configFor(cloud);
    const provider = createOpenStackProvider(config);
    await provider.quota();
    cloud.revoke((await peekCachedToken(config))!);
    cloud.password = 'rotated-by-someone-else';

    const error = await provider.quota().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'auth_failed', transient: false, status: 401 });
    expect((error as Error).message).toContain('The request you have made requires authentication.');
  });

  it('fails with auth_failed and Keystone’s message on a wrong password, without calling Nova', async () => {
    const config = configFor(cloud);
    // Keystone no longer accepts the configured password
    cloud.password = 'changed-elsewhere';
    const error = await createOpenStackProvider(config)
      .status('os-server-8a7b2b0e-6b0c-4c43-9f7e-111111111111')
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'auth_failed', status: 401 });
    expect((error as Error).message).toMatch(
      /Keystone refused the credentials \(HTTP 401\): The request you have made/,
    );
    expect(computeCalls()).toHaveLength(0);
  });
});

describe('service catalogue', () => {
  it.each([
    { label: 'the public endpoint of the region by default', overrides: {}, prefix: '/compute/v2.1/' },
    {
      label: 'the internal endpoint when OS_INTERFACE=internal',
      overrides: { interface: 'internal' as const },
      prefix: '/internal-compute/v2.1/',
    },
    {
      label: 'the admin endpoint when OS_INTERFACE=admin',
      overrides: { interface: 'admin' as const },
      prefix: '/admin-compute/v2.1/',
    },
    {
      label: 'the endpoint of OS_REGION_NAME',
      overrides: { region: 'RegionTwo' },
      prefix: '/r2-compute/v2.1/',
    },
  ])('calls Nova at $label', async ({ overrides, prefix }) => {
    await createOpenStackProvider(configFor(cloud, overrides)).quota();
    expect(computeCalls().map((r) => r.path)).toEqual([`${prefix}os-quota-sets/${cloud.projectId}/detail`]);
  });

  it('finds Cinder catalogued as volumev3 as well as block-storage', async () => {
    cloud.cinderType = 'volumev3';
    const { ref } = await createOpenStackProvider(configFor(cloud)).create(volumeInput());
    expect(ref).toMatch(/^os-volume-/);
    expect(cloud.calls('POST', /^\/volume\/v3\/[0-9a-f]+\/volumes$/)).toHaveLength(1);
  });

  it('fails a volume with not_found when the catalogue has no block-storage service', async () => {
    cloud.cinderType = null;
    await expect(createOpenStackProvider(configFor(cloud)).create(volumeInput())).rejects.toMatchObject({
      code: 'not_found',
      message: 'no block-storage service in the catalogue',
    });
  });

  it('picks by type, then interface, then region, and strips a trailing slash', () => {
    const catalog = [
      {
        type: 'compute',
        endpoints: [
          { interface: 'public', region_id: 'RegionTwo', url: 'http://two/v2.1' },
          { interface: 'public', region_id: 'RegionOne', url: 'http://one/v2.1/' },
        ],
      },
    ];
    expect(selectEndpoint(catalog, ['compute'], 'public', 'RegionOne')).toBe('http://one/v2.1');
    expect(selectEndpoint(catalog, ['compute'], 'public', undefined)).toBe('http://two/v2.1');
    expect(selectEndpoint(catalog, ['compute'], 'internal', 'RegionOne')).toBeNull();
    expect(selectEndpoint(catalog, ['volumev3'], 'public', 'RegionOne')).toBeNull();
  });
});
