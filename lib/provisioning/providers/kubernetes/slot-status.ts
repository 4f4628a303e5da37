import type { ProviderState } from '../types';
import { getOrNull, paths } from './api';
import type { KubernetesClient } from './client';
import type { KubernetesConfig } from './config';
import { BINDING_NAME, LIMITS_NAME, namespaceOf, QUOTA_NAME } from './names';
import { namespaceObject, readAnswer, roleBindingObject } from './objects';

// the steps of a slot in the order create makes them; the phase names the first one missing
const STEPS = ['namespace', 'quota', 'limits', 'access'] as const;

/**
 * Where a slot stands. A missing namespace is `gone`, and so is a Terminating one: its deletion
 * cannot be undone and it will never become Active again, so reporting `building` would keep a
 * poller waiting forever (phase `terminating` tells the two apart). An Active namespace is
 * `active` once its quota, limits and role binding exist; until then `building`, with the phase
 * naming the first piece missing, so a poller sees progress as a retried create completes the set.
 */
export async function slotStatus(
  client: KubernetesClient,
  config: KubernetesConfig,
  ref: string,
): Promise<ProviderState> {
  const namespace = namespaceOf(ref);
  const answer = await getOrNull(client, paths.namespace(namespace), `read namespace ${namespace}`);
  if (!answer) return { state: 'gone' };
  const ns = readAnswer(namespaceObject, answer, `read namespace ${namespace}`);
  const phase = ns.status?.phase;
  if (phase === 'Terminating') {
    return { state: 'gone', phase: 'terminating', message: `namespace ${namespace} is being deleted` };
  }

  const [quota, limits, binding] = await Promise.all([
    getOrNull(
      client,
      paths.resourceQuota(namespace, QUOTA_NAME),
      `read ResourceQuota ${QUOTA_NAME} in ${namespace}`,
    ),
    getOrNull(
      client,
      paths.limitRange(namespace, LIMITS_NAME),
      `read LimitRange ${LIMITS_NAME} in ${namespace}`,
    ),
    getOrNull(
      client,
      paths.roleBinding(namespace, BINDING_NAME),
      `read RoleBinding ${BINDING_NAME} in ${namespace}`,
    ),
  ]);
  const present = { namespace: phase === 'Active', quota: !!quota, limits: !!limits, access: !!binding };
  const missing = STEPS.filter((step) => !present[step]);
  if (missing.length > 0) {
    const done = STEPS.length - missing.length;
    return {
      state: 'building',
      phase: missing[0],
      progress: Math.round((done / STEPS.length) * 100),
      message: `namespace ${namespace} is waiting for: ${missing.join(', ')}`,
    };
  }

  const subjects = binding
    ? readAnswer(roleBindingObject, binding, `read RoleBinding in ${namespace}`).subjects
    : [];
  const group =
    subjects.find((subject) => subject.kind === 'Group')?.name ??
    ns.metadata.annotations['dcloud.example/group'] ??
    '';
  return {
    state: 'active',
    phase: 'active',
    progress: 100,
    access: {
      apiServer: config.publicApiServer,
      namespace,
      group,
      example: `kubectl --namespace ${namespace} get pods`,
    },
  };
}
