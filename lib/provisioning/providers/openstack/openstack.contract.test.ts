import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOpenStackProvider } from './index';
import { clearTokenCache } from './keystone';
import { type FakeOpenStack, startFakeOpenStack } from './testing/fake-openstack';
import { configFor, vmInput } from './testing/fixtures';

// The provider against a stand-in that answers with the API reference's shapes (Nova 2.79, Glance
// v2): every assertion is on what the provider sent (path, method, headers, body) and
// on what it made of the answers. Keystone, Cinder and the error mapping have their own files.

let cloud: FakeOpenStack;
const NOVA = '/compute/v2.1';
const SERVER_REF = /^os-server-([0-9a-f-]{36})$/;

beforeEach(async () => {
  clearTokenCache();
  cloud = await startFakeOpenStack();
});
afterEach(() => cloud.stop());

const provider = () => createOpenStackProvider(configFor(cloud));
const idOf = (ref: string) => SERVER_REF.exec(ref)![1]!;

describe('creating a VM', () => {
  it('boots with the documented body, at compute microversion 2.79, after looking for the key', async () => {
    const input = vmInput();
    const { ref } = await provider().create(input);

    const nova = cloud.requests.filter((r) => r.path.startsWith(NOVA));
    expect(nova.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET ${NOVA}/servers/detail`,
      `GET ${NOVA}/flavors/detail`,
      `POST ${NOVA}/servers`,
    ]);
    for (const request of nova) {
      expect(request.headers['openstack-api-version']).toBe('compute 2.79');
      expect(request.headers['x-openstack-nova-api-version']).toBe('2.79');
      expect(request.headers.connection).toBe('close');
      expect(cloud.tokens.has(String(request.headers['x-auth-token']))).toBe(true);
    }
    expect(nova[0]!.query.get('name')).toBe(input.idempotencyKey);
    const [image] = cloud.calls('GET', /^\/image\/v2\/images$/);
    expect(image!.query.get('name')).toBe('fake-image');

    const boot = nova[2]!;
    expect(boot.headers['content-type']).toBe('application/json');
    expect(boot.body).toEqual({
      server: {
        name: input.name,
        flavorRef: '1',
        imageRef: cloud.images[0]!.id,
        networks: 'none',
        metadata: { department: 'TRF', system: 'bis', dcloud_request_id: input.idempotencyKey },
      },
    });
    expect(cloud.servers.has(idOf(ref))).toBe(true);
  });

  it('boots on the configured network and falls back to the default image and the flavour id as name', async () => {
    const network = randomUUID();
    const config = configFor(cloud, { network, flavorMap: {}, imageMap: {}, defaultImage: 'fake-image' });
    await createOpenStackProvider(config).create(
      vmInput({ spec: { flavor: 'm1.small', image: 'ubuntu-24' } }),
    );

    const [boot] = cloud.calls('POST', /\/servers$/);
    expect(boot!.body).toMatchObject({ server: { flavorRef: '2', networks: [{ uuid: network }] } });
    expect(cloud.calls('GET', /^\/image\/v2\/images$/)[0]!.query.get('name')).toBe('fake-image');
  });

  it('returns the server of an earlier attempt instead of booting a second one', async () => {
    const input = vmInput();
    const first = await provider().create(input);
    const second = await provider().create(input);

    expect(second.ref).toBe(first.ref);
    expect(cloud.calls('POST', /\/servers$/)).toHaveLength(1);
    expect(await provider().findByKey(input.idempotencyKey)).toEqual(first);
  });

  it('finds the server when the answer to the first boot was lost, and boots no second one', async () => {
    const input = vmInput();
    cloud.once('POST', /\/servers$/, () => 'answer-then-reset');

    await expect(provider().create(input)).rejects.toMatchObject({ code: 'unavailable', transient: true });
    expect(cloud.servers.size).toBe(1);

    const { ref } = await provider().create(input);
    expect(ref).toBe(`os-server-${[...cloud.servers.keys()][0]}`);
    expect(cloud.calls('POST', /\/servers$/)).toHaveLength(1);
  });

  it('calls Glance at /v2/images whether the catalogue lists it with /v2 or without', async () => {
    cloud.imagePath = '/image/v2';
    await provider().create(vmInput());
    expect(cloud.calls('GET', /\/images$/).map((r) => r.path)).toEqual(['/image/v2/images']);
  });

  it('does not take a server that merely mentions the key in its name for the one made for it', async () => {
    const input = vmInput();
    const { ref } = await provider().create(input);
    const copy = cloud.servers.get(idOf(ref))!;
    cloud.servers.delete(copy.id);
    cloud.servers.set(copy.id, { ...copy, name: `snapshot-of-${input.name}-old`, metadata: {} });

    const second = await provider().create(input);
    expect(second.ref).not.toBe(ref);
    expect(cloud.calls('POST', /\/servers$/)).toHaveLength(2);
  });

  it('finds by key a server named <name>--<key> even without the metadata', async () => {
    const key = randomUUID();
    const { ref } = await provider().create(vmInput({ idempotencyKey: key }));
    cloud.servers.get(idOf(ref))!.metadata = {};

    expect(await provider().findByKey(key)).toEqual({ ref });
    expect(await provider().findByKey(randomUUID())).toBeNull();
  });
});

describe('a VM’s life', () => {
  it('reports BUILD with its progress, then ACTIVE with its first address', async () => {
    const { ref } = await provider().create(vmInput());

    expect(await provider().status(ref)).toEqual({ state: 'building', phase: 'building', progress: 40 });
    expect(await provider().status(ref)).toEqual({
      state: 'active',
      phase: 'active',
      progress: 100,
      access: { address: '10.0.0.5' },
    });
    expect(cloud.calls('GET', new RegExp(`${NOVA}/servers/${idOf(ref)}$`))).toHaveLength(2);
  });

  it('resizes to the new flavour, confirms VERIFY_RESIZE and is active on it', async () => {
    cloud.buildPolls = 0;
    const { ref } = await provider().create(vmInput());
    const id = idOf(ref);
    await provider().resize(ref, { spec: { flavor: 'c1m2' }, footprint: vmInput().footprint });

    const [marker] = cloud.calls('PUT', new RegExp(`/servers/${id}/metadata/dcloud_resize_to$`));
    expect(marker!.body).toEqual({ meta: { dcloud_resize_to: 'm1.small' } });
    const [resize] = cloud.calls('POST', new RegExp(`/servers/${id}/action$`));
    expect(resize!.body).toEqual({ resize: { flavorRef: '2' } });

    expect((await provider().status(ref)).state).toBe('resizing'); // RESIZE
    expect(await provider().status(ref)).toMatchObject({ state: 'resizing', phase: 'confirming' }); // VERIFY_RESIZE
    const actions = cloud.calls('POST', new RegExp(`/servers/${id}/action$`));
    expect(actions.map((a) => a.body)).toEqual([{ resize: { flavorRef: '2' } }, { confirmResize: null }]);
    expect(await provider().status(ref)).toMatchObject({ state: 'active', phase: 'active' });
    expect(cloud.servers.get(id)!.flavor.name).toBe('m1.small');
  });

  it('reports a resize Nova gave up on (back on ACTIVE with the old flavour) as resize_failed', async () => {
    cloud.buildPolls = 0;
    cloud.resizeOutcome = 'no_valid_host';
    const { ref } = await provider().create(vmInput());
    await provider().resize(ref, { spec: { flavor: 'c1m2' }, footprint: vmInput().footprint });

    expect(await provider().status(ref)).toMatchObject({
      state: 'error',
      phase: 'resize_failed',
      message: expect.stringContaining(
        'could not resize the server to m1.small (cold_migrate: Error); it still runs as m1.tiny',
      ),
    });
  });

  it('deletes with DELETE /servers/{id}; once gone, status is gone and a second delete succeeds', async () => {
    const { ref } = await provider().create(vmInput());
    await provider().delete(ref);
    await provider().delete(ref);

    expect(cloud.calls('DELETE', new RegExp(`^${NOVA}/servers/${idOf(ref)}$`))).toHaveLength(2);
    expect(await provider().status(ref)).toEqual({ state: 'gone' });
    expect(await provider().list()).toEqual([]);
  });

  it('reports an ERROR server with a NoValidHost fault as no capacity, with Nova’s message', async () => {
    const { ref } = await provider().create(vmInput());
    Object.assign(cloud.servers.get(idOf(ref))!, {
      status: 'ERROR',
      fault: {
        code: 500,
        message: 'No valid host was found. There are not enough hosts available.',
        created: '',
      },
    });

    expect(await provider().status(ref)).toEqual({
      state: 'error',
      phase: 'no_capacity',
      message: 'No host can take the server: No valid host was found. There are not enough hosts available.',
    });
  });

  it('reads usage from the diagnostics when Nova gives them, and zeros when its policy refuses', async () => {
    cloud.buildPolls = 0;
    const { ref } = await provider().create(vmInput());
    expect(await provider().usage(ref)).toEqual({ cpuPct: 0, ramUsedGb: 0, storageUsedGb: 0 });

    cloud.diagnosticsAllowed = true;
    expect(await provider().usage(ref)).toEqual({ cpuPct: 20, ramUsedGb: 1.5, storageUsedGb: 0 });
    expect(cloud.calls('GET', new RegExp(`/servers/${idOf(ref)}/diagnostics$`))).toHaveLength(2);
  });
});

describe('the project', () => {
  it('lists every server of the portal’s project, with the key where it carries one (by metadata or name)', async () => {
    const mine = vmInput();
    const { ref } = await provider().create(mine);
    const named = vmInput();
    const second = await provider().create(named);
    cloud.servers.get(idOf(second.ref))!.metadata = {};
    cloud.servers.set('a0000000-0000-4000-8000-000000000000', {
      ...cloud.servers.get(idOf(ref))!,
      id: 'a0000000-0000-4000-8000-000000000000',
      name: 'jump-host',
      metadata: {},
    });

    const objects = await provider().list();
    expect(objects).toEqual([
      { ref, name: mine.name, idempotencyKey: mine.idempotencyKey, state: 'building' },
      { ref: second.ref, name: named.name, idempotencyKey: named.idempotencyKey, state: 'building' },
      // made behind the portal's back: the reconciler reports it as an orphan
      {
        ref: 'os-server-a0000000-0000-4000-8000-000000000000',
        name: 'jump-host',
        idempotencyKey: null,
        state: 'building',
      },
    ]);
    const [list] = cloud.calls('GET', /\/servers\/detail$/).filter((r) => !r.query.has('name'));
    expect(list!.query.get('limit')).toBe('200');
  });

  it('reads the compute quota from os-quota-sets/{project}/detail (-1 is unlimited, RAM in MiB)', async () => {
    await provider().create(vmInput());
    expect(await provider().quota()).toEqual({
      vcpu: { limit: 20, used: 1 },
      ramGb: { limit: null, used: 0.5 },
      instances: { limit: 10, used: 1 },
    });
  });

  it('has no DR state to report', async () => {
    expect(await provider().drStatus('os-server-a0000000-0000-4000-8000-000000000000')).toBeNull();
  });
});
