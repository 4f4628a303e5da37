import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubernetesConfigFromEnv } from './config';
import { createKubernetesProvider } from './index';
import { hasOpenssl, makeTestPki, type TestPki } from './testing/certificates';
import { type FakeKubernetes, startFakeKubernetes } from './testing/fake-api-server';
import { tempDir, writeKubeconfig } from './testing/kubeconfig-file';

// The provider over https, as it meets a real API server: in-cluster with the pod's service
// account, and from a kubeconfig with a client certificate. The certificates are made by openssl
// for the run; without openssl there is nothing to make them with, and these tests are skipped.

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.service-account.sig';

describe.skipIf(!hasOpenssl())('over https', () => {
  let pki: TestPki;
  let api: FakeKubernetes;

  beforeAll(async () => {
    pki = makeTestPki(tempDir());
    api = await startFakeKubernetes({
      token: TOKEN,
      tls: { key: pki.serverKeyPem, cert: pki.serverCertPem, ca: pki.caPem },
    });
  }, 30_000);
  afterAll(async () => {
    await api?.close();
  });

  function serviceAccount(ca: string) {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'token'), `${TOKEN}\n`);
    writeFileSync(path.join(dir, 'ca.crt'), ca);
    return dir;
  }
  const inCluster = () => ({
    KUBERNETES_SERVICE_HOST: '127.0.0.1',
    KUBERNETES_SERVICE_PORT: String(api.port),
  });

  it('calls the API in-cluster with the service account’s token, trusting its CA', async () => {
    const dir = serviceAccount(pki.caPem);
    const provider = createKubernetesProvider(
      kubernetesConfigFromEnv(inCluster(), { serviceAccountDir: dir }),
    );
    const from = api.requests.length;
    await expect(provider.list()).resolves.toEqual([]);
    expect(api.requests.slice(from).map((r) => [r.method, r.path, r.headers.authorization])).toEqual([
      ['GET', '/api/v1/namespaces', `Bearer ${TOKEN}`],
    ]);

    // the kubelet rotates the token in place: the next call sends the new one
    writeFileSync(path.join(dir, 'token'), 'rotated-token');
    api.setToken('rotated-token');
    await expect(provider.list()).resolves.toEqual([]);
    expect(api.requests.at(-1)?.headers.authorization).toBe('Bearer rotated-token');
    api.setToken(TOKEN);
  });

  it('refuses an API server its CA did not sign, as a failure no retry fixes', async () => {
    const dir = serviceAccount(pki.otherCaPem);
    const provider = createKubernetesProvider(
      kubernetesConfigFromEnv(inCluster(), { serviceAccountDir: dir }),
    );
    await expect(provider.list()).rejects.toMatchObject({
      code: 'auth_failed',
      transient: false,
      message: expect.stringContaining('certificate is not trusted'),
    });
  });

  it('presents the kubeconfig’s client certificate, with no bearer token', async () => {
    const b64 = (pem: string) => Buffer.from(pem).toString('base64');
    const kubeconfig = writeKubeconfig(
      tempDir(),
      { server: `https://127.0.0.1:${api.port}`, 'certificate-authority-data': b64(pki.caPem) },
      { 'client-certificate-data': b64(pki.clientCertPem), 'client-key-data': b64(pki.clientKeyPem) },
    );
    const provider = createKubernetesProvider(kubernetesConfigFromEnv({ KUBECONFIG: kubeconfig }));
    // the fake accepts bearer tokens only, so the call is refused: what matters is what it saw
    await expect(provider.list()).rejects.toMatchObject({ code: 'auth_failed' });
    expect(api.requests.at(-1)?.clientCn).toBe('dcloud-portal');
    expect(api.requests.at(-1)?.headers.authorization).toBeUndefined();
  });

  it('skips verification only when the kubeconfig says insecure-skip-tls-verify', async () => {
    const kubeconfig = writeKubeconfig(
      tempDir(),
      { server: `https://127.0.0.1:${api.port}`, 'insecure-skip-tls-verify': true },
      { token: TOKEN },
    );
    await expect(
      createKubernetesProvider(kubernetesConfigFromEnv({ KUBECONFIG: kubeconfig })).list(),
    ).resolves.toEqual([]);
  });
});
