import { z } from 'zod';

// Metering's settings, from the environment (README: "Metering and utilisation"). Read once per call,
// so a test can change one for a single case.

const int = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).catch(fallback).default(fallback);
const pct = (fallback: number) => z.coerce.number().min(0).max(100).catch(fallback).default(fallback);

const schema = z.object({
  /** METERING_RETENTION_DAYS: raw samples older than this are dropped (whole monthly partitions); rollups stay */
  retentionDays: int(90, 7, 3650),
  /** METERING_CONCURRENCY: usage readings in flight at once during a collection round */
  concurrency: int(16, 1, 256),
  /** RIGHTSIZING_WINDOW_DAYS: how far back rightsizing looks */
  rightsizingWindowDays: int(30, 1, 365),
  /** RIGHTSIZING_CPU_P95_PCT: below this p95 of hourly mean CPU, a resource is oversized */
  rightsizingCpuP95Pct: pct(10),
  /** RIGHTSIZING_IDLE_PCT: below this p95, it is idle (suggest handing it back) */
  rightsizingIdlePct: pct(2),
  /** RIGHTSIZING_TARGET_PCT: the p95 a resized resource should run at */
  rightsizingTargetPct: pct(50),
  /** RIGHTSIZING_MIN_HOURS: hours of data in the window before a resource is judged */
  rightsizingMinHours: int(24 * 7, 1, 24 * 365),
});

export type MeteringSettings = z.output<typeof schema>;

/** The collection interval: `metering.collect` runs every five minutes, and each sample stands for that long. */
export const COLLECT_INTERVAL_S = 300;

export function meteringSettings(env: NodeJS.ProcessEnv = process.env): MeteringSettings {
  return schema.parse({
    retentionDays: env.METERING_RETENTION_DAYS,
    concurrency: env.METERING_CONCURRENCY,
    rightsizingWindowDays: env.RIGHTSIZING_WINDOW_DAYS,
    rightsizingCpuP95Pct: env.RIGHTSIZING_CPU_P95_PCT,
    rightsizingIdlePct: env.RIGHTSIZING_IDLE_PCT,
    rightsizingTargetPct: env.RIGHTSIZING_TARGET_PCT,
    rightsizingMinHours: env.RIGHTSIZING_MIN_HOURS,
  });
}
