import { type IngestResult, ingestSamples, type UsageSample } from '@/lib/metering/ingest-samples';
import { simulatedUsage } from '@/lib/provisioning/providers/simulated-usage';
import type { FleetResource } from './fleet';

const HOUR_MS = 3_600_000;

/** One batch: every resource's hourly sample for `hours` consecutive hours from `start`, from the simulator's curve. */
function batch(fleet: FleetResource[], start: number, hours: number, end: number): UsageSample[] {
  const out: UsageSample[] = [];
  for (let h = 0; h < hours; h++) {
    const t = start + h * HOUR_MS;
    if (t >= end) break;
    const at = new Date(t);
    for (const x of fleet) {
      const u = simulatedUsage({ id: x.simId, footprint: x.footprint, createdAt: x.createdAt }, at);
      out.push({
        resourceId: x.id,
        sampledAt: at,
        intervalS: 3600,
        poolId: x.poolId,
        departmentId: x.departmentId,
        systemId: x.systemId,
        vcpu: x.footprint.vcpu,
        ramGb: x.footprint.ramGb,
        storageGb: x.footprint.storageGb,
        cpuPct: u.cpuPct,
        ramUsedGb: u.ramUsedGb,
        storageUsedGb: u.storageUsedGb,
      });
    }
  }
  return out;
}

export type LoadResult = { samples: number; seconds: number; perSecond: number; generateSeconds: number };

/**
 * Loads hourly samples for the fleet from `from` to `to` through the portal's own ingest path
 * (lib/metering/ingest-samples.ts: raw insert + every rollup, in batches), generating the next batch
 * while the database works on the current one.
 */
export async function loadHistory(
  fleet: FleetResource[],
  {
    from,
    to,
    batchSamples,
    streams = 2,
    onProgress,
  }: { from: Date; to: Date; batchSamples: number; streams?: number; onProgress?: (done: number) => void },
): Promise<LoadResult> {
  const hours = Math.max(1, Math.floor(batchSamples / fleet.length));
  const start = Math.floor(from.getTime() / HOUR_MS) * HOUR_MS;
  const end = to.getTime();
  let samples = 0;
  let generateMs = 0;
  const started = performance.now();
  // `streams` batches in flight at once (separate connections); the next one is generated meanwhile
  const inFlight = new Set<Promise<IngestResult>>();
  for (let t = start; t < end; t += hours * HOUR_MS) {
    const g = performance.now();
    const next = batch(fleet, t, hours, end);
    generateMs += performance.now() - g;
    const p: Promise<IngestResult> = ingestSamples({ samples: next, now: to, retentionDays: 3650 }).then(
      (r) => {
        inFlight.delete(p);
        samples += r.inserted;
        onProgress?.(samples);
        return r;
      },
    );
    inFlight.add(p);
    if (inFlight.size >= streams) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000;
  return { samples, seconds, perSecond: samples / seconds, generateSeconds: generateMs / 1000 };
}
