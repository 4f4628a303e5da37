import { describe, expect, it } from 'vitest';
import type { AssumptionSet } from './cost-inputs';
import { sizeStandalone, standaloneCost } from './standalone-cost';
import { smallAssumptions, smallSet, smallSystem } from './test-fixtures';
import { applyWhatIf } from './what-if';

const sets = [smallSet];
const march2020 = { from: '2020-03-01', to: '2020-03-31' };

describe('sizeStandalone', () => {
  it.each([
    {
      label: 'a small dev system gets one small server',
      peak: { vcpu: 4, ramGb: 16, storageGb: 100 },
      env: 'dev' as const,
      expected: { serverClass: 'small', servers: 1, storageGb: 125, neededCores: 5, neededRamGb: 20 },
    },
    {
      label: 'production gets the two-server minimum for redundancy',
      peak: { vcpu: 4, ramGb: 16, storageGb: 100 },
      env: 'prod' as const,
      expected: { serverClass: 'small', servers: 2, storageGb: 125, neededCores: 5, neededRamGb: 20 },
    },
    {
      label: 'a peak one small server cannot carry takes the bigger class',
      peak: { vcpu: 20, ramGb: 64, storageGb: 1_000 },
      env: 'dev' as const,
      expected: { serverClass: 'big', servers: 1, storageGb: 1_250, neededCores: 25, neededRamGb: 80 },
    },
    {
      label: 'a peak beyond the biggest class takes several of them',
      peak: { vcpu: 60, ramGb: 100, storageGb: 10 },
      env: 'prod' as const,
      expected: { serverClass: 'big', servers: 3, storageGb: 13, neededCores: 75, neededRamGb: 125 },
    },
  ])('$label', ({ peak, env, expected }) => {
    const sizing = sizeStandalone({ peak, environment: env }, smallAssumptions);
    expect({
      serverClass: sizing.serverClass.id,
      servers: sizing.servers,
      storageGb: sizing.storageGb,
      neededCores: sizing.neededCores,
      neededRamGb: sizing.neededRamGb,
    }).toEqual(expected);
  });
});

describe('standaloneCost on hand-computed cases', () => {
  it.each([
    {
      label: 'one system, one month (its build month): running costs + design and procurement',
      system: smallSystem({ movedOn: '2020-03-01' }),
      period: march2020,
      lines: {
        serversKrw: 100_000,
        storageKrw: 2_083,
        licenceKrw: 100_000,
        facilityKrw: 50_000,
        designKrw: 10_000_000,
      },
      total: 10_252_083,
      leadTimeDays: 90,
    },
    {
      label: 'a month after the build: running costs only',
      system: smallSystem({ movedOn: '2020-01-01' }),
      period: march2020,
      lines: {
        serversKrw: 100_000,
        storageKrw: 2_083,
        licenceKrw: 100_000,
        facilityKrw: 50_000,
        designKrw: 0,
      },
      total: 252_083,
      leadTimeDays: 0,
    },
    {
      label: 'a prod system pays two servers (storage once)',
      system: smallSystem({ movedOn: '2020-01-01', environment: 'prod' }),
      period: march2020,
      lines: {
        serversKrw: 200_000,
        storageKrw: 2_083,
        licenceKrw: 200_000,
        facilityKrw: 100_000,
        designKrw: 0,
      },
      total: 502_083,
      leadTimeDays: 0,
    },
    {
      label: 'a period cutting a month pays 16/31 of it, each line rounded once',
      system: smallSystem({ movedOn: '2020-01-01' }),
      period: { from: '2020-03-16', to: '2020-03-31' },
      // 100,000 × 16/31 = 51,612.9; 2,083.33 × 16/31 = 1,075.27; 50,000 × 16/31 = 25,806.45
      lines: { serversKrw: 51_613, storageKrw: 1_075, licenceKrw: 51_613, facilityKrw: 25_806, designKrw: 0 },
      total: 130_107,
      leadTimeDays: 0,
    },
    {
      label: 'nothing before the system would have been built',
      system: smallSystem({ movedOn: '2020-04-01' }),
      period: march2020,
      lines: { serversKrw: 0, storageKrw: 0, licenceKrw: 0, facilityKrw: 0, designKrw: 0 },
      total: 0,
      leadTimeDays: 0,
    },
  ])('$label', ({ system, period, lines, total, leadTimeDays }) => {
    const cost = standaloneCost({ system, period, sets });
    expect(cost.lines).toEqual(lines);
    expect(cost.totalKrw).toBe(total);
    expect(cost.leadTimeDays).toBe(leadTimeDays);
  });

  it.each([
    { label: 'a half won rounds up', licence: 18, expected: 2 },
    { label: 'two and a half won round up to three, not to even', licence: 30, expected: 3 },
    { label: 'below a half rounds down', licence: 17, expected: 1 },
  ])('rounds each line half up: $label', ({ licence, expected }) => {
    const inputs = applyWhatIf({
      inputs: { sets, pools: [], systems: [] },
      overrides: { standalone: { licencePerServerYearKrw: licence } },
    });
    const cost = standaloneCost({ system: smallSystem(), period: march2020, sets: inputs.sets });
    expect(cost.lines.licenceKrw).toBe(expected);
  });

  it('splits months over a year boundary, running costs under the set in force, hardware at its purchase price', () => {
    const dearer: AssumptionSet = {
      version: 2,
      name: '2020',
      effectiveFrom: '2020-01-01',
      assumptions: {
        ...smallAssumptions,
        standalone: {
          ...smallAssumptions.standalone,
          licencePerServerYearKrw: 2_400_000,
          serverClasses: smallAssumptions.standalone.serverClasses.map((c) => ({
            ...c,
            priceKrw: c.priceKrw * 2,
          })),
        },
      },
    };
    const cost = standaloneCost({
      system: smallSystem({ movedOn: '2019-06-01' }),
      period: { from: '2019-12-01', to: '2020-01-31' },
      sets: [smallSet, dearer],
    });
    expect(cost.months.map((m) => [m.month, m.lines.serversKrw, m.lines.licenceKrw, m.totalKrw])).toEqual([
      ['2019-12', 100_000, 100_000, 252_083],
      ['2020-01', 100_000, 200_000, 352_083],
    ]);
  });

  it('refreshes the hardware after its lifetime at the price of the day, without a second design cost', () => {
    const later: AssumptionSet = {
      ...smallSet,
      version: 2,
      effectiveFrom: '2020-01-01',
      assumptions: {
        ...smallAssumptions,
        standalone: {
          ...smallAssumptions.standalone,
          serverClasses: smallAssumptions.standalone.serverClasses.map((c) => ({
            ...c,
            priceKrw: c.priceKrw / 2,
          })),
        },
      },
    };
    const cost = standaloneCost({
      system: smallSystem({ movedOn: '2015-01-01' }),
      period: { from: '2019-12-01', to: '2020-01-31' },
      sets: [smallSet, later],
    });
    expect(cost.purchases.map((p) => [p.month, p.setVersion])).toEqual([
      ['2015-01', 1],
      ['2020-01', 2],
    ]);
    expect(cost.months.map((m) => [m.lines.serversKrw, m.lines.designKrw])).toEqual([
      [100_000, 0],
      [50_000, 0],
    ]);
  });

  it('counts no month the system has no recorded allocation for', () => {
    const system = smallSystem({ movedOn: '2020-01-01' });
    delete system.allocations['2020-03'];
    expect(standaloneCost({ system, period: march2020, sets }).totalKrw).toBe(0);
  });

  it('still books design and procurement in a build month without an allocation', () => {
    const system = smallSystem({ movedOn: '2020-03-01' });
    delete system.allocations['2020-03'];
    expect(standaloneCost({ system, period: march2020, sets }).lines).toEqual({
      serversKrw: 0,
      storageKrw: 0,
      licenceKrw: 0,
      facilityKrw: 0,
      designKrw: 10_000_000,
    });
  });
});
