import { beforeAll, describe, expect, it } from 'vitest';
import { demoActors } from '@/db/testing/fixtures';
import { activeVm } from '@/lib/resources/test-fixtures';
import { findRightsizing } from './find-rightsizing';
import { ingestSamples, type UsageSample } from './ingest-samples';
import { seededSystem } from './test-fixtures';

// Two VMs with 30 days of hourly samples: one at 3–6 % CPU (oversized), one at 1 % (idle); both
// c8m32 with a 500 GB Rocky Linux disk (18,000 × 8 + 6,000 × 32 + 120 × 500 = 396,000 KRW a month).

let a: Awaited<ReturnType<typeof demoActors>>;
let oversized: { resourceId: string };
let idle: { resourceId: string };
const now = new Date();
const HOUR = 3_600_000;

async function history(resourceId: string, cpu: (h: number) => number, ramUsedGb: number) {
  const bis = await seededSystem('SYS-BIS');
  const start = Math.floor(now.getTime() / HOUR) * HOUR - 30 * 24 * HOUR;
  const samples: UsageSample[] = Array.from({ length: 30 * 24 }, (_, h) => ({
    resourceId,
    sampledAt: new Date(start + h * HOUR),
    intervalS: 3600,
    poolId: 'dc-primary',
    ...bis,
    vcpu: 8,
    ramGb: 32,
    storageGb: 500,
    cpuPct: cpu(h),
    ramUsedGb,
    storageUsedGb: 200,
  }));
  await ingestSamples({ samples, now });
}

beforeAll(async () => {
  a = await demoActors();
  oversized = await activeVm(a, { spec: { flavor: 'c8m32', diskGb: 500 } });
  idle = await activeVm(a, { spec: { flavor: 'c8m32', diskGb: 500 } });
  // office hours at 6 %, nights at 3 %: p95 6 %; RAM peaks at 6 GB
  await history(oversized.resourceId, (h) => (h % 24 >= 9 && h % 24 < 18 ? 6 : 3), 6);
  await history(idle.resourceId, () => 1, 5);
});

describe('findRightsizing', () => {
  it('suggests the cheapest smaller flavour for an oversized VM, with the monthly saving', async () => {
    const result = await findRightsizing({ actor: a.planner, now });
    const item = result.items.find((i) => i.resourceId === oversized.resourceId)!;
    // 8 vCPU × 6 % ÷ 50 % → 1 vCPU; RAM 6 GB × 1.2 → 8 GB: c4m8 is the cheapest that fits
    expect(item).toMatchObject({
      action: 'resize',
      hours: 720,
      cpuP95Pct: 6,
      cpuPeakPct: 6,
      ramPeakGb: 6,
      current: { label: '8 vCPU · 32 GB', monthlyKrw: 396_000 },
      suggested: {
        label: '4 vCPU · 8 GB',
        spec: { flavor: 'c4m8' },
        monthlyKrw: 4 * 18_000 + 8 * 6_000 + 500 * 120,
      },
      savingKrw: 396_000 - 180_000,
    });
  });

  it('suggests handing an idle VM back, saving all of its price', async () => {
    const result = await findRightsizing({ actor: a.planner, now });
    expect(result.items.find((i) => i.resourceId === idle.resourceId)).toMatchObject({
      action: 'return',
      cpuP95Pct: 1,
      suggested: null,
      savingKrw: 396_000,
    });
    expect(result.totalSavingKrw).toBe(result.items.reduce((s, i) => s + i.savingKrw, 0));
    expect(result.thresholds).toEqual({ cpuP95Pct: 10, idlePct: 2, targetPct: 50, minHours: 168 });
  });

  it('leaves out resources with too little data or busy enough, and narrows by department', async () => {
    const strict = await findRightsizing({
      actor: a.planner,
      now,
      settings: {
        retentionDays: 90,
        concurrency: 16,
        rightsizingWindowDays: 30,
        rightsizingCpuP95Pct: 5,
        rightsizingIdlePct: 2,
        rightsizingTargetPct: 50,
        rightsizingMinHours: 168,
      },
    });
    expect(strict.items.map((i) => i.resourceId)).not.toContain(oversized.resourceId);
    const welfare = await findRightsizing({ actor: a.planner, now, departmentId: a.welfare.departmentId });
    expect(welfare.items.map((i) => i.resourceId)).not.toContain(idle.resourceId);
  });

  it('is for the dashboards’ readers', async () => {
    await expect(findRightsizing({ actor: a.staff, now })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
