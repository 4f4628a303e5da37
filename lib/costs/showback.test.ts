import { describe, expect, it } from 'vitest';
import { computeSavings } from './compute-savings';
import { showback } from './showback';
import { smallInputs, smallSystem } from './test-fixtures';

const march = { from: '2020-03-01', to: '2020-03-31' };
// two systems in two departments, each allocated 2 vCPU · 4 GB · 100 GB (63,000 a month by allocation)
const a = smallSystem({ usage: { '2020-03': { avgCpuPct: 60, ramUsedGb: 3, storageUsedGb: 80 } } });
const b = smallSystem({
  id: 'sys-b',
  code: 'SYS-B',
  departmentId: 'dept-b',
  departmentName: '나 부서',
  usage: { '2020-03': { avgCpuPct: 20, ramUsedGb: 1, storageUsedGb: 20 } },
});

describe('showback', () => {
  it('splits the pool’s allocation charges by measured use', () => {
    const r = showback({ inputs: smallInputs([a, b]), period: march });
    // vCPU 50,000 split 1.2 : 0.4; RAM 60,000 split 3 : 1; storage 16,000 split 80 : 20
    expect(r.rows).toEqual([
      {
        month: '2020-03',
        departmentId: 'dept-a',
        departmentName: '가 부서',
        byAllocationKrw: 63_000,
        byUsageKrw: 37_500 + 45_000 + 12_800,
      },
      {
        month: '2020-03',
        departmentId: 'dept-b',
        departmentName: '나 부서',
        byAllocationKrw: 63_000,
        byUsageKrw: 12_500 + 15_000 + 3_200,
      },
    ]);
  });

  it('totals the same on both bases, and by allocation it is the shared cost of the savings', () => {
    const inputs = smallInputs([a, b]);
    const r = showback({ inputs, period: march });
    const total = (key: 'byAllocationKrw' | 'byUsageKrw') => r.departments.reduce((s, d) => s + d[key], 0);
    expect(total('byUsageKrw')).toBe(total('byAllocationKrw'));
    expect(total('byAllocationKrw')).toBe(computeSavings({ inputs, period: march }).sharedKrw);
  });

  it('keeps the allocation charge of a system nobody measured', () => {
    const unmeasured = { ...b, usage: {} };
    const r = showback({ inputs: smallInputs([a, unmeasured]), period: march });
    expect(r.rows.map((row) => [row.departmentId, row.byUsageKrw])).toEqual([
      ['dept-a', 63_000],
      ['dept-b', 63_000],
    ]);
  });

  it('shows one department when asked, still split against the whole pool', () => {
    const r = showback({ inputs: smallInputs([a, b]), period: march, departmentId: 'dept-b' });
    expect(r.departments).toEqual([
      { departmentId: 'dept-b', departmentName: '나 부서', byAllocationKrw: 63_000, byUsageKrw: 30_700 },
    ]);
  });

  it('carries onboarding on both bases in the move month', () => {
    const moved = smallSystem({
      movedOn: '2020-03-01',
      usage: { '2020-03': { avgCpuPct: 10, ramUsedGb: 1, storageUsedGb: 1 } },
    });
    const r = showback({ inputs: smallInputs([moved]), period: march });
    expect(r.rows[0]).toMatchObject({ byAllocationKrw: 1_063_000, byUsageKrw: 1_063_000 });
  });
});
