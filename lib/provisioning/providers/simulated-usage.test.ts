import { describe, expect, it } from 'vitest';
import { monthEndFactor, officeHoursLoad, type SimulatedObject, simulatedUsage } from './simulated-usage';

// Seoul is UTC+9 all year: 10:30 in Seoul is 01:30Z. 2025-06-11 is a Wednesday, 2025-06-14 a Saturday.
const seoul = (isoLocal: string) => new Date(`${isoLocal}+09:00`);
const created = seoul('2025-01-06T09:00:00');
const objects: SimulatedObject[] = Array.from({ length: 300 }, (_, i) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  footprint: { vcpu: 4, ramGb: 16, storageGb: 200 },
  createdAt: created,
}));
const meanCpu = (at: Date) =>
  objects.reduce((sum, o) => sum + simulatedUsage(o, at).cpuPct, 0) / objects.length;

describe('the office-hours curve (Asia/Seoul)', () => {
  it.each([
    { label: 'night (03:00)', at: '2025-06-11T03:00:00', below: 10 },
    { label: 'early morning (07:00)', at: '2025-06-11T07:00:00', below: 10 },
    { label: 'late evening (22:00)', at: '2025-06-11T22:00:00', below: 10 },
    { label: 'Saturday morning peak hour', at: '2025-06-14T10:30:00', below: 15 },
  ])('is low at $label', ({ at, below }) => {
    expect(officeHoursLoad(seoul(at))).toBeLessThan(below);
  });

  it('peaks at 10–11 and 14–16 on weekdays, with a dip at lunch', () => {
    const load = (time: string) => officeHoursLoad(seoul(`2025-06-11T${time}`));
    expect(load('10:30:00')).toBeGreaterThan(50);
    expect(load('15:00:00')).toBeGreaterThan(45);
    expect(load('12:30:00')).toBeLessThan(load('10:30:00'));
    expect(load('12:30:00')).toBeLessThan(load('15:00:00'));
    expect(load('10:30:00')).toBeGreaterThan(5 * load('03:00:00'));
  });

  it('stays low on a public holiday that falls on a weekday (현충일)', () => {
    expect(officeHoursLoad(seoul('2025-06-06T10:30:00'))).toBeLessThan(15);
  });

  it.each([
    { label: 'the last three days of a month', at: '2025-06-28T10:00:00', factor: 1.25 },
    { label: 'the last day, late in the Seoul evening', at: '2025-06-30T23:30:00', factor: 1.25 },
    {
      label: 'the first of the next month in Seoul (still June in UTC)',
      at: '2025-07-01T08:00:00',
      factor: 1,
    },
    { label: 'mid-month', at: '2025-06-16T10:00:00', factor: 1 },
    { label: 'February’s last days', at: '2024-02-27T10:00:00', factor: 1.25 },
  ])('bumps $label by $factor', ({ at, factor }) => {
    expect(monthEndFactor(seoul(at))).toBe(factor);
  });
});

describe('simulatedUsage', () => {
  it('is a pure function of the object and the instant', () => {
    const at = seoul('2025-06-11T10:30:00');
    expect(simulatedUsage(objects[7]!, at)).toEqual(simulatedUsage({ ...objects[7]! }, new Date(at)));
    expect(simulatedUsage(objects[7]!, at)).not.toEqual(simulatedUsage(objects[8]!, at));
  });

  it('follows the working day across many servers', () => {
    const peak = meanCpu(seoul('2025-06-11T10:30:00'));
    expect(peak).toBeGreaterThan(3 * meanCpu(seoul('2025-06-11T03:00:00')));
    expect(meanCpu(seoul('2025-06-11T15:00:00'))).toBeGreaterThan(3 * meanCpu(seoul('2025-06-11T03:00:00')));
    expect(peak).toBeGreaterThan(2 * meanCpu(seoul('2025-06-14T10:30:00')));
    expect(meanCpu(seoul('2025-06-30T10:30:00'))).toBeGreaterThan(
      1.1 * meanCpu(seoul('2025-06-16T10:30:00')),
    );
  });

  it('leaves some servers idle even at the busiest hour', () => {
    const at = seoul('2025-06-11T10:30:00');
    const idle = objects.filter((o) => simulatedUsage(o, at).cpuPct < 4).length;
    expect(idle / objects.length).toBeGreaterThan(0.05);
    expect(idle / objects.length).toBeLessThan(0.3);
  });

  it('keeps RAM at 50–85 % of what was given and never uses more than was given', () => {
    for (const time of ['03:00:00', '10:30:00', '15:00:00']) {
      for (const o of objects) {
        const u = simulatedUsage(o, seoul(`2025-06-11T${time}`));
        expect(u.ramUsedGb).toBeGreaterThanOrEqual(0.5 * 16 - 0.05);
        expect(u.ramUsedGb).toBeLessThanOrEqual(0.85 * 16);
        expect(u.cpuPct).toBeGreaterThan(0);
        expect(u.cpuPct).toBeLessThanOrEqual(100);
        expect(u.storageUsedGb).toBeLessThanOrEqual(200);
      }
    }
  });

  it('fills the disk slowly, never past 95 %', () => {
    for (const o of objects.slice(0, 50)) {
      const early = simulatedUsage(o, seoul('2025-01-07T10:00:00')).storageUsedGb;
      const later = simulatedUsage(o, seoul('2025-06-11T10:00:00')).storageUsedGb;
      const years = simulatedUsage(o, seoul('2027-06-11T10:00:00')).storageUsedGb;
      expect(later).toBeGreaterThanOrEqual(early);
      expect(years).toBeGreaterThanOrEqual(later);
      expect(years).toBeLessThanOrEqual(0.95 * 200);
      expect(early).toBeGreaterThanOrEqual(0.2 * 200 - 0.05);
    }
  });

  it('reports no CPU for an object without vCPUs (a volume)', () => {
    const volume = { ...objects[0]!, footprint: { vcpu: 0, ramGb: 0, storageGb: 500 } };
    expect(simulatedUsage(volume, seoul('2025-06-11T10:30:00'))).toMatchObject({ cpuPct: 0, ramUsedGb: 0 });
  });
});
