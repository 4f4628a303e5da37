import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOpenStackProvider } from './index';
import { clearTokenCache } from './keystone';
import { type FakeOpenStack, startFakeOpenStack } from './testing/fake-openstack';
import { configFor, volumeInput } from './testing/fixtures';

// Volumes go to Cinder v3 (the local OpenStack has none, so this contract is their only test):
// the documented create body with metadata, the status walk, extend, delete, and the lookup by key.

let cloud: FakeOpenStack;

beforeEach(async () => {
  clearTokenCache();
  cloud = await startFakeOpenStack();
});
afterEach(() => cloud.stop());

const provider = () => createOpenStackProvider(configFor(cloud));

describe('volumes (Cinder v3)', () => {
  const cinderPath = () => `/volume/v3/${cloud.projectId}`;

  it('creates with POST /volumes and metadata, reports creating then available, deletes with 202', async () => {
    const input = volumeInput();
    const { ref } = await provider().create(input);
    expect(ref).toMatch(/^os-volume-[0-9a-f-]{36}$/);

    const [create] = cloud.calls('POST', new RegExp(`^${cinderPath()}/volumes$`));
    expect(create!.body).toEqual({
      volume: {
        name: input.name,
        size: 50,
        metadata: { department: 'TRF', system: 'bis', dcloud_request_id: input.idempotencyKey },
      },
    });
    expect(await provider().status(ref)).toEqual({ state: 'building', phase: 'creating' });
    expect(await provider().status(ref)).toEqual({ state: 'active', phase: 'available', progress: 100 });

    await provider().resize(ref, { spec: { sizeGb: 80 }, footprint: input.footprint });
    const [extend] = cloud.calls('POST', new RegExp(`^${cinderPath()}/volumes/[^/]+/action$`));
    expect(extend!.body).toEqual({ 'os-extend': { new_size: 80 } });

    await provider().delete(ref);
    expect(cloud.calls('DELETE', new RegExp(`^${cinderPath()}/volumes/[^/]+$`))).toHaveLength(1);
    expect(await provider().status(ref)).toEqual({ state: 'gone' });
  });

  it('finds the volume of an earlier attempt by its metadata instead of creating a second', async () => {
    const input = volumeInput();
    const first = await provider().create(input);
    const second = await provider().create(input);

    expect(second).toEqual(first);
    expect(cloud.volumes.size).toBe(1);
    const lookups = cloud.calls('GET', new RegExp(`^${cinderPath()}/volumes/detail$`));
    expect(JSON.parse(lookups[0]!.query.get('metadata')!)).toEqual({
      dcloud_request_id: input.idempotencyKey,
    });
    expect(await provider().findByKey(input.idempotencyKey)).toEqual(first);
  });
});
