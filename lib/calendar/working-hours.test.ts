import { afterEach, describe, expect, it } from 'vitest';
import { addWorkingHours, isWorkingDay, workingHoursBetween } from './working-hours';

// Every instant is written with its offset: +09:00 is Seoul, Z is UTC. The 2026 dates used below, as
// @hyunbinseo/holidays-kr lists them: 설날 Mon 16 – Wed 18 Feb; 지방선거 Wed 3 Jun; 추석 Thu 24 – Sat 26 Sep
// (no substitute day: the Saturday overlap does not make one for 추석); 개천절 Sat 3 Oct with its
// substitute Mon 5 Oct; 1월 1일 2027 is a Friday.
const at = (iso: string) => new Date(iso);

describe('isWorkingDay', () => {
  it.each([
    { label: 'a Friday', input: '2026-11-20T12:00+09:00', expected: true },
    { label: 'a Saturday', input: '2026-11-21T12:00+09:00', expected: false },
    { label: 'a Sunday', input: '2026-11-22T12:00+09:00', expected: false },
    { label: '추석 전날 (Thursday)', input: '2026-09-24T12:00+09:00', expected: false },
    { label: '추석 (Friday)', input: '2026-09-25T12:00+09:00', expected: false },
    { label: 'the Monday after 추석', input: '2026-09-28T12:00+09:00', expected: true },
    { label: '설날 (Tuesday)', input: '2026-02-17T12:00+09:00', expected: false },
    { label: 'the substitute holiday of 개천절', input: '2026-10-05T12:00+09:00', expected: false },
    { label: 'a local election day', input: '2026-06-03T12:00+09:00', expected: false },
    {
      label: 'the last minutes of the Wednesday before 추석',
      input: '2026-09-23T23:30+09:00',
      expected: true,
    },
    // 00:30 in Seoul is still the 23rd in UTC: the Seoul date decides
    { label: 'the first minutes of 추석 전날', input: '2026-09-24T00:30+09:00', expected: false },
    { label: 'a Seoul Monday that is Sunday in UTC', input: '2026-11-22T20:00Z', expected: true },
  ])('$label → $expected', ({ input, expected }) => {
    expect(isWorkingDay(at(input))).toBe(expected);
  });
});

describe('workingHoursBetween', () => {
  it.each([
    { label: 'within one day', from: '2026-11-24T10:00+09:00', to: '2026-11-24T15:30+09:00', expected: 5.5 },
    {
      label: 'the same span written in UTC',
      from: '2026-11-24T01:00Z',
      to: '2026-11-24T06:30Z',
      expected: 5.5,
    },
    {
      label: 'a whole day, from before opening to after closing',
      from: '2026-11-24T07:00+09:00',
      to: '2026-11-24T20:00+09:00',
      expected: 9,
    },
    { label: 'a whole week', from: '2026-11-23T00:00+09:00', to: '2026-11-30T00:00+09:00', expected: 45 },
    { label: 'across a weekend', from: '2026-11-20T17:00+09:00', to: '2026-11-23T10:00+09:00', expected: 2 },
    {
      label: 'starting on a Saturday',
      from: '2026-11-21T12:00+09:00',
      to: '2026-11-23T12:00+09:00',
      expected: 3,
    },
    {
      label: 'starting in the evening',
      from: '2026-11-24T20:00+09:00',
      to: '2026-11-25T10:00+09:00',
      expected: 1,
    },
    {
      label: 'across 추석 and the weekend after it',
      from: '2026-09-23T15:00+09:00',
      to: '2026-09-28T10:00+09:00',
      expected: 4,
    },
    { label: 'across 설날', from: '2026-02-13T16:00+09:00', to: '2026-02-19T10:00+09:00', expected: 3 },
    {
      label: 'across an election day',
      from: '2026-06-02T17:00+09:00',
      to: '2026-06-04T10:00+09:00',
      expected: 2,
    },
    {
      label: 'across a substitute holiday',
      from: '2026-10-02T17:00+09:00',
      to: '2026-10-06T10:00+09:00',
      expected: 2,
    },
    {
      label: 'across the new year',
      from: '2026-12-31T17:00+09:00',
      to: '2027-01-04T10:00+09:00',
      expected: 2,
    },
    { label: 'inside a holiday', from: '2026-09-25T10:00+09:00', to: '2026-09-25T15:00+09:00', expected: 0 },
    { label: 'inside a night', from: '2026-11-24T18:00+09:00', to: '2026-11-25T09:00+09:00', expected: 0 },
    { label: 'an empty span', from: '2026-11-24T10:00+09:00', to: '2026-11-24T10:00+09:00', expected: 0 },
    { label: 'a reversed span', from: '2026-11-24T15:00+09:00', to: '2026-11-24T10:00+09:00', expected: 0 },
  ])('$label: $expected h', ({ from, to, expected }) => {
    expect(workingHoursBetween(at(from), at(to))).toBeCloseTo(expected, 9);
  });
});

describe('addWorkingHours', () => {
  it.each([
    {
      label: 'within one day',
      from: '2026-11-24T10:00+09:00',
      hours: 5.5,
      expected: '2026-11-24T15:30+09:00',
    },
    // a step pending Friday 17:00 is reminded after 8 working hours: 1 h on Friday, 7 h on Monday
    {
      label: 'Friday 17:00 + 8 h lands on Monday 16:00',
      from: '2026-11-20T17:00+09:00',
      hours: 8,
      expected: '2026-11-23T16:00+09:00',
    },
    {
      label: 'a day that fills up ends at 18:00, not the next morning',
      from: '2026-11-20T10:00+09:00',
      hours: 8,
      expected: '2026-11-20T18:00+09:00',
    },
    {
      label: 'Friday 10:00 + 24 h lands on Tuesday 16:00',
      from: '2026-11-20T10:00+09:00',
      hours: 24,
      expected: '2026-11-24T16:00+09:00',
    },
    { label: 'across 추석', from: '2026-09-23T15:00+09:00', hours: 8, expected: '2026-09-28T14:00+09:00' },
    { label: 'across 설날', from: '2026-02-13T16:00+09:00', hours: 8, expected: '2026-02-19T15:00+09:00' },
    {
      label: 'from a Saturday',
      from: '2026-11-21T12:00+09:00',
      hours: 1,
      expected: '2026-11-23T10:00+09:00',
    },
    {
      label: 'from the evening',
      from: '2026-11-24T20:00+09:00',
      hours: 0.5,
      expected: '2026-11-25T09:30+09:00',
    },
    {
      label: 'zero hours, even outside working time',
      from: '2026-11-21T12:00+09:00',
      hours: 0,
      expected: '2026-11-21T12:00+09:00',
    },
    {
      label: 'back 8 h from Monday 16:00',
      from: '2026-11-23T16:00+09:00',
      hours: -8,
      expected: '2026-11-20T17:00+09:00',
    },
    {
      label: 'back to an opening stays at 09:00',
      from: '2026-11-23T12:00+09:00',
      hours: -3,
      expected: '2026-11-23T09:00+09:00',
    },
    {
      label: 'back from a Saturday',
      from: '2026-11-21T12:00+09:00',
      hours: -1,
      expected: '2026-11-20T17:00+09:00',
    },
    {
      label: 'back across 추석',
      from: '2026-09-28T14:00+09:00',
      hours: -8,
      expected: '2026-09-23T15:00+09:00',
    },
  ])('$label', ({ from, hours, expected }) => {
    const result = addWorkingHours(at(from), hours);
    expect(result.toISOString()).toBe(at(expected).toISOString());
    // and the two functions agree
    const [early, late] = hours >= 0 ? [at(from), result] : [result, at(from)];
    expect(workingHoursBetween(early, late)).toBeCloseTo(Math.abs(hours), 9);
  });

  it('refuses a number of hours that is not finite', () => {
    expect(() => addWorkingHours(at('2026-11-24T10:00+09:00'), Number.NaN)).toThrow(RangeError);
  });
});

describe('the process time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it.each(['UTC', 'America/Los_Angeles', 'Asia/Seoul', 'Pacific/Kiritimati'])(
    'changes nothing under %s',
    (tz) => {
      process.env.TZ = tz;
      expect(isWorkingDay(at('2026-09-24T00:30+09:00'))).toBe(false);
      expect(workingHoursBetween(at('2026-11-20T17:00+09:00'), at('2026-11-23T10:00+09:00'))).toBe(2);
      expect(addWorkingHours(at('2026-11-20T17:00+09:00'), 8).toISOString()).toBe('2026-11-23T07:00:00.000Z');
    },
  );
});
