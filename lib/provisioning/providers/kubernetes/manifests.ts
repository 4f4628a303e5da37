import { z } from 'zod';
import { ProviderError } from '../types';
import {
  BINDING_NAME,
  LIMITS_NAME,
  labelValue,
  MANAGED_BY,
  QUOTA_NAME,
  REQUEST_LABEL,
  sanitizeLabels,
} from './names';
import { cpuQuantity, memoryQuantity } from './quantity';

// The bodies the provider sends, in the API's v1 and rbac.authorization.k8s.io/v1 forms.

const slotSpecSchema = z.object({
  name: z.string().min(1),
  runtime: z.string().min(1),
  instances: z.number().int().positive(),
  cpuPerInstance: z.number().positive(),
  memoryGbPerInstance: z.number().positive(),
});

/** A platform slot's validated spec (instances × CPU/memory per instance). */
export type SlotSpec = z.infer<typeof slotSpecSchema>;

/** The slot spec of a request, or `invalid_request` naming the field at fault. */
export function parseSlotSpec(spec: Record<string, unknown>): SlotSpec {
  const parsed = slotSpecSchema.safeParse(spec);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new ProviderError('invalid_request', `platform slot spec: ${issue.path.join('.')}: ${issue.message}`);
}

/** What a slot is granted: totals from the footprint, per-instance sizes from the spec. */
export type SlotSize = { vcpu: number; ramGb: number; spec: SlotSpec };

/** Annotation on the quota recording the instances granted, which `quota()` adds up. */
export const INSTANCES_ANNOTATION = 'dcloud.example/instances';

function pick(map: Record<string, string>, key: string): Record<string, string> {
  return map[key] === undefined ? {} : { [key]: map[key] };
}

/** Labels on the objects inside a slot's namespace: the portal's mark and the request. */
function pieceLabels(requestKey: string): Record<string, string> {
  return { [MANAGED_BY.key]: MANAGED_BY.value, [REQUEST_LABEL]: requestKey };
}

export type NamespaceManifestInput = {
  namespace: string;
  requestKey: string;
  /** the portal's labels (department, system, request), made valid here */
  labels: Record<string, string>;
  /** the portal's object name, `<hostname>--<uuid>` */
  objectName: string;
  runtime: string;
  group: string;
};

/**
 * The Namespace. Label values are made valid; where that changed one (a Korean department name),
 * the original is kept as an annotation under the same key, since annotations take any text.
 */
export function namespaceManifest(input: NamespaceManifestInput) {
  const labels = sanitizeLabels(input.labels);
  const originals = Object.fromEntries(
    Object.entries(input.labels).filter(([key, value]) => labels[key] !== value),
  );
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: input.namespace,
      labels: { ...labels, ...pieceLabels(labelValue(input.requestKey)) },
      // the system's id is in a label too; the annotation keeps it whatever label sanitising did
      annotations: {
        ...originals,
        ...pick(input.labels, 'dcloud.example/system'),
        'dcloud.example/name': input.objectName,
        'dcloud.example/runtime': input.runtime,
        'dcloud.example/group': input.group,
      },
    },
  };
}

/**
 * The quota's hard limits: the slot's whole CPU and memory, as requests and as limits. Pods are
 * twice the instances so a rolling update can start a new pod before the old one stops.
 */
export function quotaHard({ vcpu, ramGb, spec }: SlotSize): Record<string, string> {
  return {
    'requests.cpu': cpuQuantity(vcpu),
    'limits.cpu': cpuQuantity(vcpu),
    'requests.memory': memoryQuantity(ramGb),
    'limits.memory': memoryQuantity(ramGb),
    pods: String(spec.instances * 2),
  };
}

export function resourceQuotaManifest(namespace: string, requestKey: string, size: SlotSize) {
  return {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: {
      name: QUOTA_NAME,
      namespace,
      labels: pieceLabels(requestKey),
      annotations: { [INSTANCES_ANNOTATION]: String(size.spec.instances) },
    },
    spec: { hard: quotaHard(size) },
  };
}

/**
 * Container defaults: a quota on limits.cpu/memory refuses pods that state no limits, so every
 * container gets one instance's CPU and memory as its limit and a quarter of it as its request.
 */
export function containerLimits({ spec }: SlotSize) {
  return [
    {
      type: 'Container',
      default: { cpu: cpuQuantity(spec.cpuPerInstance), memory: memoryQuantity(spec.memoryGbPerInstance) },
      defaultRequest: {
        cpu: cpuQuantity(spec.cpuPerInstance / 4),
        memory: memoryQuantity(spec.memoryGbPerInstance / 4),
      },
    },
  ];
}

export function limitRangeManifest(namespace: string, requestKey: string, size: SlotSize) {
  return {
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: { name: LIMITS_NAME, namespace, labels: pieceLabels(requestKey) },
    spec: { limits: containerLimits(size) },
  };
}

/** The RoleBinding granting the department's group the configured ClusterRole in this namespace only. */
export function roleBindingManifest(namespace: string, requestKey: string, group: string, role: string) {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: BINDING_NAME, namespace, labels: pieceLabels(requestKey) },
    subjects: [{ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: group }],
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
  };
}
