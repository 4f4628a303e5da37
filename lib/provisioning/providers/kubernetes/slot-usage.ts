import type { ProviderQuota, ProviderUsage } from '../types';
import { getOrNull, paths } from './api';
import type { KubernetesClient } from './client';
import { INSTANCES_ANNOTATION } from './manifests';
import { MANAGED_BY, namespaceOf, QUOTA_NAME } from './names';
import { readAnswer, resourceQuotaList, resourceQuotaObject } from './objects';
import { parseQuantity } from './quantity';

const GIB = 2 ** 30;
const ZERO: ProviderUsage = { cpuPct: 0, ramUsedGb: 0, storageUsedGb: 0 };

/** A quantity from a quota map; an absent or unreadable one counts as zero. */
function quantity(map: Record<string, string> | undefined, key: string): number {
  const text = map?.[key];
  if (text === undefined) return 0;
  try {
    return parseQuantity(text);
  } catch {
    return 0;
  }
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * What a slot uses: the CPU and memory its pods request, as the quota controller counts them in
 * status.used. Requests are what the slot holds of the cluster (what the department pays for),
 * and reading them needs no metrics server. A slot without its quota yet, or gone, uses nothing.
 */
export async function slotUsage(client: KubernetesClient, ref: string): Promise<ProviderUsage> {
  const namespace = namespaceOf(ref);
  const what = `read ResourceQuota ${QUOTA_NAME} in ${namespace}`;
  const answer = await getOrNull(client, paths.resourceQuota(namespace, QUOTA_NAME), what);
  if (!answer) return ZERO;
  const quota = readAnswer(resourceQuotaObject, answer, what);
  // status.hard is the quota in force; spec.hard stands in until the controller has counted
  const hard =
    quota.status?.hard && Object.keys(quota.status.hard).length > 0 ? quota.status.hard : quota.spec?.hard;
  const used = quota.status?.used;
  const hardCpu = quantity(hard, 'requests.cpu');
  const hardRamGb = quantity(hard, 'requests.memory') / GIB;
  const cpuPct = hardCpu > 0 ? Math.min(100, (quantity(used, 'requests.cpu') / hardCpu) * 100) : 0;
  const ramUsedGb = Math.min(hardRamGb, quantity(used, 'requests.memory') / GIB);
  return { cpuPct: round(cpuPct, 1), ramUsedGb: round(ramUsedGb, 2), storageUsedGb: 0 };
}

/**
 * What the portal's slots hold of the cluster: the sums of their quotas' hard values (and of the
 * instances recorded on them). A cluster has no single limit the portal could read — its capacity
 * is its nodes', shared with whatever else runs there — so every limit is null.
 */
export async function portalQuota(client: KubernetesClient): Promise<ProviderQuota> {
  const what = 'list the portal’s ResourceQuotas';
  const answer = await client.request({
    method: 'GET',
    path: paths.allResourceQuotas,
    query: { labelSelector: `${MANAGED_BY.key}=${MANAGED_BY.value}` },
    what,
  });
  const quotas = readAnswer(resourceQuotaList, answer, what).items.filter(
    (q) => q.metadata.name === QUOTA_NAME,
  );
  let vcpu = 0;
  let ramGb = 0;
  let instances = 0;
  for (const quota of quotas) {
    vcpu += quantity(quota.spec?.hard, 'requests.cpu');
    ramGb += quantity(quota.spec?.hard, 'requests.memory') / GIB;
    instances += Number(quota.metadata.annotations[INSTANCES_ANNOTATION] ?? 0) || 0;
  }
  return {
    vcpu: { limit: null, used: round(vcpu, 3) },
    ramGb: { limit: null, used: round(ramGb, 3) },
    instances: { limit: null, used: instances },
  };
}
