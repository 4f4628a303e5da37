import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isProviderError, type ProviderError } from '../types';
import { kubernetesConfigFromEnv } from './config';
import { createKubernetesProvider } from './index';
import { statusError } from './testing/api-shapes';
import { type FakeKubernetes, startFakeKubernetes } from './testing/fake-api-server';
import { tempDir, writeKubeconfig } from './testing/kubeconfig-file';

// How the API's refusals and silences become ProviderErrors: the closed code, whether it is
// retried, the HTTP status, and a message that carries the API's own words.

const TOKEN = 'portal-sa-token-3c1f';
const NS = 'dc-eminwon-api-3f2a9c1e';
const REF = `k8s-ns-${NS}`;
const QUOTA_PATH = `/api/v1/namespaces/${NS}/resourcequotas/dcloud-quota`;
const RESIZE = {
  spec: {
    name: 'eminwon-api',
    runtime: 'egovframe-4',
    instances: 2,
    cpuPerInstance: 1,
    memoryGbPerInstance: 2,
  },
  footprint: { vcpu: 2, ramGb: 4, storageGb: 0, instances: 2, licenseKrw: 0 },
};

let api: FakeKubernetes;

beforeEach(async () => {
  api = await startFakeKubernetes({ token: TOKEN });
});
afterEach(async () => {
  await api.close();
});

function providerFor(server: string, token = TOKEN, timeoutMs = '2000') {
  const kubeconfig = writeKubeconfig(tempDir(), { server }, { token });
  return createKubernetesProvider(
    kubernetesConfigFromEnv({ KUBECONFIG: kubeconfig, DCLOUD_K8S_TIMEOUT_MS: timeoutMs }),
  );
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!isProviderError(error)) throw new Error(`expected a ProviderError, got ${String(error)}`);
  return error;
}

describe('API refusals', () => {
  it.each([
    {
      label: '401 Unauthorized',
      status: 401,
      body: statusError(401, 'Unauthorized', 'Unauthorized'),
      code: 'auth_failed',
      transient: false,
    },
    {
      label: '403 Forbidden',
      status: 403,
      body: statusError(
        403,
        'Forbidden',
        `resourcequotas "dcloud-quota" is forbidden: User "system:serviceaccount:dcloud:portal" cannot patch resource "resourcequotas" in API group "" in the namespace "${NS}"`,
      ),
      code: 'forbidden',
      transient: false,
    },
    {
      label: '403 exceeded quota',
      status: 403,
      body: statusError(
        403,
        'Forbidden',
        'pods "web-7d4b9" is forbidden: exceeded quota: dcloud-quota, requested: limits.cpu=2, used: limits.cpu=2, limited: limits.cpu=2',
      ),
      code: 'quota_exceeded',
      transient: false,
    },
    {
      label: '404 NotFound',
      status: 404,
      body: statusError(404, 'NotFound', 'resourcequotas "dcloud-quota" not found'),
      code: 'not_found',
      transient: false,
    },
    {
      label: '409 Conflict',
      status: 409,
      body: statusError(
        409,
        'Conflict',
        'Operation cannot be fulfilled on resourcequotas "dcloud-quota": the object has been modified; please apply your changes to the latest version and try again',
      ),
      code: 'conflict',
      transient: true,
    },
    {
      label: '409 AlreadyExists',
      status: 409,
      body: statusError(409, 'AlreadyExists', 'resourcequotas "dcloud-quota" already exists'),
      code: 'conflict',
      transient: true,
    },
    {
      label: '422 Invalid',
      status: 422,
      body: statusError(
        422,
        'Invalid',
        'ResourceQuota "dcloud-quota" is invalid: spec.hard[requests.cpu]: Invalid value: "-1": must be greater than or equal to 0',
      ),
      code: 'invalid_request',
      transient: false,
    },
    {
      label: '400 BadRequest',
      status: 400,
      body: statusError(400, 'BadRequest', 'error decoding patch: invalid character'),
      code: 'invalid_request',
      transient: false,
    },
    {
      label: '429 TooManyRequests',
      status: 429,
      body: statusError(
        429,
        'TooManyRequests',
        'the server has received too many requests and has asked us to try again later',
      ),
      code: 'unavailable',
      transient: true,
    },
    {
      label: '500 InternalError',
      status: 500,
      body: statusError(500, 'InternalError', 'Internal error occurred: etcdserver: request timed out'),
      code: 'unavailable',
      transient: true,
    },
    {
      label: '503 ServiceUnavailable',
      status: 503,
      body: statusError(503, 'ServiceUnavailable', 'the server is currently unable to handle the request'),
      code: 'unavailable',
      transient: true,
    },
    {
      label: '504 Timeout',
      status: 504,
      body: statusError(504, 'Timeout', 'Timeout: request did not complete within the allotted timeout'),
      code: 'timeout',
      transient: true,
    },
  ])('maps $label to $code', async ({ status, body, code, transient }) => {
    api.fault({ method: 'PATCH', path: QUOTA_PATH, status, body });
    const error = await failure(providerFor(api.url).resize(REF, RESIZE));
    expect(error.code).toBe(code);
    expect(error.transient).toBe(transient);
    expect(error.status).toBe(status);
    expect(error.message).toContain(
      `Kubernetes API: resize ResourceQuota dcloud-quota in ${NS} failed: ${body.message}`,
    );
    expect(error.message).toContain(`(${body.reason}, HTTP ${status})`);
  });

  it('maps a proxy’s HTML 502 to unavailable, quoting what it said', async () => {
    api.fault({
      method: 'PATCH',
      path: QUOTA_PATH,
      status: 502,
      body: '<html><body>502 Bad Gateway</body></html>',
    });
    const error = await failure(providerFor(api.url).resize(REF, RESIZE));
    expect(error).toMatchObject({ code: 'unavailable', transient: true, status: 502 });
    expect(error.message).toContain('502 Bad Gateway');
  });

  it.each([
    { status: 400, code: 'invalid_request' },
    { status: 401, code: 'auth_failed' },
    { status: 403, code: 'forbidden' },
    { status: 404, code: 'not_found' },
    { status: 409, code: 'conflict' },
    { status: 429, code: 'unavailable' },
    { status: 504, code: 'timeout' },
  ])('maps a bare $status without a Status body to $code', async ({ status, code }) => {
    api.fault({ method: 'PATCH', path: QUOTA_PATH, status, body: `status ${status} from the gateway` });
    const error = await failure(providerFor(api.url).resize(REF, RESIZE));
    expect(error).toMatchObject({
      code,
      status,
      message: expect.stringContaining(`status ${status} from the gateway (HTTP ${status})`),
    });
  });

  it('reports a refused token as auth_failed, as the API answers it', async () => {
    const error = await failure(providerFor(api.url, 'revoked-token').list());
    expect(error).toMatchObject({ code: 'auth_failed', transient: false, status: 401 });
    expect(api.requests[0]?.headers.authorization).toBe('Bearer revoked-token');
  });

  it('reports a namespace refused for quota while creating as quota_exceeded', async () => {
    api.fault({
      method: 'POST',
      path: '/api/v1/namespaces',
      status: 403,
      body: statusError(
        403,
        'Forbidden',
        'namespaces "dc-eminwon-api-3f2a9c1e" is forbidden: exceeded quota: namespaces, requested: count/namespaces=1, used: count/namespaces=500, limited: count/namespaces=500',
      ),
    });
    const error = await failure(
      providerFor(api.url).create({
        idempotencyKey: '3f2a9c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b',
        name: 'eminwon-api--3f2a9c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b',
        kind: 'platform_slot',
        spec: RESIZE.spec,
        footprint: RESIZE.footprint,
        poolId: 'pool-k8s',
        labels: {},
        departmentGroup: 'dcloud:dept:TRAFFIC',
      }),
    );
    expect(error).toMatchObject({ code: 'quota_exceeded', transient: false });
    expect(error.message).toContain('exceeded quota: namespaces');
  });

  it('treats an answer that is not the documented shape as unavailable', async () => {
    api.fault({
      method: 'GET',
      path: '/api/v1/namespaces',
      status: 200,
      body: { kind: 'NamespaceList', items: 'none' },
    });
    await expect(providerFor(api.url).list()).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('unexpected body'),
    });
  });
});

describe('silences', () => {
  it('gives up with timeout when the API does not answer in time', async () => {
    api.fault({ method: 'GET', path: `/api/v1/namespaces/${NS}`, hang: true });
    const started = Date.now();
    const error = await failure(providerFor(api.url, TOKEN, '300').status(REF));
    expect(error).toMatchObject({ code: 'timeout', transient: true });
    expect(error.message).toContain('no answer within 300 ms');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports a refused connection as unavailable', async () => {
    // a port that was just free: nothing listens there
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const error = await failure(providerFor(`http://127.0.0.1:${port}`).list());
    expect(error).toMatchObject({ code: 'unavailable', transient: true });
    expect(error.message).toContain('cannot be reached');
    expect(error.message).toContain('ECONNREFUSED');
  });
});

describe('connections', () => {
  it('reaches an API server at an IPv6 address', async (context) => {
    const ipv6 = await startFakeKubernetes({ token: TOKEN, host: '::1' }).catch(() => null);
    if (!ipv6) return context.skip('no IPv6 loopback on this machine');
    try {
      expect(ipv6.url).toMatch(/^http:\/\/\[::1\]:\d+$/);
      await expect(providerFor(ipv6.url).list()).resolves.toEqual([]);
      expect(ipv6.requests).toHaveLength(1);
    } finally {
      await ipv6.close();
    }
  });
});
