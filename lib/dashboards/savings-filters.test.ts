import { describe, expect, it } from 'vitest';
import { parseSavingsFilters, savingsSearch } from './savings-filters';

describe('parseSavingsFilters', () => {
  it.each([
    { label: 'nothing', input: {}, filters: {}, errors: {} },
    {
      label: 'a period and a scope',
      input: { from: '2019-01', to: '2021-12', department: 'ENV', system: 'SYS-AIR' },
      filters: { from: '2019-01', to: '2021-12', department: 'ENV', system: 'SYS-AIR' },
      errors: {},
    },
    { label: 'empty values', input: { from: '', to: ' ', department: '' }, filters: {}, errors: {} },
    {
      label: 'a day instead of a month',
      input: { from: '2019-01-05' },
      filters: {},
      errors: { from: 'month' },
    },
    { label: 'month 13', input: { to: '2019-13' }, filters: {}, errors: { to: 'month' } },
    { label: 'the 1990s', input: { from: '1999-12' }, filters: {}, errors: { from: 'month' } },
    {
      label: 'to before from',
      input: { from: '2020-01', to: '2019-12' },
      filters: { from: '2020-01' },
      errors: { to: 'order' },
    },
    {
      label: 'a code with a quote',
      input: { department: "ENV'--" },
      filters: {},
      errors: { department: 'choice' },
    },
    {
      label: 'sorts',
      input: { sort: 'savedKrw.desc', dsort: 'department.asc' },
      filters: { sort: { key: 'savedKrw', dir: 'desc' }, dsort: { key: 'department', dir: 'asc' } },
      errors: {},
    },
    {
      label: 'an unknown sort',
      input: { sort: 'password.asc', dsort: 'savedKrw.up' },
      filters: {},
      errors: { sort: 'choice', dsort: 'choice' },
    },
    {
      label: 'a repeated parameter (first wins)',
      input: { from: ['2018-01', '2019-01'] },
      filters: { from: '2018-01' },
      errors: {},
    },
  ])('reads $label', ({ input, filters, errors }) => {
    expect(parseSavingsFilters(input)).toEqual({ filters, errors });
  });

  it('writes the filters back in a stable order', () => {
    const { filters } = parseSavingsFilters({ system: 'SYS-AIR', from: '2019-01', sort: 'code.asc' });
    expect(savingsSearch(filters)).toBe('from=2019-01&system=SYS-AIR&sort=code.asc');
    expect(savingsSearch(filters, { sort: { key: 'savedKrw', dir: 'desc' } })).toBe(
      'from=2019-01&system=SYS-AIR&sort=savedKrw.desc',
    );
  });
});
