import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubernetesConfigFromEnv } from './config';
import { tempDir, writeKubeconfig } from './testing/kubeconfig-file';

// config only checks that PEM material looks like PEM; the TLS test uses real certificates
const pem = (label: string) => `-----BEGIN ${label}-----\nMIIBfake\n-----END ${label}-----\n`;
const b64 = (text: string) => Buffer.from(text).toString('base64');
const SERVER = 'https://10.20.30.40:6443';

describe('from a kubeconfig', () => {
  it('reads the current context’s server and token, with the portal’s defaults', () => {
    const file = writeKubeconfig(tempDir(), { server: `${SERVER}/` }, { token: 'abc' });
    expect(kubernetesConfigFromEnv({ KUBECONFIG: file })).toEqual({
      source: `kubeconfig ${file}`,
      server: SERVER,
      insecureSkipTlsVerify: false,
      tlsServerName: undefined,
      token: 'abc',
      publicApiServer: SERVER,
      role: 'edit',
      timeoutMs: 10_000,
    });
  });

  it('takes the portal’s variables, and counts empty ones as unset', () => {
    const file = writeKubeconfig(tempDir(), { server: SERVER }, { token: 'abc' });
    const config = kubernetesConfigFromEnv({
      KUBECONFIG: file,
      DCLOUD_K8S_API_SERVER_PUBLIC: 'https://k8s.dcloud.example:6443/',
      DCLOUD_K8S_ROLE: 'dcloud-deployer',
      DCLOUD_K8S_TIMEOUT_MS: '',
      DCLOUD_K8S_CONTEXT: '  ',
    });
    expect(config).toMatchObject({
      publicApiServer: 'https://k8s.dcloud.example:6443',
      role: 'dcloud-deployer',
      timeoutMs: 10_000,
    });
  });

  it('uses DCLOUD_K8S_CONTEXT over the current context, and names it when it is not there', () => {
    const dir = tempDir();
    const file = writeKubeconfig(
      dir,
      { server: SERVER },
      { token: 'abc' },
      {
        currentContext: 'nowhere',
        contexts: [{ name: 'portal', cluster: 'fake', user: 'portal' }],
      },
    );
    expect(kubernetesConfigFromEnv({ KUBECONFIG: file, DCLOUD_K8S_CONTEXT: 'portal' }).token).toBe('abc');
    expect(() => kubernetesConfigFromEnv({ KUBECONFIG: file, DCLOUD_K8S_CONTEXT: 'other' })).toThrow(
      `KUBECONFIG ${file}: context "other" (DCLOUD_K8S_CONTEXT) is not in the file`,
    );
    expect(() => kubernetesConfigFromEnv({ KUBECONFIG: file })).toThrow(
      'context "nowhere" (current-context) is not in the file',
    );
  });

  it('decodes certificate data and resolves file references against the kubeconfig’s folder', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'pki'));
    writeFileSync(path.join(dir, 'pki', 'ca.crt'), pem('CERTIFICATE'));
    writeFileSync(path.join(dir, 'pki', 'portal.crt'), pem('CERTIFICATE'));
    writeFileSync(path.join(dir, 'pki', 'portal.key'), pem('PRIVATE KEY'));
    const byFile = writeKubeconfig(
      dir,
      { server: SERVER, 'certificate-authority': 'pki/ca.crt', 'tls-server-name': 'kubernetes.default' },
      { 'client-certificate': 'pki/portal.crt', 'client-key': 'pki/portal.key' },
    );
    expect(kubernetesConfigFromEnv({ KUBECONFIG: byFile })).toMatchObject({
      caPem: pem('CERTIFICATE'),
      clientCertPem: pem('CERTIFICATE'),
      clientKeyPem: pem('PRIVATE KEY'),
      tlsServerName: 'kubernetes.default',
    });

    const byData = writeKubeconfig(
      tempDir(),
      { server: SERVER, 'certificate-authority-data': b64(pem('CERTIFICATE')) },
      { 'client-certificate-data': b64(pem('CERTIFICATE')), 'client-key-data': b64(pem('EC PRIVATE KEY')) },
    );
    expect(kubernetesConfigFromEnv({ KUBECONFIG: byData })).toMatchObject({
      caPem: pem('CERTIFICATE'),
      clientKeyPem: pem('EC PRIVATE KEY'),
    });
  });

  it('keeps a token file’s path, to be read on each call', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'token'), 'rotating\n');
    const file = writeKubeconfig(
      dir,
      { server: SERVER, 'insecure-skip-tls-verify': true },
      { tokenFile: 'token' },
    );
    expect(kubernetesConfigFromEnv({ KUBECONFIG: file })).toMatchObject({
      tokenFile: path.join(dir, 'token'),
      insecureSkipTlsVerify: true,
    });
  });

  type BadKubeconfig = {
    label: string;
    cluster: Record<string, string>;
    user: Record<string, string>;
    error: string | RegExp;
  };
  it.each<BadKubeconfig>([
    {
      label: 'a missing CA file',
      cluster: { 'certificate-authority': 'nope.crt' },
      user: { token: 't' },
      error: /certificate-authority: cannot read .*nope\.crt \(ENOENT\)/,
    },
    {
      label: 'CA data that is not PEM',
      cluster: { 'certificate-authority-data': b64('hello') },
      user: { token: 't' },
      error: 'certificate-authority-data: not base64-encoded PEM',
    },
    {
      label: 'a missing token file',
      cluster: {},
      user: { tokenFile: 'gone' },
      error: /tokenFile: cannot read .*gone \(ENOENT\)/,
    },
    {
      label: 'a certificate without its key',
      cluster: {},
      user: { 'client-certificate-data': b64(pem('CERTIFICATE')) },
      error: 'needs both a certificate and a key',
    },
    {
      label: 'no credentials',
      cluster: {},
      user: {},
      error: 'user "portal": has no token, tokenFile or client certificate',
    },
    {
      label: 'a server that is not a URL',
      cluster: { server: 'k8s:6443' },
      user: { token: 't' },
      error: 'clusters.0.cluster.server: server must be an http(s) URL',
    },
  ])('names the file and field for $label', ({ cluster, user, error }) => {
    const file = writeKubeconfig(tempDir(), { server: SERVER, ...cluster }, user);
    expect(() => kubernetesConfigFromEnv({ KUBECONFIG: file })).toThrow(error);
    expect(() => kubernetesConfigFromEnv({ KUBECONFIG: file })).toThrow(`KUBECONFIG ${file}`);
  });

  it('refuses an exec plugin rather than run a program', () => {
    const file = path.join(tempDir(), 'kubeconfig');
    writeFileSync(
      file,
      [
        'apiVersion: v1',
        'kind: Config',
        'current-context: c',
        'clusters: [{name: k, cluster: {server: "https://k:6443"}}]',
        'contexts: [{name: c, context: {cluster: k, user: u}}]',
        'users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1, command: aws}}}]',
      ].join('\n'),
    );
    expect(() => kubernetesConfigFromEnv({ KUBECONFIG: file })).toThrow(
      'uses an exec plugin, which the portal does not run',
    );
  });

  it('names KUBECONFIG when the file is missing, unreadable YAML, or a list of files', () => {
    expect(() => kubernetesConfigFromEnv({ KUBECONFIG: '/nonexistent/kubeconfig' })).toThrow(
      'KUBECONFIG: cannot read /nonexistent/kubeconfig (ENOENT)',
    );
    const broken = path.join(tempDir(), 'kubeconfig');
    writeFileSync(broken, 'clusters: [unclosed');
    expect(() => kubernetesConfigFromEnv({ KUBECONFIG: broken })).toThrow(
      `KUBECONFIG ${broken}: not valid YAML`,
    );
    expect(() => kubernetesConfigFromEnv({ KUBECONFIG: '/a/config:/b/config' })).toThrow(
      'KUBECONFIG: names several files',
    );
  });
});

describe('the portal’s variables', () => {
  const file = writeKubeconfig(tempDir(), { server: SERVER }, { token: 'abc' });
  it.each([
    {
      name: 'DCLOUD_K8S_TIMEOUT_MS',
      value: 'soon',
      error: 'DCLOUD_K8S_TIMEOUT_MS: must be a whole number of milliseconds',
    },
    { name: 'DCLOUD_K8S_TIMEOUT_MS', value: '5', error: 'DCLOUD_K8S_TIMEOUT_MS: must be at least 100 ms' },
    {
      name: 'DCLOUD_K8S_API_SERVER_PUBLIC',
      value: 'k8s.dcloud.example',
      error: 'DCLOUD_K8S_API_SERVER_PUBLIC: must be an http(s) URL',
    },
    { name: 'DCLOUD_K8S_ROLE', value: 'edit/../admin', error: 'DCLOUD_K8S_ROLE: must be a ClusterRole name' },
    {
      name: 'KUBERNETES_SERVICE_PORT',
      value: 'https',
      error: 'KUBERNETES_SERVICE_PORT: must be a port number',
    },
  ])('refuses $name=$value, naming it', ({ name, value, error }) => {
    expect(() => kubernetesConfigFromEnv({ KUBECONFIG: file, [name]: value })).toThrow(error);
  });
});

describe('in-cluster', () => {
  function serviceAccountDir(files: { token?: string; ca?: string }) {
    const dir = tempDir();
    if (files.token !== undefined) writeFileSync(path.join(dir, 'token'), files.token);
    if (files.ca !== undefined) writeFileSync(path.join(dir, 'ca.crt'), files.ca);
    return dir;
  }
  const cluster = { KUBERNETES_SERVICE_HOST: '10.96.0.1', KUBERNETES_SERVICE_PORT: '443' };

  it('uses the pod’s service account token and CA', () => {
    const dir = serviceAccountDir({ token: 'eyJhbGciOi.sa', ca: pem('CERTIFICATE') });
    expect(kubernetesConfigFromEnv(cluster, { serviceAccountDir: dir })).toEqual({
      source: 'in-cluster',
      server: 'https://10.96.0.1:443',
      caPem: pem('CERTIFICATE'),
      insecureSkipTlsVerify: false,
      tokenFile: path.join(dir, 'token'),
      publicApiServer: 'https://10.96.0.1:443',
      role: 'edit',
      timeoutMs: 10_000,
    });
  });

  it('puts an IPv6 service address in brackets', () => {
    const dir = serviceAccountDir({ token: 't', ca: pem('CERTIFICATE') });
    const config = kubernetesConfigFromEnv(
      { ...cluster, KUBERNETES_SERVICE_HOST: 'fd00:10:96::1' },
      { serviceAccountDir: dir },
    );
    expect(config.server).toBe('https://[fd00:10:96::1]:443');
  });

  it('prefers KUBECONFIG when both are there', () => {
    const file = writeKubeconfig(tempDir(), { server: SERVER }, { token: 'abc' });
    expect(kubernetesConfigFromEnv({ ...cluster, KUBECONFIG: file }).server).toBe(SERVER);
  });

  it('names what is missing', () => {
    expect(() => kubernetesConfigFromEnv({})).toThrow(
      'KUBECONFIG: not set, and KUBERNETES_SERVICE_HOST is not set either',
    );
    const full = serviceAccountDir({ token: 't', ca: pem('CERTIFICATE') });
    expect(() =>
      kubernetesConfigFromEnv({ KUBERNETES_SERVICE_HOST: '10.96.0.1' }, { serviceAccountDir: full }),
    ).toThrow('KUBERNETES_SERVICE_PORT: not set');
    const noToken = serviceAccountDir({ ca: pem('CERTIFICATE') });
    expect(() => kubernetesConfigFromEnv(cluster, { serviceAccountDir: noToken })).toThrow(
      `service account token: cannot read ${path.join(noToken, 'token')} (ENOENT)`,
    );
    const emptyToken = serviceAccountDir({ token: '\n', ca: pem('CERTIFICATE') });
    expect(() => kubernetesConfigFromEnv(cluster, { serviceAccountDir: emptyToken })).toThrow('is empty');
    const noCa = serviceAccountDir({ token: 't' });
    expect(() => kubernetesConfigFromEnv(cluster, { serviceAccountDir: noCa })).toThrow(
      `service account CA: cannot read ${path.join(noCa, 'ca.crt')} (ENOENT)`,
    );
  });
});
