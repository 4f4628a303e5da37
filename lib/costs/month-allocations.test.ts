import { describe, expect, it } from 'vitest';
import { monthAllocations, type ResourceTimeline, seoulMonthBounds, type Units } from './month-allocations';

// A month's allocation from resources: units × the share of the (Seoul) month they were held, summed
// per system and rounded half up once per unit; the peak is the most held at one instant.

const vm = (vcpu: number, ramGb: number, storageGb: number): Units => ({
  vcpu,
  ramGb,
  storageGb,
  platformSlots: 0,
});
const at = (day: string) => new Date(`${day}T00:00:00+09:00`);
const held = (from: string, until: string | null, units: Units, systemId = 'sys-a'): ResourceTimeline => ({
  systemId,
  from: at(from),
  until: until ? at(until) : null,
  sizes: [{ at: at(from), units }],
});

describe('monthAllocations (November 2026: 30 days)', () => {
  it.each([
    {
      label: 'held all month',
      timelines: [held('2026-10-05', null, vm(4, 8, 100))],
      expected: vm(4, 8, 100),
    },
    {
      label: 'made on the 16th and still running: counted to the month’s end',
      timelines: [held('2026-11-16', null, vm(4, 8, 100))],
      expected: vm(2, 4, 50),
    },
    {
      label: 'held 10 days, then handed back (1.33 → 1, 2.67 → 3, 33.3 → 33)',
      timelines: [held('2026-11-01', '2026-11-11', vm(4, 8, 100))],
      expected: vm(1, 3, 33),
    },
    {
      label: 'half a unit rounds up',
      timelines: [held('2026-11-16', null, vm(1, 1, 1))],
      expected: vm(1, 1, 1),
    },
    {
      label: 'two resources of one system add up before rounding (0.5 + 0.5)',
      timelines: [held('2026-11-16', null, vm(1, 0, 0)), held('2026-11-01', '2026-11-16', vm(1, 0, 0))],
      expected: vm(1, 0, 0),
    },
    {
      label: 'a platform slot’s instances count as slots',
      timelines: [held('2026-11-01', null, { vcpu: 6, ramGb: 12, storageGb: 0, platformSlots: 3 })],
      expected: { vcpu: 6, ramGb: 12, storageGb: 0, platformSlots: 3 },
    },
  ])('$label', ({ timelines, expected }) => {
    expect(monthAllocations(timelines, '2026-11').get('sys-a')?.allocation).toEqual(expected);
  });

  it('leaves out resources that held nothing in the month', () => {
    const result = monthAllocations(
      [held('2026-09-01', '2026-10-31', vm(4, 8, 100)), held('2026-12-01', null, vm(4, 8, 100), 'sys-b')],
      '2026-11',
    );
    expect(result.size).toBe(0);
  });

  it('follows a resize, and takes the peak at the busiest instant', () => {
    const resized: ResourceTimeline = {
      systemId: 'sys-a',
      from: at('2026-10-20'),
      until: null,
      sizes: [
        { at: at('2026-10-20'), units: vm(2, 4, 100) },
        // a temporary scale-up for the 16th to the 21st, reverted
        { at: at('2026-11-16'), units: vm(8, 16, 100) },
        { at: at('2026-11-22'), units: vm(2, 4, 100) },
      ],
    };
    const other = held('2026-11-18', '2026-11-20', vm(4, 8, 0));
    const month = monthAllocations([resized, other], '2026-11').get('sys-a')!;
    // vCPU: 2 × 24/30 + 8 × 6/30 + 4 × 2/30 = 1.6 + 1.6 + 0.27 = 3.47 → 3
    expect(month.allocation.vcpu).toBe(3);
    expect(month.peak).toEqual({ vcpu: 12, ramGb: 24, storageGb: 100 });
  });

  it('reads months in Seoul time', () => {
    expect(seoulMonthBounds('2026-11').start.toISOString()).toBe('2026-10-31T15:00:00.000Z');
    // made 2026-10-31 23:00 in Seoul: not November
    const late: ResourceTimeline = {
      systemId: 'sys-a',
      from: new Date('2026-10-31T14:00:00Z'),
      until: new Date('2026-10-31T15:00:00Z'),
      sizes: [{ at: new Date('2026-10-31T14:00:00Z'), units: vm(4, 8, 100) }],
    };
    expect(monthAllocations([late], '2026-11').size).toBe(0);
  });
});
