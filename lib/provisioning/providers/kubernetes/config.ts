import path from 'node:path';
import { z } from 'zod';
import { type KubernetesConnection, readConfigFile, readPemFile } from './connection';
import { connectionFromKubeconfig } from './kubeconfig';

/** Everything the Kubernetes provider needs: a connection plus the portal's own settings. */
export type KubernetesConfig = KubernetesConnection & {
  /** where the connection came from, for logs ("kubeconfig /etc/dcloud/kubeconfig", "in-cluster") */
  source: string;
  /** the API server URL shown to departments on the resource page */
  publicApiServer: string;
  /** the ClusterRole each slot's RoleBinding grants the department's group */
  role: string;
  /** how long one API call may take, connection included */
  timeoutMs: number;
};

export type KubernetesConfigOptions = {
  /** where a pod's service-account token and CA are mounted (tests point this at a temp dir) */
  serviceAccountDir?: string;
};

/** Where Kubernetes mounts a pod's service-account credentials. */
export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

const optional = z.string().trim().min(1).optional();

const envSchema = z.object({
  KUBECONFIG: optional,
  DCLOUD_K8S_CONTEXT: optional,
  KUBERNETES_SERVICE_HOST: optional,
  KUBERNETES_SERVICE_PORT: z
    .string()
    .regex(/^\d{1,5}$/, 'must be a port number')
    .transform(Number)
    .pipe(z.number().min(1, 'must be a port number').max(65_535, 'must be a port number'))
    .optional(),
  DCLOUD_K8S_API_SERVER_PUBLIC: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  // a ClusterRole name is one URL path segment: no slash or percent sign, not "." or ".."
  DCLOUD_K8S_ROLE: z
    .string()
    .regex(/^(?!\.\.?$)[^/%\s]+$/, 'must be a ClusterRole name')
    .default('edit'),
  DCLOUD_K8S_TIMEOUT_MS: z
    .string()
    .regex(/^\d+$/, 'must be a whole number of milliseconds')
    .transform(Number)
    .pipe(z.number().min(100, 'must be at least 100 ms').max(300_000, 'must be at most 300000 ms'))
    .default(10_000),
});

/**
 * The provider's configuration from the environment: a kubeconfig file (KUBECONFIG, with
 * DCLOUD_K8S_CONTEXT or its current-context) or, without one, the pod's own service account
 * (KUBERNETES_SERVICE_HOST/PORT and the mounted token and CA). Credentials come only from these
 * files and variables. Errors name the variable or file at fault.
 */
export function kubernetesConfigFromEnv(
  env: Record<string, string | undefined> = process.env,
  options: KubernetesConfigOptions = {},
): KubernetesConfig {
  // an empty variable (a blank line in an .env file) counts as unset
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value?.trim()));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${issue.path.join('.')}: ${issue.message}`);
  }
  const vars = parsed.data;

  let source: string;
  let connection: KubernetesConnection;
  if (vars.KUBECONFIG) {
    // kubectl merges a list of files; the portal reads exactly one, so a list is refused outright
    if (vars.KUBECONFIG.includes(path.delimiter)) {
      throw new Error(`KUBECONFIG: names several files (${vars.KUBECONFIG}); give the portal one`);
    }
    connection = connectionFromKubeconfig(vars.KUBECONFIG, vars.DCLOUD_K8S_CONTEXT);
    source = `kubeconfig ${vars.KUBECONFIG}`;
  } else if (vars.KUBERNETES_SERVICE_HOST) {
    connection = inClusterConnection(vars.KUBERNETES_SERVICE_HOST, vars.KUBERNETES_SERVICE_PORT, options);
    source = 'in-cluster';
  } else {
    throw new Error(
      'KUBECONFIG: not set, and KUBERNETES_SERVICE_HOST is not set either (the portal is not in a pod): set KUBECONFIG to a kubeconfig file',
    );
  }

  return {
    ...connection,
    source,
    publicApiServer: (vars.DCLOUD_K8S_API_SERVER_PUBLIC ?? connection.server).replace(/\/+$/, ''),
    role: vars.DCLOUD_K8S_ROLE,
    timeoutMs: vars.DCLOUD_K8S_TIMEOUT_MS,
  };
}

/** The pod's own service account, as client-go's in-cluster config reads it. */
function inClusterConnection(
  host: string,
  port: number | undefined,
  { serviceAccountDir = SERVICE_ACCOUNT_DIR }: KubernetesConfigOptions,
): KubernetesConnection {
  if (port === undefined)
    throw new Error('KUBERNETES_SERVICE_PORT: not set, though KUBERNETES_SERVICE_HOST is');
  const tokenFile = path.join(serviceAccountDir, 'token');
  if (!readConfigFile(tokenFile, 'service account token').trim()) {
    throw new Error(`service account token: ${tokenFile} is empty`);
  }
  return {
    // an IPv6 service address needs brackets in a URL
    server: `https://${host.includes(':') ? `[${host}]` : host}:${port}`,
    caPem: readPemFile(path.join(serviceAccountDir, 'ca.crt'), 'service account CA'),
    insecureSkipTlsVerify: false,
    tokenFile,
  };
}
