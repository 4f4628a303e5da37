import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CloudProvider, ProviderError, type ProviderErrorCode } from '../types';
import { createOpenStackProvider } from './index';
import { clearTokenCache } from './keystone';
import { type FakeOpenStack, type Reply, startFakeOpenStack } from './testing/fake-openstack';
import { configFor, vmInput } from './testing/fixtures';

// Every way the cloud can say no, and the closed reason each becomes: the reason carries the
// cloud's own message, and only the reasons worth retrying are transient.

let cloud: FakeOpenStack;
beforeEach(async () => {
  clearTokenCache();
  cloud = await startFakeOpenStack();
});
afterEach(() => cloud.stop());

const nova = (name: string, status: number, message: string): Reply => ({
  status,
  body: { [name]: { code: status, message } },
});

async function failure(action: (provider: CloudProvider) => Promise<unknown>, config = configFor(cloud)) {
  const error = await action(createOpenStackProvider(config)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

const boot = (provider: CloudProvider) => provider.create(vmInput());
const existing = 'os-server-6f2b0a57-1f0e-4c1d-9d38-1d0f1c2b3a4d';

describe('error mapping', () => {
  it.each<{ label: string; reply: Reply; code: ProviderErrorCode; transient: boolean; says: string }>([
    {
      label: 'a 403 "Quota exceeded" on boot is quota_exceeded',
      reply: nova('forbidden', 403, 'Quota exceeded for cores: Requested 1, but already used 20 of 20 cores'),
      code: 'quota_exceeded',
      transient: false,
      says: 'Quota exceeded for cores: Requested 1, but already used 20 of 20 cores',
    },
    {
      label: 'a 403 policy refusal is forbidden',
      reply: nova('forbidden', 403, "Policy doesn't allow os_compute_api:servers:create to be performed."),
      code: 'forbidden',
      transient: false,
      says: "Policy doesn't allow os_compute_api:servers:create",
    },
    {
      label: 'a 400 is invalid_request',
      reply: nova('badRequest', 400, 'Invalid key_name provided.'),
      code: 'invalid_request',
      transient: false,
      says: 'Invalid key_name provided.',
    },
    {
      label: 'a 409 is conflict, worth retrying',
      reply: nova('conflictingRequest', 409, 'Cannot create: a server is being deleted'),
      code: 'conflict',
      transient: true,
      says: 'Cannot create: a server is being deleted',
    },
    {
      label: 'NoValidHost in any status is no_capacity',
      reply: nova('computeFault', 500, 'No valid host was found. There are not enough hosts available.'),
      code: 'no_capacity',
      transient: false,
      says: 'No valid host was found',
    },
    {
      label: 'a 500 is unavailable, worth retrying',
      reply: nova(
        'computeFault',
        500,
        'Unexpected API Error. Please report this at http://bugs.launchpad.net/nova/',
      ),
      code: 'unavailable',
      transient: true,
      says: 'Unexpected API Error',
    },
    {
      label: 'a 503 plain-text page is unavailable, with its text',
      reply: { status: 503, text: '503 Service Unavailable\n\nThe server is currently unavailable.\n' },
      code: 'unavailable',
      transient: true,
      says: '503 Service Unavailable The server is currently unavailable.',
    },
  ])('$label', async ({ reply, code, transient, says }) => {
    cloud.once('POST', /\/compute\/v2\.1\/servers$/, () => reply);
    const error = await failure(boot);

    expect(error).toMatchObject({ code, transient, status: reply.status });
    expect(error.message).toContain(`boot server "${vmInput().name.split('--')[0]}`);
    expect(error.message).toContain(says);
  });

  it('says which flavour Nova lacks, and that the portal flavour needs a mapping', async () => {
    const error = await failure((p) => p.create(vmInput({ spec: { flavor: 'c64m512', image: 'rocky-9' } })));
    expect(error.code).toBe('not_found');
    expect(error.message).toBe(
      'Nova has no flavour named "c64m512" (flavours: m1.tiny, m1.small); map portal flavour "c64m512" in DCLOUD_OS_FLAVOR_MAP',
    );
    expect(cloud.calls('POST', /\/servers$/)).toHaveLength(0);
  });

  it('says which image Glance lacks', async () => {
    const config = configFor(cloud, { imageMap: { 'rocky-9': 'rocky-9.4-gold' } });
    const error = await failure((p) => p.create(vmInput()), config);
    expect(error).toMatchObject({ code: 'not_found', message: 'Glance has no image named "rocky-9.4-gold"' });
  });

  it('answers a Nova 404 on a read as gone, and a 404 on a resize as not_found', async () => {
    expect(await createOpenStackProvider(configFor(cloud)).status(existing)).toEqual({ state: 'gone' });
    const error = await failure((p) =>
      p.resize(existing, { spec: { flavor: 'c1m2' }, footprint: vmInput().footprint }),
    );
    expect(error).toMatchObject({ code: 'not_found', status: 404 });
    expect(error.message).toContain('could not be found.');
  });

  it('a 400 "No valid host" on resize is no_capacity, and the resize marker is removed', async () => {
    cloud.buildPolls = 0;
    const { ref } = await createOpenStackProvider(configFor(cloud)).create(vmInput());
    cloud.once('POST', /\/action$/, () =>
      nova('badRequest', 400, 'No valid host was found. No valid host found for resize'),
    );

    const error = await failure((p) =>
      p.resize(ref, { spec: { flavor: 'c1m2' }, footprint: vmInput().footprint }),
    );
    expect(error.code).toBe('no_capacity');
    expect(cloud.calls('DELETE', /\/metadata\/dcloud_resize_to$/)).toHaveLength(1);
    expect((await createOpenStackProvider(configFor(cloud)).status(ref)).state).toBe('active');
  });

  it('an unknown reference is invalid_request, not a call to the cloud', async () => {
    const error = await failure((p) => p.status('sim-1234'));
    expect(error).toMatchObject({
      code: 'invalid_request',
      message: '"sim-1234" is not an OpenStack reference',
    });
    expect(cloud.requests).toHaveLength(0);
  });
});

describe('no answer', () => {
  it('a cloud that does not answer in time is timeout, worth retrying', async () => {
    cloud.once('GET', /\/servers\/detail$/, () => 'hang');
    const started = Date.now();
    const error = await failure(boot, configFor(cloud, { timeoutMs: 300 }));

    expect(error).toMatchObject({ code: 'timeout', transient: true });
    expect(error.message).toBe('OpenStack compute: list servers: no answer within 300 ms');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('a connection reset mid-call is unavailable, worth retrying', async () => {
    cloud.once('GET', /\/flavors\/detail$/, () => 'reset');
    const error = await failure(boot);
    expect(error).toMatchObject({ code: 'unavailable', transient: true });
    expect(error.message).toMatch(/^OpenStack compute: list flavours: the cloud is unreachable \(/);
  });

  it('a refused connection (nothing listening) is unavailable', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const config = { ...configFor(cloud), authUrl: `http://127.0.0.1:${port}/v3` };
    const error = await failure((p) => p.quota(), config);
    expect(error).toMatchObject({ code: 'unavailable', transient: true });
    expect(error.message).toBe('OpenStack identity: issue a token: the cloud is unreachable (ECONNREFUSED)');
  });
});
