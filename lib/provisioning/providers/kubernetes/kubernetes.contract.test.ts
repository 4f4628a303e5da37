import { describe, expect, it } from 'vitest';
import { KEY, MANAGED, NS, REF, SYSTEM, slotInput, TOKEN, withFakeCluster } from './testing/provider-fixture';

// Creating a slot against a stand-in API server reached through a kubeconfig file: the exact
// paths, methods, headers and bodies sent, and idempotent retries.

const { cluster, calls, bodyOf } = withFakeCluster();

describe('create', () => {
  it('looks for the request’s namespace, then makes the namespace, quota, limits and role binding', async () => {
    await expect(cluster.provider.create(slotInput())).resolves.toEqual({ ref: REF });

    expect(calls()).toEqual([
      `GET /api/v1/namespaces?labelSelector=app.kubernetes.io%2Fmanaged-by%3Ddcloud-portal%2Cdcloud.example%2Frequest%3D${KEY}`,
      'POST /api/v1/namespaces',
      `POST /api/v1/namespaces/${NS}/resourcequotas`,
      `POST /api/v1/namespaces/${NS}/limitranges`,
      `POST /apis/rbac.authorization.k8s.io/v1/namespaces/${NS}/rolebindings`,
    ]);
    for (const request of cluster.api.requests) {
      expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(request.headers.accept).toBe('application/json');
      if (request.method === 'POST') expect(request.headers['content-type']).toBe('application/json');
    }
  });

  it('sends the Namespace with the portal’s labels and the runtime, system and group as annotations', async () => {
    await cluster.provider.create(slotInput());
    expect(bodyOf('POST', '/api/v1/namespaces')).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: NS,
        labels: {
          'dcloud.example/department': 'TRAFFIC',
          'dcloud.example/system': SYSTEM,
          'dcloud.example/request': KEY,
          'app.kubernetes.io/managed-by': 'dcloud-portal',
        },
        annotations: {
          'dcloud.example/name': `eminwon-api--${KEY}`,
          'dcloud.example/runtime': 'egovframe-4',
          'dcloud.example/system': SYSTEM,
          'dcloud.example/group': 'dcloud:dept:TRAFFIC',
        },
      },
    });
  });

  it('sends a ResourceQuota of the whole footprint with twice the instances as pods', async () => {
    await cluster.provider.create(slotInput());
    expect(bodyOf('POST', `/api/v1/namespaces/${NS}/resourcequotas`)).toEqual({
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: {
        name: 'dcloud-quota',
        namespace: NS,
        labels: MANAGED,
        annotations: { 'dcloud.example/instances': '2' },
      },
      spec: {
        hard: {
          'requests.cpu': '2',
          'limits.cpu': '2',
          'requests.memory': '4Gi',
          'limits.memory': '4Gi',
          pods: '4',
        },
      },
    });
  });

  it('sends a LimitRange defaulting containers to one instance, requesting a quarter of it', async () => {
    await cluster.provider.create(slotInput());
    expect(bodyOf('POST', `/api/v1/namespaces/${NS}/limitranges`)).toEqual({
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: 'dcloud-limits', namespace: NS, labels: MANAGED },
      spec: {
        limits: [
          {
            type: 'Container',
            default: { cpu: '1', memory: '2Gi' },
            defaultRequest: { cpu: '250m', memory: '512Mi' },
          },
        ],
      },
    });
  });

  it('sends a RoleBinding of the department’s group to the configured ClusterRole', async () => {
    await cluster.provider.create(slotInput());
    expect(bodyOf('POST', `/apis/rbac.authorization.k8s.io/v1/namespaces/${NS}/rolebindings`)).toEqual({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'dcloud-deployers', namespace: NS, labels: MANAGED },
      subjects: [{ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'dcloud:dept:TRAFFIC' }],
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'dcloud-deployer' },
    });
  });

  it('makes no second namespace when retried with the same key', async () => {
    const first = await cluster.provider.create(slotInput());
    const from = cluster.api.requests.length;
    const second = await cluster.provider.create(slotInput());

    expect(second).toEqual(first);
    expect(cluster.api.namespaces.size).toBe(1);
    expect(calls(from)).not.toContain('POST /api/v1/namespaces');
    expect(calls(from)).toEqual([
      expect.stringMatching(/^GET \/api\/v1\/namespaces\?labelSelector=/),
      `POST /api/v1/namespaces/${NS}/resourcequotas`,
      `POST /api/v1/namespaces/${NS}/limitranges`,
      `POST /apis/rbac.authorization.k8s.io/v1/namespaces/${NS}/rolebindings`,
    ]);
    await expect(cluster.provider.findByKey(KEY)).resolves.toEqual({ ref: REF });
  });

  it('completes on retry the slot a crash left with a namespace and no quota', async () => {
    cluster.api.fault({
      method: 'POST',
      path: `/api/v1/namespaces/${NS}/resourcequotas`,
      status: 503,
      body: {
        kind: 'Status',
        status: 'Failure',
        reason: 'ServiceUnavailable',
        message: 'etcdserver: leader changed',
        code: 503,
      },
    });
    await expect(cluster.provider.create(slotInput())).rejects.toMatchObject({
      code: 'unavailable',
      transient: true,
    });
    expect(cluster.api.namespaces.has(NS)).toBe(true);
    await expect(cluster.provider.status(REF)).resolves.toMatchObject({
      state: 'building',
      phase: 'quota',
      progress: 25,
    });

    await expect(cluster.provider.create(slotInput())).resolves.toEqual({ ref: REF });
    expect(cluster.api.namespaces.size).toBe(1);
    expect([...cluster.api.objects.keys()].sort()).toEqual([
      `limitranges/${NS}/dcloud-limits`,
      `resourcequotas/${NS}/dcloud-quota`,
      `rolebindings/${NS}/dcloud-deployers`,
    ]);
    await expect(cluster.provider.status(REF)).resolves.toMatchObject({ state: 'active' });
  });

  it('takes the namespace a concurrent attempt of the same request just made', async () => {
    // the other attempt made it between this attempt's lookup and its POST
    cluster.api.fault({
      method: 'GET',
      path: '/api/v1/namespaces',
      status: 200,
      body: { kind: 'NamespaceList', apiVersion: 'v1', metadata: {}, items: [] },
    });
    cluster.api.seedNamespace(NS, MANAGED);
    await expect(cluster.provider.create(slotInput())).resolves.toEqual({ ref: REF });
    expect(calls()).toContain(`GET /api/v1/namespaces/${NS}`);
  });

  it('refuses to take over a namespace of the same name that is not this request’s', async () => {
    cluster.api.seedNamespace(NS, { team: 'someone-else' });
    await expect(cluster.provider.create(slotInput())).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining(`namespace ${NS} already exists and was not made by the portal`),
    });
    expect(calls()).not.toContain(`POST /api/v1/namespaces/${NS}/resourcequotas`);
  });

  it('refuses a spec without instances, and a slot without a group, before calling the API', async () => {
    const noInstances = slotInput({
      spec: { name: 'x', runtime: 'node-20', cpuPerInstance: 1, memoryGbPerInstance: 1 },
    });
    await expect(cluster.provider.create(noInstances)).rejects.toMatchObject({
      code: 'invalid_request',
      message: expect.stringContaining('instances'),
    });
    await expect(cluster.provider.create(slotInput({ departmentGroup: undefined }))).rejects.toMatchObject({
      code: 'invalid_request',
    });
    await expect(cluster.provider.create(slotInput({ kind: 'vm' }))).rejects.toMatchObject({
      code: 'invalid_request',
    });
    expect(cluster.api.requests).toHaveLength(0);
  });
});

describe('labels and names', () => {
  it('makes label values valid and keeps the originals as annotations', async () => {
    const long = `${'x'.repeat(70)}-tail`;
    await cluster.provider.create(
      slotInput({
        spec: {
          name: 'My_App.Prod',
          runtime: 'python-3.12',
          instances: 1,
          cpuPerInstance: 1,
          memoryGbPerInstance: 1,
        },
        labels: {
          'dcloud.example/department': '교통국',
          'dcloud.example/system': 'Bus Info / 버스정보!',
          'dcloud.example/owner': long,
          'dcloud.example/request': KEY,
        },
      }),
    );
    const body = bodyOf('POST', '/api/v1/namespaces') as { metadata: Record<string, Record<string, string>> };
    expect(body.metadata.name).toBe('dc-my-app-prod-3f2a9c1e');
    expect(body.metadata.labels).toEqual({
      'dcloud.example/department': '',
      'dcloud.example/system': 'Bus_Info',
      'dcloud.example/owner': 'x'.repeat(63),
      'dcloud.example/request': KEY,
      'app.kubernetes.io/managed-by': 'dcloud-portal',
    });
    expect(body.metadata.annotations).toMatchObject({
      'dcloud.example/department': '교통국',
      'dcloud.example/system': 'Bus Info / 버스정보!',
      'dcloud.example/owner': long,
    });
    for (const value of Object.values(body.metadata.labels ?? {})) {
      expect(value).toMatch(/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/);
      expect(value.length).toBeLessThanOrEqual(63);
    }
  });

  it('refuses a label key Kubernetes would refuse, before calling the API', async () => {
    await expect(
      cluster.provider.create(slotInput({ labels: { 'dcloud example/dept': 'x' } })),
    ).rejects.toMatchObject({
      code: 'invalid_request',
      message: expect.stringContaining('dcloud example/dept'),
    });
    expect(cluster.api.requests).toHaveLength(0);
  });
});
