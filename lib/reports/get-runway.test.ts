import { beforeAll, describe, expect, it } from 'vitest';
import { demoActor } from '@/db/testing/fixtures';
import { appErrorOf } from '@/lib/admin/test-helpers';
import type { Actor } from '@/lib/auth/actor';
import { getRunway } from './get-runway';

describe('getRunway on the demo history', () => {
  let planner: Actor;
  beforeAll(async () => {
    planner = await demoActor('planner');
  });

  it('forecasts the primary pool from the last 12 months of 2021 against the capacity bought', async () => {
    const view = await getRunway({ actor: planner, filters: { asOf: '2021-12' } });
    expect(view).toMatchObject({ asOf: '2021-12', windowMonths: 12, method: 'linear', thresholdPct: 100 });
    const primary = view.pools.find((p) => p.poolId === 'dc-primary')!;
    expect(primary).toMatchObject({ capacitySource: 'investments', systems: 78 });
    // 352 cores × 400 % overcommit, 5,120 GB RAM, 170,000 GB storage: the six tranches of 2016–2021
    const vcpu = primary.dimensions.find((d) => d.dimension === 'vcpu')!;
    expect(vcpu).toMatchObject({ capacity: 1_408, current: 817, utilisationPct: 58 });
    // linear: ⌈(1,408 − 817) ÷ 9.74⌉ = ⌈60.6⌉ = 61 months; compound: ⌈ln(1,408 ÷ 817) ÷ ln(1.01258)⌉ = ⌈43.5⌉ = 44
    expect(vcpu.linear).toMatchObject({ status: 'fills', fillMonth: '2027-01', monthsLeft: 61 });
    expect(vcpu.compound).toMatchObject({ status: 'fills', fillMonth: '2025-08', monthsLeft: 44 });
    expect(vcpu.linear.growth).toBeCloseTo(9.74, 2);
    expect(primary.dimensions.map((d) => [d.dimension, d.capacity, d.current])).toEqual([
      ['vcpu', 1_408, 817],
      ['ramGb', 5_120, 3_010],
      ['storageGb', 170_000, 99_090],
    ]);
    // the series: the 12 months fitted, then the forecast up to the last fill (76 months for storage)
    expect(primary.series.filter((s) => s.kind === 'actual')).toHaveLength(12);
    expect(primary.series.filter((s) => s.kind === 'forecast')).toHaveLength(77);
    expect(primary.series.at(-1)!.storageGbPct).toBeGreaterThanOrEqual(100);
    // the 2016 tranche leaves service in 2022-01: named as an assumption, not subtracted
    expect(primary.retirements[0]).toMatchObject({ investedOn: '2016-01-15', outOfServiceFrom: '2022-01' });
    // the DR site has no systems and no investments: its configured capacity, nothing to fit
    const dr = view.pools.find((p) => p.poolId === 'dc-dr')!;
    expect(dr).toMatchObject({ capacitySource: 'pool', systems: 0, series: [] });
    expect(dr.dimensions[0]!.linear.status).toBe('insufficient');
  });

  it('fills earlier at a lower threshold, and follows the chosen window', async () => {
    const at80 = await getRunway({
      actor: planner,
      filters: { asOf: '2021-12', threshold: 80, pool: 'dc-primary' },
    });
    expect(at80.pools).toHaveLength(1);
    // ⌈(1,126.4 − 817) ÷ 9.74⌉ = 32 months
    expect(at80.pools[0]!.dimensions[0]!.linear).toMatchObject({ fillMonth: '2024-08', monthsLeft: 32 });
    const short = await getRunway({ actor: planner, filters: { asOf: '2021-12', months: 3 } });
    expect(short.pools[0]!.dimensions[0]!.window).toEqual({ from: '2021-10', to: '2021-12', months: 3 });
  });

  it('forecasts as of an earlier month, with the capacity in service then', async () => {
    const view = await getRunway({ actor: planner, filters: { asOf: '2019-12', method: 'compound' } });
    const vcpu = view.pools[0]!.dimensions[0]!;
    // 2016–2019 tranches: (96 + 48 + 48 + 64) cores × 4
    expect(vcpu).toMatchObject({ capacity: 1_024, current: 602 });
    expect(view.pools[0]!.series.filter((s) => s.kind === 'forecast').every((s) => s.month > '2019-12')).toBe(
      true,
    );
  });

  it('refuses an unknown pool as bad input', async () => {
    const error = await appErrorOf(getRunway({ actor: planner, filters: { pool: 'dc-moon' } }));
    expect(error.code).toBe('bad_request');
    expect(error.details).toEqual({ fieldErrors: { pool: ['validation.choice'] } });
  });
});
