import { describe, expect, it } from 'vitest';
import { computeSavings } from './compute-savings';
import type { CostInputs } from './cost-inputs';
import { smallInputs, smallSystem } from './test-fixtures';
import { type AssumptionOverrides, applyWhatIf } from './what-if';

const year2020 = { from: '2020-01-01', to: '2020-12-31' };

describe('computeSavings on hand-computed cases', () => {
  it('one system, one month: 1 − shared ÷ standalone', () => {
    const r = computeSavings({
      inputs: smallInputs([smallSystem({ movedOn: '2020-01-01' })]),
      period: { from: '2020-03-01', to: '2020-03-31' },
    });
    expect([r.standaloneKrw, r.sharedKrw, r.savedKrw, r.savingsPct]).toEqual([252_083, 63_000, 189_083, 75]);
    expect(r.systemCount).toBe(1);
  });

  it('the build month carries design and procurement against onboarding, and the lead time saved', () => {
    const r = computeSavings({
      inputs: smallInputs([smallSystem({ movedOn: '2020-03-01' })]),
      period: { from: '2020-03-01', to: '2020-03-31' },
    });
    // 1 − 1,063,000 ÷ 10,252,083 = 89.63 %
    expect([r.standaloneKrw, r.sharedKrw, r.savingsPct, r.leadTimeSavedDays]).toEqual([
      10_252_083, 1_063_000, 89.6, 83,
    ]);
  });

  it('splits a period across a year boundary by year', () => {
    const r = computeSavings({
      inputs: smallInputs([smallSystem({ movedOn: '2019-06-01' })]),
      period: { from: '2019-12-01', to: '2020-01-31' },
    });
    expect(r.byYear).toEqual([
      { year: 2019, standaloneKrw: 252_083, sharedKrw: 63_000, savedKrw: 189_083, savingsPct: 75 },
      { year: 2020, standaloneKrw: 252_083, sharedKrw: 63_000, savedKrw: 189_083, savingsPct: 75 },
    ]);
    expect(r.standaloneKrw).toBe(504_166);
  });

  it('adds up: lines to totals, systems to totals, years to totals', () => {
    const inputs = smallInputs([
      smallSystem({ movedOn: '2019-03-01' }),
      smallSystem({
        id: 'sys-b',
        code: 'SYS-B',
        departmentId: 'dept-b',
        movedOn: '2020-07-01',
        environment: 'prod',
      }),
    ]);
    const r = computeSavings({ inputs, period: { from: '2019-02-11', to: '2020-11-20' } });
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(Object.values(r.lines.standalone))).toBe(r.standaloneKrw);
    expect(sum(Object.values(r.lines.shared))).toBe(r.sharedKrw);
    expect(sum(r.systems.map((s) => s.standaloneKrw))).toBe(r.standaloneKrw);
    expect(sum(r.byYear.map((y) => y.sharedKrw))).toBe(r.sharedKrw);
    expect(r.leadTimeSavedDays).toBe(2 * 83);
  });

  it('filters by department and by system', () => {
    const inputs = smallInputs([
      smallSystem(),
      smallSystem({ id: 'sys-b', code: 'SYS-B', departmentId: 'dept-b', environment: 'prod' }),
    ]);
    const all = computeSavings({ inputs, period: year2020 });
    const b = computeSavings({ inputs, period: year2020, departmentId: 'dept-b' });
    const a = computeSavings({ inputs, period: year2020, systemId: 'sys-a' });
    expect(b.systems.map((s) => s.id)).toEqual(['sys-b']);
    expect(a.systems.map((s) => s.id)).toEqual(['sys-a']);
    expect(a.standaloneKrw + b.standaloneKrw).toBe(all.standaloneKrw);
    expect(a.sharedKrw + b.sharedKrw).toBe(all.sharedKrw);
    // the pool's cost and charges do not depend on the filter
    expect(b.pools).toEqual(all.pools);
  });

  it('shows what the pool cost and what was charged to systems', () => {
    const r = computeSavings({
      inputs: smallInputs([smallSystem({ movedOn: '2019-12-01' })]),
      period: year2020,
    });
    // 200,000 a month; one system charged 63,000 a month
    expect(r.pools).toEqual([
      { poolId: 'p1', poolName: 'pool 1', costKrw: 2_400_000, chargedKrw: 756_000, idleKrw: 1_644_000 },
    ]);
  });

  it('lists the inputs it used', () => {
    const r = computeSavings({ inputs: smallInputs(), period: year2020 });
    expect(r.assumptions.sets.map((s) => s.version)).toEqual([1]);
    expect(r.assumptions.investments).toEqual([
      expect.objectContaining({
        poolId: 'p1',
        amountKrw: 6_000_000,
        lifetimeYears: 5,
        amortisedInPeriodKrw: 1_200_000,
      }),
    ]);
    expect(r.assumptions.unitRates[0]).toMatchObject({
      month: '2020-01',
      rates: { vcpu: 12_500, ramGb: 7_500, storageGb: 80 },
    });
    expect(r.assumptions.rounding).toMatch(/half up/);
  });

  it('answers no percentage when nothing was on the cloud', () => {
    const r = computeSavings({ inputs: smallInputs(), period: { from: '2016-01-01', to: '2016-12-31' } });
    expect([r.standaloneKrw, r.sharedKrw, r.savingsPct, r.systemCount]).toEqual([0, 0, null, 0]);
  });
});

describe('changing an input moves the figure as it should', () => {
  const base = smallInputs([
    smallSystem({ movedOn: '2019-03-01' }),
    smallSystem({ id: 'sys-b', environment: 'prod', movedOn: '2020-02-01' }),
  ]);
  const period = { from: '2019-01-01', to: '2021-12-31' };
  const figure = (inputs: CostInputs) => computeSavings({ inputs, period });
  const before = figure(base);
  const recompute = (overrides: AssumptionOverrides) => figure(applyWhatIf({ inputs: base, overrides }));
  const classes = base.sets[0]!.assumptions.standalone.serverClasses;

  it.each([
    {
      label: 'a dearer server raises the standalone cost and the savings',
      overrides: {
        standalone: { serverClasses: classes.map((c) => ({ ...c, priceKrw: c.priceKrw + 1_000_000 })) },
      },
      standalone: 1,
      shared: 0,
      pct: 1,
    },
    {
      label: 'more headroom (a bigger server class) raises them too',
      overrides: { standalone: { headroomPct: 200 } },
      standalone: 1,
      shared: 0,
      pct: 1,
    },
    {
      label: 'dearer licences raise them',
      overrides: { standalone: { licencePerServerYearKrw: 2_400_000 } },
      standalone: 1,
      shared: 0,
      pct: 1,
    },
    {
      label: 'a dearer design and procurement raises them',
      overrides: { standalone: { designProcurementKrw: 20_000_000 } },
      standalone: 1,
      shared: 0,
      pct: 1,
    },
    {
      label: 'a longer hardware life lowers both; the capex-heavy pool gains more',
      overrides: { hardwareLifetimeYears: 10 },
      standalone: -1,
      shared: -1,
      pct: 1,
    },
    {
      label: 'more pool opex raises the shared cost and lowers the savings',
      overrides: { shared: { opexPerYearKrw: { p1: 2_400_000 } } },
      standalone: 0,
      shared: 1,
      pct: -1,
    },
    {
      label: 'more overcommit sells more vCPU and raises the savings',
      overrides: { shared: { cpuOvercommitPct: 800 } },
      standalone: 0,
      shared: -1,
      pct: 1,
    },
    {
      label: 'a smaller sellable share raises the shared cost',
      overrides: { shared: { sellablePct: 25 } },
      standalone: 0,
      shared: 1,
      pct: -1,
    },
    {
      label: 'a dearer onboarding lowers the savings',
      overrides: { shared: { onboardingPerSystemKrw: 3_000_000 } },
      standalone: 0,
      shared: 1,
      pct: -1,
    },
  ])('$label', ({ overrides, standalone, shared, pct }) => {
    const r = recompute(overrides as AssumptionOverrides);
    expect(Math.sign(r.standaloneKrw - before.standaloneKrw)).toBe(standalone);
    expect(Math.sign(r.sharedKrw - before.sharedKrw)).toBe(shared);
    expect(Math.sign(r.savingsPct! - before.savingsPct!)).toBe(pct);
  });

  it('more pool capex lowers the savings', () => {
    const dearer = {
      ...base,
      pools: base.pools.map((p) => ({
        ...p,
        investments: p.investments.map((i) => ({ ...i, amountKrw: i.amountKrw * 2 })),
      })),
    };
    const r = figure(dearer);
    expect(r.sharedKrw).toBeGreaterThan(before.sharedKrw);
    expect(r.savingsPct!).toBeLessThan(before.savingsPct!);
  });

  it('a bigger allocation raises the shared cost', () => {
    const bigger = {
      ...base,
      systems: base.systems.map((s) => ({
        ...s,
        allocations: Object.fromEntries(
          Object.entries(s.allocations).map(([m, a]) => [m, { ...a, vcpu: a.vcpu * 2 }]),
        ),
      })),
    };
    expect(figure(bigger).sharedKrw).toBeGreaterThan(before.sharedKrw);
  });

  it('a what-if leaves the inputs as they were', () => {
    const copy = structuredClone(base);
    recompute({ standalone: { headroomPct: 200 } });
    expect(base).toEqual(copy);
  });
});
