import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { decodePem, type KubernetesConnection, readConfigFile, readPemFile } from './connection';

// kubeconfig files often carry `users: null` or `user: {}`: read null as absent
const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((items) => items ?? []);
const text = z.string().min(1).nullish();

const kubeconfigSchema = z.object({
  'current-context': text,
  clusters: list(
    z.object({
      name: z.string(),
      cluster: z.object({
        server: z.url({ protocol: /^https?$/, error: 'server must be an http(s) URL' }),
        'certificate-authority': text,
        'certificate-authority-data': text,
        'insecure-skip-tls-verify': z.boolean().nullish(),
        'tls-server-name': text,
      }),
    }),
  ),
  users: list(
    z.object({
      name: z.string(),
      user: z
        .object({
          token: text,
          tokenFile: text,
          'client-certificate': text,
          'client-certificate-data': text,
          'client-key': text,
          'client-key-data': text,
          exec: z.unknown().optional(),
          'auth-provider': z.unknown().optional(),
          username: text,
        })
        .nullish(),
    }),
  ),
  contexts: list(z.object({ name: z.string(), context: z.object({ cluster: z.string(), user: text }) })),
});

type KubeconfigUser = NonNullable<z.infer<typeof kubeconfigSchema>['users'][number]['user']>;

/**
 * The connection of one context of a kubeconfig file: `context` (DCLOUD_K8S_CONTEXT) or the
 * file's current-context. Relative file paths in it are relative to the file, as kubectl reads
 * them. Only credentials the file itself holds or names are used: exec plugins and auth providers
 * would run programs or reach identity providers the portal does not control, so they are refused.
 */
export function connectionFromKubeconfig(file: string, context?: string): KubernetesConnection {
  const where = `KUBECONFIG ${file}`;
  const source = readConfigFile(file, 'KUBECONFIG');
  let document: unknown;
  try {
    document = parse(source);
  } catch (error) {
    throw new Error(`${where}: not valid YAML (${String(error)})`, { cause: error });
  }
  const parsed = kubeconfigSchema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${where}: ${issue.path.join('.') || 'document'}: ${issue.message}`);
  }
  const config = parsed.data;
  const contextName = context ?? config['current-context'];
  if (!contextName) throw new Error(`${where}: no current-context, and DCLOUD_K8S_CONTEXT is not set`);
  const namedContext = config.contexts.find((c) => c.name === contextName);
  const chosenBy = context ? 'DCLOUD_K8S_CONTEXT' : 'current-context';
  if (!namedContext) throw new Error(`${where}: context "${contextName}" (${chosenBy}) is not in the file`);

  const { cluster: clusterName, user: userName } = namedContext.context;
  const cluster = config.clusters.find((c) => c.name === clusterName)?.cluster;
  if (!cluster)
    throw new Error(`${where}: cluster "${clusterName}" of context "${contextName}" is not in the file`);
  const resolve = (ref: string) => path.resolve(path.dirname(file), ref);

  const connection: KubernetesConnection = {
    server: cluster.server.replace(/\/+$/, ''),
    insecureSkipTlsVerify: cluster['insecure-skip-tls-verify'] === true,
    tlsServerName: cluster['tls-server-name'] ?? undefined,
  };
  const caData = cluster['certificate-authority-data'];
  const caFile = cluster['certificate-authority'];
  if (caData)
    connection.caPem = decodePem(caData, `${where}: cluster "${clusterName}" certificate-authority-data`);
  else if (caFile)
    connection.caPem = readPemFile(
      resolve(caFile),
      `${where}: cluster "${clusterName}" certificate-authority`,
    );

  // a context without a user is anonymous (kubectl proxy); one naming a missing user is a mistake
  if (!userName) return connection;
  const entry = config.users.find((u) => u.name === userName);
  if (!entry) throw new Error(`${where}: user "${userName}" of context "${contextName}" is not in the file`);
  return { ...connection, ...credentials(entry.user ?? {}, `${where}: user "${userName}"`, resolve) };
}

/** The credentials of a kubeconfig user entry that the portal can use itself. */
function credentials(
  user: KubeconfigUser,
  where: string,
  resolve: (ref: string) => string,
): Pick<KubernetesConnection, 'token' | 'tokenFile' | 'clientCertPem' | 'clientKeyPem'> {
  const result: Pick<KubernetesConnection, 'token' | 'tokenFile' | 'clientCertPem' | 'clientKeyPem'> = {};
  if (user.token) result.token = user.token;
  else if (user.tokenFile) {
    result.tokenFile = resolve(user.tokenFile);
    readConfigFile(result.tokenFile, `${where} tokenFile`); // fail at start-up, not on the first call
  }
  const cert = user['client-certificate-data'] ?? user['client-certificate'];
  const key = user['client-key-data'] ?? user['client-key'];
  if (cert || key) {
    if (!cert || !key) throw new Error(`${where}: a client certificate needs both a certificate and a key`);
    result.clientCertPem = user['client-certificate-data']
      ? decodePem(cert, `${where} client-certificate-data`)
      : readPemFile(resolve(cert), `${where} client-certificate`);
    result.clientKeyPem = user['client-key-data']
      ? decodePem(key, `${where} client-key-data`)
      : readPemFile(resolve(key), `${where} client-key`);
  }
  if (!result.token && !result.tokenFile && !result.clientCertPem) {
    const unsupported = user.exec ? 'an exec plugin' : user['auth-provider'] ? 'an auth-provider' : null;
    if (unsupported)
      throw new Error(
        `${where}: uses ${unsupported}, which the portal does not run; give it a token, tokenFile or client certificate`,
      );
    if (user.username)
      throw new Error(
        `${where}: basic auth (username/password) is not supported; give it a token, tokenFile or client certificate`,
      );
    throw new Error(`${where}: has no token, tokenFile or client certificate`);
  }
  return result;
}
