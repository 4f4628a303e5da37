import {
  type CloudProvider,
  isProviderError,
  ProviderError,
  type ProviderObject,
  type ResizeInput,
} from '../types';
import { getOrNull, paths } from './api';
import { createKubernetesClient } from './client';
import type { KubernetesConfig } from './config';
import { createSlot, findSlotNamespace } from './create-slot';
import { containerLimits, INSTANCES_ANNOTATION, parseSlotSpec, quotaHard } from './manifests';
import { LIMITS_NAME, MANAGED_BY, namespaceOf, QUOTA_NAME, REQUEST_LABEL, slotRef } from './names';
import { namespaceList, namespaceObject, readAnswer } from './objects';
import { slotStatus } from './slot-status';
import { portalQuota, slotUsage } from './slot-usage';

const MERGE_PATCH = 'application/merge-patch+json';

/**
 * Platform slots (플랫폼 슬롯) on a Kubernetes cluster: a slot is a namespace with a ResourceQuota,
 * a LimitRange and a RoleBinding for the department's group, labelled with department, system and
 * request. Its ref is `k8s-ns-<namespace>`. See docs/kubernetes.md.
 */
export function createKubernetesProvider(config: KubernetesConfig): CloudProvider {
  const client = createKubernetesClient(config, config.timeoutMs);

  return {
    kind: 'kubernetes',

    create: (input) => createSlot(client, config, input),

    async findByKey(idempotencyKey) {
      const found = await findSlotNamespace(client, idempotencyKey);
      return found ? { ref: slotRef(found.metadata.name) } : null;
    },

    status: (ref) => slotStatus(client, config, ref),

    // Quota and limit changes take effect at once, so status stays `active` throughout.
    async resize(ref, input: ResizeInput) {
      const namespace = namespaceOf(ref);
      const spec = parseSlotSpec(input.spec);
      const size = { vcpu: input.footprint.vcpu, ramGb: input.footprint.ramGb, spec };
      await client.request({
        method: 'PATCH',
        path: paths.resourceQuota(namespace, QUOTA_NAME),
        contentType: MERGE_PATCH,
        body: {
          metadata: { annotations: { [INSTANCES_ANNOTATION]: String(spec.instances) } },
          spec: { hard: quotaHard(size) },
        },
        what: `resize ResourceQuota ${QUOTA_NAME} in ${namespace}`,
      });
      // a merge patch replaces a list whole: the one Container item is sent complete
      await client.request({
        method: 'PATCH',
        path: paths.limitRange(namespace, LIMITS_NAME),
        contentType: MERGE_PATCH,
        body: { spec: { limits: containerLimits(size) } },
        what: `resize LimitRange ${LIMITS_NAME} in ${namespace}`,
      });
    },

    async delete(ref) {
      const namespace = namespaceOf(ref);
      const what = `read namespace ${namespace}`;
      const answer = await getOrNull(client, paths.namespace(namespace), what);
      if (!answer) return;
      const ns = readAnswer(namespaceObject, answer, what);
      // a ref is only ever one the portal handed out, but deleting a namespace takes everything in
      // it: refuse one the portal did not make, and pin the uid so a namespace re-created under the
      // same name since the read is not the one deleted
      if (ns.metadata.labels[MANAGED_BY.key] !== MANAGED_BY.value) {
        throw new ProviderError(
          'forbidden',
          `namespace ${namespace} was not made by the portal; it is not deleted`,
        );
      }
      try {
        await client.request({
          method: 'DELETE',
          path: paths.namespace(namespace),
          body: { apiVersion: 'v1', kind: 'DeleteOptions', preconditions: { uid: ns.metadata.uid } },
          what: `delete namespace ${namespace}`,
        });
      } catch (error) {
        // deleted by someone else in between: gone is what was asked for
        if (isProviderError(error) && error.code === 'not_found') return;
        throw error;
      }
    },

    usage: (ref) => slotUsage(client, ref),

    async list(): Promise<ProviderObject[]> {
      const answer = await client.request({
        method: 'GET',
        path: paths.namespaces,
        query: { labelSelector: `${MANAGED_BY.key}=${MANAGED_BY.value}` },
        what: 'list the portal’s namespaces',
      });
      // the namespace's phase only: checking each slot's pieces would cost three calls per slot
      return readAnswer(namespaceList, answer, 'list namespaces').items.map((ns) => ({
        ref: slotRef(ns.metadata.name),
        name: ns.metadata.annotations['dcloud.example/name'] ?? ns.metadata.name,
        idempotencyKey: ns.metadata.labels[REQUEST_LABEL] ?? null,
        state:
          ns.status?.phase === 'Terminating' ? 'gone' : ns.status?.phase === 'Active' ? 'active' : 'building',
      }));
    },

    quota: () => portalQuota(client),

    // a namespace is not replicated to a DR site by the portal
    drStatus: async () => null,
  };
}
