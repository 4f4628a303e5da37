import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';

/** A temp directory for one test's kubeconfig and credential files. */
export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'dcloud-k8s-'));
}

export type KubeconfigUser = Record<string, string>;

/**
 * Writes a kubeconfig with one cluster and one user, as kubectl would read it, and returns its
 * path. `user` holds the user entry's fields (token, tokenFile, client-certificate-data...).
 */
export function writeKubeconfig(
  dir: string,
  cluster: Record<string, string | boolean>,
  user: KubeconfigUser,
  extra: { contexts?: { name: string; cluster: string; user: string }[]; currentContext?: string } = {},
): string {
  const file = path.join(dir, 'kubeconfig');
  const document = {
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    'current-context': extra.currentContext ?? 'portal@fake',
    clusters: [{ name: 'fake', cluster }],
    users: [{ name: 'portal', user }],
    contexts: [
      { name: 'portal@fake', context: { cluster: 'fake', user: 'portal', namespace: 'default' } },
      ...(extra.contexts ?? []).map((c) => ({ name: c.name, context: { cluster: c.cluster, user: c.user } })),
    ],
  };
  writeFileSync(file, stringify(document));
  return file;
}
