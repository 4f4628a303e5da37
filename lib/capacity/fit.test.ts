import { describe, expect, it } from 'vitest';
import { poolCapacity, shortfalls } from './fit';

const owner = { scope: 'pool' as const, of: 'p', name: 'P' };
const limits = { vcpu: 40, ramGb: 160, storageGb: 1000, monthlyKrw: null };

describe('fit', () => {
  it('sells physical cores × overcommit, rounding a fractional vCPU down', () => {
    expect(
      poolCapacity({ physicalCores: 10, overcommitPct: 150, capacityRamGb: 64, capacityStorageGb: 100 }),
    ).toEqual({
      vcpu: 15,
      ramGb: 64,
      storageGb: 100,
      monthlyKrw: null,
    });
    expect(
      poolCapacity({ physicalCores: 3, overcommitPct: 250, capacityRamGb: 1, capacityStorageGb: 1 }).vcpu,
    ).toBe(7);
  });

  it.each([
    {
      label: 'fits exactly into what is left',
      requested: { vcpu: 4, ramGb: 16, storageGb: 100, monthlyKrw: 9 },
      held: { vcpu: 36, ramGb: 144, storageGb: 900, monthlyKrw: 0 },
      expected: [],
    },
    {
      label: 'one vCPU over what is left',
      requested: { vcpu: 5, ramGb: 16, storageGb: 100, monthlyKrw: 0 },
      held: { vcpu: 36, ramGb: 0, storageGb: 0, monthlyKrw: 0 },
      expected: [{ dimension: 'vcpu', requested: 5, available: 4 }],
    },
    {
      label: 'overbooked already: nothing is available, not a negative amount',
      requested: { vcpu: 0, ramGb: 1, storageGb: 0, monthlyKrw: 0 },
      held: { vcpu: 0, ramGb: 200, storageGb: 0, monthlyKrw: 0 },
      expected: [{ dimension: 'ramGb', requested: 1, available: 0 }],
    },
    {
      label: 'asking nothing of a full dimension is fine',
      requested: { vcpu: 0, ramGb: 0, storageGb: 10, monthlyKrw: 0 },
      held: { vcpu: 40, ramGb: 160, storageGb: 0, monthlyKrw: 0 },
      expected: [],
    },
  ])('$label', ({ requested, held, expected }) => {
    expect(shortfalls(requested, held, limits, owner)).toEqual(expected.map((e) => ({ ...owner, ...e })));
  });

  it('treats a null limit as unlimited', () => {
    const r = { vcpu: 1e6, ramGb: 0, storageGb: 0, monthlyKrw: 1e9 };
    expect(shortfalls(r, r, { vcpu: null, ramGb: null, storageGb: null, monthlyKrw: null }, owner)).toEqual(
      [],
    );
  });
});
