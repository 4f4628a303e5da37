import { describe, expect, it } from 'vitest';
import { KEY, NS, PUBLIC, REF, slotInput, withFakeCluster } from './testing/provider-fixture';

// A slot's life after create against the stand-in API server: status, resize, delete, usage,
// list and quota, with the exact requests each sends.

const { cluster, calls, bodyOf } = withFakeCluster();

describe('status', () => {
  it('names the piece still missing, in the order create makes them, then reports access', async () => {
    cluster.api.fault({
      method: 'POST',
      path: `/api/v1/namespaces/${NS}/limitranges`,
      status: 500,
      body: { kind: 'Status', status: 'Failure', reason: 'InternalError', message: 'boom', code: 500 },
    });
    await expect(cluster.provider.create(slotInput())).rejects.toMatchObject({ code: 'unavailable' });
    await expect(cluster.provider.status(REF)).resolves.toMatchObject({
      state: 'building',
      phase: 'limits',
      progress: 50,
    });

    cluster.api.fault({
      method: 'POST',
      path: `/apis/rbac.authorization.k8s.io/v1/namespaces/${NS}/rolebindings`,
      status: 500,
      body: { kind: 'Status', status: 'Failure', reason: 'InternalError', message: 'boom', code: 500 },
    });
    await expect(cluster.provider.create(slotInput())).rejects.toMatchObject({ code: 'unavailable' });
    await expect(cluster.provider.status(REF)).resolves.toMatchObject({
      state: 'building',
      phase: 'access',
      progress: 75,
    });

    await cluster.provider.create(slotInput());
    const from = cluster.api.requests.length;
    await expect(cluster.provider.status(REF)).resolves.toEqual({
      state: 'active',
      phase: 'active',
      progress: 100,
      access: {
        apiServer: PUBLIC,
        namespace: NS,
        group: 'dcloud:dept:TRAFFIC',
        example: `kubectl --namespace ${NS} get pods`,
      },
    });
    expect(calls(from).sort()).toEqual([
      `GET /api/v1/namespaces/${NS}`,
      `GET /api/v1/namespaces/${NS}/limitranges/dcloud-limits`,
      `GET /api/v1/namespaces/${NS}/resourcequotas/dcloud-quota`,
      `GET /apis/rbac.authorization.k8s.io/v1/namespaces/${NS}/rolebindings/dcloud-deployers`,
    ]);
  });

  it('reports a missing namespace as gone, and a terminating one as gone with phase terminating', async () => {
    await expect(cluster.provider.status(REF)).resolves.toEqual({ state: 'gone' });
    await cluster.provider.create(slotInput());
    await cluster.provider.delete(REF);
    await expect(cluster.provider.status(REF)).resolves.toMatchObject({
      state: 'gone',
      phase: 'terminating',
    });
    cluster.api.finishDeletions();
    await expect(cluster.provider.status(REF)).resolves.toEqual({ state: 'gone' });
  });

  it('refuses a ref it did not hand out', async () => {
    await expect(cluster.provider.status('sim-42')).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(cluster.provider.status('k8s-ns-../../apis')).rejects.toMatchObject({
      code: 'invalid_request',
    });
    expect(cluster.api.requests).toHaveLength(0);
  });
});

describe('resize', () => {
  it('merge-patches the quota and the limits, and the slot stays active', async () => {
    await cluster.provider.create(slotInput());
    const from = cluster.api.requests.length;
    await cluster.provider.resize(REF, {
      spec: {
        name: 'eminwon-api',
        runtime: 'egovframe-4',
        instances: 3,
        cpuPerInstance: 2,
        memoryGbPerInstance: 4,
      },
      footprint: { vcpu: 6, ramGb: 12, storageGb: 0, instances: 3, licenseKrw: 0 },
    });

    const patches = cluster.api.requests.slice(from);
    expect(patches.map((r) => `${r.method} ${r.path} ${r.headers['content-type']}`)).toEqual([
      `PATCH /api/v1/namespaces/${NS}/resourcequotas/dcloud-quota application/merge-patch+json`,
      `PATCH /api/v1/namespaces/${NS}/limitranges/dcloud-limits application/merge-patch+json`,
    ]);
    expect(patches[0]?.body).toEqual({
      metadata: { annotations: { 'dcloud.example/instances': '3' } },
      spec: {
        hard: {
          'requests.cpu': '6',
          'limits.cpu': '6',
          'requests.memory': '12Gi',
          'limits.memory': '12Gi',
          pods: '6',
        },
      },
    });
    expect(patches[1]?.body).toEqual({
      spec: {
        limits: [
          {
            type: 'Container',
            default: { cpu: '2', memory: '4Gi' },
            defaultRequest: { cpu: '500m', memory: '1Gi' },
          },
        ],
      },
    });
    expect(cluster.api.objects.get(`resourcequotas/${NS}/dcloud-quota`)?.spec).toEqual({
      hard: expect.objectContaining({ 'requests.cpu': '6' }),
    });
    await expect(cluster.provider.status(REF)).resolves.toMatchObject({ state: 'active' });
  });
});

describe('delete', () => {
  it('deletes the namespace it read, pinned by uid', async () => {
    await cluster.provider.create(slotInput());
    const from = cluster.api.requests.length;
    await cluster.provider.delete(REF);
    expect(calls(from)).toEqual([`GET /api/v1/namespaces/${NS}`, `DELETE /api/v1/namespaces/${NS}`]);
    const uid = cluster.api.namespaces.get(NS)?.metadata.uid;
    expect(cluster.api.requests.at(-1)?.body).toEqual({
      apiVersion: 'v1',
      kind: 'DeleteOptions',
      preconditions: { uid },
    });
    expect(cluster.api.requests.at(-1)?.headers['content-type']).toBe('application/json');
  });

  it('succeeds for a namespace that is already gone', async () => {
    await expect(cluster.provider.delete(REF)).resolves.toBeUndefined();
    expect(calls()).toEqual([`GET /api/v1/namespaces/${NS}`]);
  });

  it('succeeds when the namespace vanishes between the read and the delete', async () => {
    await cluster.provider.create(slotInput());
    cluster.api.fault({
      method: 'DELETE',
      path: `/api/v1/namespaces/${NS}`,
      status: 404,
      body: {
        kind: 'Status',
        status: 'Failure',
        reason: 'NotFound',
        message: `namespaces "${NS}" not found`,
        code: 404,
      },
    });
    await expect(cluster.provider.delete(REF)).resolves.toBeUndefined();
  });

  it('never deletes a namespace the portal did not make', async () => {
    cluster.api.seedNamespace('kube-system');
    await expect(cluster.provider.delete('k8s-ns-kube-system')).rejects.toMatchObject({ code: 'forbidden' });
    expect(calls()).toEqual(['GET /api/v1/namespaces/kube-system']);
    expect(cluster.api.namespaces.get('kube-system')?.status).toEqual({ phase: 'Active' });
  });
});

describe('usage, list and quota', () => {
  it('reads usage from the quota’s used requests', async () => {
    await expect(cluster.provider.usage(REF)).resolves.toEqual({ cpuPct: 0, ramUsedGb: 0, storageUsedGb: 0 });
    await cluster.provider.create(slotInput());
    cluster.api.setQuotaUsed(NS, 'dcloud-quota', {
      'requests.cpu': '500m',
      'requests.memory': '1536Mi',
      pods: '2',
    });
    await expect(cluster.provider.usage(REF)).resolves.toEqual({
      cpuPct: 25,
      ramUsedGb: 1.5,
      storageUsedGb: 0,
    });
    expect(calls().at(-1)).toBe(`GET /api/v1/namespaces/${NS}/resourcequotas/dcloud-quota`);
  });

  it('lists the portal’s namespaces with their request keys', async () => {
    await cluster.provider.create(slotInput());
    cluster.api.seedNamespace('legacy-app');
    const from = cluster.api.requests.length;
    await expect(cluster.provider.list()).resolves.toEqual([
      { ref: REF, name: `eminwon-api--${KEY}`, idempotencyKey: KEY, state: 'active' },
    ]);
    expect(calls(from)).toEqual([
      'GET /api/v1/namespaces?labelSelector=app.kubernetes.io%2Fmanaged-by%3Ddcloud-portal',
    ]);
  });

  it('adds up the hard values of the portal’s quotas, with no cluster limit', async () => {
    await cluster.provider.create(slotInput());
    const other = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';
    await cluster.provider.create(
      slotInput({
        idempotencyKey: other,
        name: `welfare-web--${other}`,
        spec: {
          name: 'welfare-web',
          runtime: 'node-20',
          instances: 1,
          cpuPerInstance: 0.5,
          memoryGbPerInstance: 1.5,
        },
        footprint: { vcpu: 0.5, ramGb: 1.5, storageGb: 0, instances: 1, licenseKrw: 0 },
      }),
    );
    expect(bodyOf('POST', '/api/v1/namespaces/dc-welfare-web-9d8c7b6a/resourcequotas')).toMatchObject({
      spec: { hard: { 'requests.cpu': '500m', 'requests.memory': '1536Mi', pods: '2' } },
    });
    const from = cluster.api.requests.length;
    await expect(cluster.provider.quota()).resolves.toEqual({
      vcpu: { limit: null, used: 2.5 },
      ramGb: { limit: null, used: 5.5 },
      instances: { limit: null, used: 3 },
    });
    expect(calls(from)).toEqual([
      'GET /api/v1/resourcequotas?labelSelector=app.kubernetes.io%2Fmanaged-by%3Ddcloud-portal',
    ]);
    await expect(cluster.provider.drStatus(REF)).resolves.toBeNull();
  });
});
