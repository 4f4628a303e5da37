import { randomUUID } from 'node:crypto';
import type { CreateInput } from '../../types';
import type { OpenStackConfig } from '../config';
import type { FakeOpenStack } from './fake-openstack';

/** A configuration pointing at the fake cloud, as portal/portal in project portal. */
export function configFor(cloud: FakeOpenStack, overrides: Partial<OpenStackConfig> = {}): OpenStackConfig {
  return {
    authUrl: `${cloud.url}/identity/v3`,
    auth: {
      method: 'password',
      username: 'portal',
      password: cloud.password,
      userDomain: { name: 'Default' },
      project: { name: 'portal', domain: { name: 'Default' } },
    },
    region: 'RegionOne',
    interface: 'public',
    flavorMap: { c1m1: 'm1.tiny', c1m2: 'm1.small' },
    imageMap: { 'rocky-9': 'fake-image' },
    network: 'none',
    timeoutMs: 5_000,
    ...overrides,
  };
}

/** What the provisioning job passes for a small VM: a fresh key, carried in the name. */
export function vmInput(overrides: Partial<CreateInput> = {}): CreateInput {
  const key = overrides.idempotencyKey ?? randomUUID();
  return {
    idempotencyKey: key,
    name: `bis-web-01--${key}`,
    kind: 'vm',
    spec: { flavor: 'c1m1', image: 'rocky-9', diskGb: 20 },
    footprint: { vcpu: 1, ramGb: 0.5, storageGb: 20, instances: 0, licenseKrw: 0 },
    poolId: 'pool-openstack',
    labels: { department: 'TRF', system: 'bis' },
    ...overrides,
  };
}

/** A volume request. */
export function volumeInput(overrides: Partial<CreateInput> = {}): CreateInput {
  return vmInput({ kind: 'volume', spec: { sizeGb: 50 }, ...overrides });
}
