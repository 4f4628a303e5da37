import { and, eq, isNotNull } from 'drizzle-orm';
import { getDb } from '@/db';
import { resources } from '@/db/schema/resources';
import { footprint } from '@/lib/catalog/estimate';
import { getCatalogOptions } from '@/lib/catalog/queries';
import { getProvider } from '@/lib/provisioning/providers/get-provider';
import type { CloudProvider } from '@/lib/provisioning/providers/types';
import { type IngestResult, ingestSamples, type UsageSample } from './ingest-samples';
import { ensurePartitions, monthsAhead } from './partitions';
import { COLLECT_INTERVAL_S, meteringSettings } from './settings';

export type CollectUsageOptions = {
  now?: Date;
  /** readings in flight at once; default METERING_CONCURRENCY (16) */
  concurrency?: number;
  /** the provider of a kind (tests and the benchmark pass their own); default getProvider */
  providerFor?: (kind: string) => CloudProvider;
};

export type CollectUsageResult = IngestResult & {
  /** the round's instant: every sample of the round carries it, so a retried round adds nothing twice */
  slot: string;
  resources: number;
  /** readings the cloud could not give (logged, skipped: the next round reads again) */
  failed: number;
  durationMs: number;
};

/**
 * One collection round (`metering.collect`, every five minutes): reads the usage of every active
 * resource from its pool's provider with bounded concurrency and writes all readings as one batch.
 * Each sample carries the resource's pool, department, system and allocated footprint, and stands for
 * the five minutes from the round's slot.
 */
export async function collectUsage({
  now = new Date(),
  concurrency = meteringSettings().concurrency,
  providerFor = getProvider,
}: CollectUsageOptions = {}): Promise<CollectUsageResult> {
  const started = performance.now();
  const slot = new Date(Math.floor(now.getTime() / (COLLECT_INTERVAL_S * 1000)) * COLLECT_INTERVAL_S * 1000);
  const [active, options] = await Promise.all([
    getDb()
      .select({
        id: resources.id,
        kind: resources.kind,
        spec: resources.spec,
        poolId: resources.poolId,
        departmentId: resources.departmentId,
        systemId: resources.systemId,
        provider: resources.provider,
        providerRef: resources.providerRef,
      })
      .from(resources)
      .where(and(eq(resources.status, 'active'), isNotNull(resources.providerRef))),
    getCatalogOptions(),
    ensurePartitions(monthsAhead(now)),
  ]);

  // Phase 1: the readings, at most `concurrency` in flight; a provider per kind
  const clouds = new Map<string, CloudProvider>();
  let failed = 0;
  const samples: UsageSample[] = [];
  await forEachLimit(active, concurrency, async (r) => {
    const fp = footprint(r.kind, r.spec as Record<string, unknown>, options);
    try {
      let cloud = clouds.get(r.provider);
      if (!cloud) {
        cloud = providerFor(r.provider);
        clouds.set(r.provider, cloud);
      }
      const usage = await cloud.usage(r.providerRef!);
      samples.push({
        resourceId: r.id,
        sampledAt: slot,
        intervalS: COLLECT_INTERVAL_S,
        poolId: r.poolId,
        departmentId: r.departmentId,
        systemId: r.systemId,
        vcpu: fp.vcpu,
        ramGb: fp.ramGb,
        storageGb: fp.storageGb,
        cpuPct: fp.vcpu > 0 ? usage.cpuPct : 0,
        // never more in use than was given
        ramUsedGb: Math.min(fp.ramGb, usage.ramUsedGb),
        storageUsedGb: Math.min(fp.storageGb, usage.storageUsedGb),
      });
    } catch (error) {
      failed += 1;
      console.warn(
        `[metering] no usage for resource ${r.id}:`,
        error instanceof Error ? error.message : error,
      );
    }
  });

  // Phase 2: one batch, rolled up in the same transaction
  const ingest = await ingestSamples({ samples, now });
  return {
    ...ingest,
    slot: slot.toISOString(),
    resources: active.length,
    failed,
    durationMs: Math.round(performance.now() - started),
  };
}

async function forEachLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
