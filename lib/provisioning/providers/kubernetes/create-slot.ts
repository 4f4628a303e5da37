import { type CreateInput, ProviderError } from '../types';
import { createOrKeep, getOrNull, paths } from './api';
import type { KubernetesClient } from './client';
import type { KubernetesConfig } from './config';
import {
  limitRangeManifest,
  namespaceManifest,
  parseSlotSpec,
  resourceQuotaManifest,
  roleBindingManifest,
  type SlotSize,
} from './manifests';
import { labelValue, MANAGED_BY, namespaceName, REQUEST_LABEL, sanitizeLabels, slotRef } from './names';
import { namespaceList, namespaceObject, readAnswer } from './objects';

/** The namespace made for a request, found by its request label (terminating ones included). */
export async function findSlotNamespace(client: KubernetesClient, idempotencyKey: string) {
  const key = labelValue(idempotencyKey);
  const answer = await client.request({
    method: 'GET',
    path: paths.namespaces,
    query: { labelSelector: `${MANAGED_BY.key}=${MANAGED_BY.value},${REQUEST_LABEL}=${key}` },
    what: `find the namespace of request ${idempotencyKey}`,
  });
  return readAnswer(namespaceList, answer, 'list namespaces').items[0] ?? null;
}

/**
 * Makes a slot, or completes the one an earlier attempt started: the namespace (found by its
 * request label, or created), then its quota, limits and role binding, each created or kept. So a
 * retry after a crash between two steps finishes the set instead of failing on what exists.
 */
export async function createSlot(
  client: KubernetesClient,
  config: KubernetesConfig,
  input: CreateInput,
): Promise<{ ref: string }> {
  if (input.kind !== 'platform_slot') {
    throw new ProviderError(
      'invalid_request',
      `the Kubernetes provider makes platform slots, not ${input.kind}`,
    );
  }
  const spec = parseSlotSpec(input.spec);
  const group = input.departmentGroup;
  if (!group)
    throw new ProviderError('invalid_request', 'a platform slot needs the department group to bind');
  const key = labelValue(input.idempotencyKey);
  if (!key) throw new ProviderError('invalid_request', `"${input.idempotencyKey}" cannot be a label value`);
  sanitizeLabels(input.labels); // an invalid label key fails here, before anything is made

  // Phase 1: the namespace, found or made
  const found = await findSlotNamespace(client, input.idempotencyKey);
  if (found?.status?.phase === 'Terminating') {
    // retried later, the old namespace is gone and a new one is made
    throw new ProviderError(
      'conflict',
      `namespace ${found.metadata.name} of this request is still being deleted`,
    );
  }
  const namespace = found?.metadata.name ?? namespaceName(spec.name, input.idempotencyKey);
  if (!found) {
    const manifest = namespaceManifest({
      namespace,
      requestKey: input.idempotencyKey,
      labels: input.labels,
      objectName: input.name,
      runtime: spec.runtime,
      group,
    });
    const what = `create namespace ${namespace}`;
    if ((await createOrKeep(client, { path: paths.namespaces, body: manifest, what })) === 'kept') {
      await claimExisting(client, namespace, key);
    }
  }

  // Phase 2: what makes the namespace a slot; each step keeps what a crashed attempt made
  const size: SlotSize = { vcpu: input.footprint.vcpu, ramGb: input.footprint.ramGb, spec };
  await createOrKeep(client, {
    path: paths.resourceQuotas(namespace),
    body: resourceQuotaManifest(namespace, key, size),
    what: `create ResourceQuota in ${namespace}`,
  });
  await createOrKeep(client, {
    path: paths.limitRanges(namespace),
    body: limitRangeManifest(namespace, key, size),
    what: `create LimitRange in ${namespace}`,
  });
  await createOrKeep(client, {
    path: paths.roleBindings(namespace),
    body: roleBindingManifest(namespace, key, group, config.role),
    what: `create RoleBinding in ${namespace}`,
  });
  return { ref: slotRef(namespace) };
}

/**
 * The namespace already existed though no namespace carried this request's label a moment ago:
 * either a concurrent attempt of the same request just made it (ours, go on) or another object
 * has the name (not ours: never take over a namespace the portal did not make for this request).
 */
async function claimExisting(client: KubernetesClient, namespace: string, key: string): Promise<void> {
  const answer = await getOrNull(client, paths.namespace(namespace), `read namespace ${namespace}`);
  const existing = answer ? readAnswer(namespaceObject, answer, `read namespace ${namespace}`) : null;
  if (existing?.metadata.labels[REQUEST_LABEL] === key && existing.status?.phase !== 'Terminating') return;
  const owner = existing?.metadata.labels[REQUEST_LABEL];
  throw new ProviderError(
    'conflict',
    `namespace ${namespace} already exists ${owner ? `for request ${owner}` : 'and was not made by the portal'}`,
  );
}
