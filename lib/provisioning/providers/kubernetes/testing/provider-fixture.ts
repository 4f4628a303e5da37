import { afterEach, beforeEach } from 'vitest';
import type { CloudProvider, CreateInput } from '../../types';
import { kubernetesConfigFromEnv } from '../config';
import { createKubernetesProvider } from '../index';
import { type FakeKubernetes, startFakeKubernetes } from './fake-api-server';
import { tempDir, writeKubeconfig } from './kubeconfig-file';

// One slot request and a provider wired to a fresh fake API for each test, through a kubeconfig
// file with token auth, as the portal would be configured.

export const TOKEN = 'portal-sa-token-3c1f';
export const KEY = '3f2a9c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b';
export const SYSTEM = '0b9e5d2c-1a4f-4c3e-8d7b-6a5f4e3d2c1b';
export const NS = 'dc-eminwon-api-3f2a9c1e';
export const REF = `k8s-ns-${NS}`;
export const PUBLIC = 'https://k8s.dcloud.example:6443';

export const MANAGED = { 'app.kubernetes.io/managed-by': 'dcloud-portal', 'dcloud.example/request': KEY };

export const slotInput = (overrides: Partial<CreateInput> = {}): CreateInput => ({
  idempotencyKey: KEY,
  name: `eminwon-api--${KEY}`,
  kind: 'platform_slot',
  spec: {
    name: 'eminwon-api',
    runtime: 'egovframe-4',
    instances: 2,
    cpuPerInstance: 1,
    memoryGbPerInstance: 2,
  },
  footprint: { vcpu: 2, ramGb: 4, storageGb: 0, instances: 2, licenseKrw: 0 },
  poolId: 'pool-k8s',
  labels: {
    'dcloud.example/department': 'TRAFFIC',
    'dcloud.example/system': SYSTEM,
    'dcloud.example/request': KEY,
  },
  departmentGroup: 'dcloud:dept:TRAFFIC',
  ...overrides,
});

/**
 * Starts a fake API before each test (and stops it after) and configures a provider for it from a
 * kubeconfig written to a temp dir. Read `cluster.api` and `cluster.provider` inside tests.
 */
export function withFakeCluster() {
  const cluster = {} as { api: FakeKubernetes; provider: CloudProvider };
  beforeEach(async () => {
    cluster.api = await startFakeKubernetes({ token: TOKEN });
    const kubeconfig = writeKubeconfig(tempDir(), { server: cluster.api.url }, { token: TOKEN });
    const config = kubernetesConfigFromEnv({
      KUBECONFIG: kubeconfig,
      DCLOUD_K8S_API_SERVER_PUBLIC: PUBLIC,
      DCLOUD_K8S_ROLE: 'dcloud-deployer',
      DCLOUD_K8S_TIMEOUT_MS: '2000',
    });
    cluster.provider = createKubernetesProvider(config);
  });
  afterEach(async () => {
    await cluster.api.close();
  });

  return {
    cluster,
    /** method, path and query of each request since `from` */
    calls: (from = 0) =>
      cluster.api.requests.slice(from).map((r) => {
        const query = Object.keys(r.query).length ? `?${new URLSearchParams(r.query)}` : '';
        return `${r.method} ${r.path}${query}`;
      }),
    /** the body of the first request with this method and path */
    bodyOf: (method: string, path: string) =>
      cluster.api.requests.find((r) => r.method === method && r.path === path)?.body,
  };
}
