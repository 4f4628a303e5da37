import { describe, expect, it } from 'vitest';
import { parseRunwayFilters, runwaySearch } from './runway-filters';
import { parseShowbackFilters, showbackPeriod, showbackSearch } from './showback-filters';

// "now" is 2026-11-25 in Seoul
const now = new Date('2026-11-25T12:00:00+09:00');

describe('parseShowbackFilters', () => {
  it.each([
    { label: 'nothing', input: {}, filters: {}, errors: {} },
    {
      label: 'a period, a scope and a basis',
      input: { from: '2021-01', to: '2021-12', department: 'TRAFFIC', system: 'SYS-BIS', basis: 'usage' },
      filters: { from: '2021-01', to: '2021-12', department: 'TRAFFIC', system: 'SYS-BIS', basis: 'usage' },
      errors: {},
    },
    { label: 'a malformed month', input: { from: '2021-13' }, filters: {}, errors: { from: 'month' } },
    { label: 'a day instead of a month', input: { to: '2021-12-01' }, filters: {}, errors: { to: 'month' } },
    {
      label: 'to before from',
      input: { from: '2021-06', to: '2021-01' },
      filters: { from: '2021-06' },
      errors: { to: 'order' },
    },
    { label: 'a month to come', input: { to: '2026-12' }, filters: {}, errors: { to: 'range' } },
    { label: 'this month', input: { to: '2026-11' }, filters: { to: '2026-11' }, errors: {} },
    {
      label: 'a period longer than 120 months',
      input: { from: '2010-01', to: '2021-12' },
      filters: { to: '2021-12' },
      errors: { from: 'range' },
    },
    {
      label: 'a code with a quote',
      input: { department: "IT'--" },
      filters: {},
      errors: { department: 'choice' },
    },
    { label: 'an unknown basis', input: { basis: 'vibes' }, filters: {}, errors: { basis: 'choice' } },
    {
      label: 'a repeated parameter (first wins)',
      input: { from: ['2020-01', '2021-01'] },
      filters: { from: '2020-01' },
      errors: {},
    },
  ])('reads $label', ({ input, filters, errors }) => {
    expect(parseShowbackFilters(input, now)).toEqual({ filters, errors });
  });

  it('writes the filters back in a stable order', () => {
    const { filters } = parseShowbackFilters({ basis: 'usage', department: 'IT', from: '2021-01' }, now);
    expect(showbackSearch(filters)).toBe('from=2021-01&department=IT&basis=usage');
    expect(showbackSearch(filters, { department: undefined, system: 'SYS-SSO' })).toBe(
      'from=2021-01&system=SYS-SSO&basis=usage',
    );
  });

  it.each([
    {
      label: 'nothing: the last 12 months of the history',
      filters: {},
      last: '2021-12',
      period: { from: '2021-01', to: '2021-12' },
    },
    {
      label: 'no history yet: the 12 months to this one',
      filters: {},
      last: null,
      period: { from: '2025-12', to: '2026-11' },
    },
    {
      label: 'a start only',
      filters: { from: '2019-03' },
      last: '2021-12',
      period: { from: '2019-03', to: '2020-02' },
    },
    {
      label: 'a start near today',
      filters: { from: '2026-06' },
      last: '2021-12',
      period: { from: '2026-06', to: '2026-11' },
    },
    {
      label: 'an end only',
      filters: { to: '2020-06' },
      last: '2021-12',
      period: { from: '2019-07', to: '2020-06' },
    },
  ])('fills the period for $label', ({ filters, last, period }) => {
    expect(showbackPeriod(filters, last, now)).toEqual(period);
  });
});

describe('parseRunwayFilters', () => {
  it.each([
    { label: 'nothing', input: {}, filters: {}, errors: {} },
    {
      label: 'every choice',
      input: { pool: 'dc-primary', months: '24', method: 'compound', threshold: '80', asOf: '2021-12' },
      filters: { pool: 'dc-primary', months: 24, method: 'compound', threshold: 80, asOf: '2021-12' },
      errors: {},
    },
    {
      label: 'a threshold out of range',
      input: { threshold: '150' },
      filters: {},
      errors: { threshold: 'choice' },
    },
    { label: 'a window not offered', input: { months: '7' }, filters: {}, errors: { months: 'choice' } },
    { label: 'an unknown model', input: { method: 'cubic' }, filters: {}, errors: { method: 'choice' } },
    { label: 'a pool id with a quote', input: { pool: "dc'--" }, filters: {}, errors: { pool: 'choice' } },
    { label: 'a malformed month', input: { asOf: '2021-1' }, filters: {}, errors: { asOf: 'month' } },
    { label: 'a month to come', input: { asOf: '2027-01' }, filters: {}, errors: { asOf: 'range' } },
  ])('reads $label', ({ input, filters, errors }) => {
    expect(parseRunwayFilters(input, now)).toEqual({ filters, errors });
  });

  it('writes the filters back in a stable order', () => {
    expect(runwaySearch({ asOf: '2021-12', pool: 'dc-primary', threshold: 80 })).toBe(
      'pool=dc-primary&threshold=80&asOf=2021-12',
    );
  });
});
