import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoActors } from '@/db/testing/fixtures';
import { createSimulator } from '@/lib/provisioning/providers/simulator';
import type { CloudProvider } from '@/lib/provisioning/providers/types';
import { activeVm } from '@/lib/resources/test-fixtures';
import { collectUsage } from './collect-usage';
import { rowsOf } from './test-fixtures';

let vm: { resourceId: string };
// one instant for the file, in the middle of its 5-minute slot: two tests a second apart must not
// straddle a slot boundary (they would read as two rounds)
const slotMs = 300_000;
const now = new Date(Math.floor(Date.now() / slotMs) * slotMs + slotMs / 2);
beforeAll(async () => {
  const a = await demoActors();
  // c8m32 with a 500 GB disk, active in the simulated cloud
  vm = await activeVm(a, { spec: { flavor: 'c8m32', diskGb: 500 } });
});

const samplesOf = (resourceId: string) =>
  rowsOf<Record<string, number | string>>(
    sql`select sampled_at, interval_s, vcpu, ram_gb, storage_gb, cpu_pct, ram_used_gb, storage_used_gb, pool_id
        from metering_samples where resource_id = ${resourceId} order by sampled_at`,
  );

describe('collectUsage', () => {
  it('reads every active resource from the simulator and writes samples and rollups', async () => {
    const round = await collectUsage({ now });
    expect(round.resources).toBeGreaterThanOrEqual(1);
    expect(round.failed).toBe(0);
    // a worker of another test file may have collected this slot already (metering.collect is on a
    // schedule): every resource's reading is either new or that one, never lost or counted twice
    expect(round.inserted + round.duplicates).toBe(round.resources);

    const [s] = await samplesOf(vm.resourceId);
    expect(s).toMatchObject({ interval_s: 300, vcpu: 8, ram_gb: 32, storage_gb: 500, pool_id: 'dc-primary' });
    expect(new Date(String(s!.sampled_at)).getTime() % 300_000).toBe(0);
    expect(Number(s!.cpu_pct)).toBeGreaterThan(0);
    expect(Number(s!.ram_used_gb)).toBeLessThanOrEqual(32);
    expect(Number(s!.storage_used_gb)).toBeLessThanOrEqual(500);

    const [h] = await rowsOf<{ samples: number; cpu_pct_sum: number }>(
      sql`select samples, cpu_pct_sum from metering_resource_hourly where resource_id = ${vm.resourceId}`,
    );
    expect(h!.samples).toBe(1);
    expect(h!.cpu_pct_sum).toBeCloseTo(Number(s!.cpu_pct), 5);
  });

  it('adds nothing when the same round runs again, and a new sample in the next slot', async () => {
    const again = await collectUsage({ now });
    expect(again.inserted).toBe(0);
    expect(again.duplicates).toBe(again.resources);
    await collectUsage({ now: new Date(now.getTime() + 300_000) });
    expect(await samplesOf(vm.resourceId)).toHaveLength(2);
  });

  it('skips a resource whose reading fails and keeps the others', async () => {
    const simulator = createSimulator({ buildMs: [0, 0], callMs: [0, 0] });
    const flaky: CloudProvider = {
      ...simulator,
      usage: async (ref) => {
        if (ref.length > 0 && flakyRefs.has(ref)) throw new Error('monitoring unavailable');
        return simulator.usage(ref);
      },
    };
    const [{ ref }] = await rowsOf<{ ref: string }>(
      sql`select provider_ref as ref from resources where id = ${vm.resourceId}`,
    ).then((rows) => rows as [{ ref: string }]);
    const flakyRefs = new Set([ref]);
    const round = await collectUsage({ now: new Date(Date.now() + 600_000), providerFor: () => flaky });
    expect(round.failed).toBe(1);
    expect(round.inserted).toBe(round.resources - 1);
  });
});
