import { describe, expect, it } from 'vitest';
import { poolUnitRates } from './pool-unit-rates';
import { ratio } from './rational';
import { sharedCost } from './shared-cost';
import { smallInputs, smallSystem } from './test-fixtures';

const inputs = smallInputs();
const rates = () => poolUnitRates(inputs.pools, inputs.sets);
const march2020 = { from: '2020-03-01', to: '2020-03-31' };

describe('poolUnitRates', () => {
  it('turns amortised capex + opex into rates over the sellable capacity', () => {
    const pm = rates()('p1', '2020-03');
    expect(pm.capex).toEqual(ratio(100_000)); // 6,000,000 ÷ 60
    expect(pm.opex).toEqual(ratio(100_000)); // 1,200,000 ÷ 12
    expect(pm.sellable).toEqual({
      vcpu: ratio(8),
      ramGb: ratio(8),
      storageGb: ratio(500),
      platformSlot: ratio(0),
    });
    expect(pm.rates).toEqual({
      vcpu: ratio(12_500),
      ramGb: ratio(7_500),
      storageGb: ratio(80),
      platformSlot: ratio(0),
    });
  });

  it.each([
    { label: 'before the first investment the pool costs nothing', month: '2018-12', capex: 0, opex: 0 },
    { label: 'the investment month is amortised in full', month: '2019-01', capex: 100_000, opex: 100_000 },
    { label: 'the last month of the lifetime still is', month: '2023-12', capex: 100_000, opex: 100_000 },
    {
      label: 'after its lifetime the investment is paid off and retired',
      month: '2024-01',
      capex: 0,
      opex: 0,
    },
  ])('$label', ({ month, capex, opex }) => {
    const pm = rates()('p1', month);
    expect([pm.capex, pm.opex]).toEqual([ratio(capex), ratio(opex)]);
  });
});

describe('sharedCost on hand-computed cases', () => {
  it.each([
    {
      label: 'the move month: allocation × rates + onboarding',
      system: smallSystem({ movedOn: '2020-03-01' }),
      period: march2020,
      // 2 × 12,500 + 4 × 7,500 + 100 × 80
      lines: {
        vcpuKrw: 25_000,
        ramGbKrw: 30_000,
        storageGbKrw: 8_000,
        platformSlotKrw: 0,
        onboardingKrw: 1_000_000,
      },
      total: 1_063_000,
      leadTimeDays: 7,
    },
    {
      label: 'a later month: allocation × rates',
      system: smallSystem({ movedOn: '2020-01-01' }),
      period: march2020,
      lines: { vcpuKrw: 25_000, ramGbKrw: 30_000, storageGbKrw: 8_000, platformSlotKrw: 0, onboardingKrw: 0 },
      total: 63_000,
      leadTimeDays: 0,
    },
    {
      label: 'a period cutting a month pays 16/31 of it',
      system: smallSystem({ movedOn: '2020-01-01' }),
      period: { from: '2020-03-16', to: '2020-03-31' },
      // 25,000 × 16/31 = 12,903.2; 30,000 × 16/31 = 15,483.9; 8,000 × 16/31 = 4,129.03
      lines: { vcpuKrw: 12_903, ramGbKrw: 15_484, storageGbKrw: 4_129, platformSlotKrw: 0, onboardingKrw: 0 },
      total: 32_516,
      leadTimeDays: 0,
    },
  ])('$label', ({ system, period, lines, total, leadTimeDays }) => {
    const cost = sharedCost({ system, period, sets: inputs.sets, rates: rates() });
    expect(cost.lines).toEqual(lines);
    expect(cost.totalKrw).toBe(total);
    expect(cost.leadTimeDays).toBe(leadTimeDays);
  });

  it('charges what was allocated month by month', () => {
    const system = smallSystem({ movedOn: '2020-01-01' });
    system.allocations['2020-04'] = { vcpu: 4, ramGb: 4, storageGb: 100, platformSlots: 0 };
    const cost = sharedCost({
      system,
      period: { from: '2020-03-01', to: '2020-04-30' },
      sets: inputs.sets,
      rates: rates(),
    });
    expect(cost.months.map((m) => m.totalKrw)).toEqual([63_000, 88_000]);
  });
});
