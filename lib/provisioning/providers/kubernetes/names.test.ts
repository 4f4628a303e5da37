import { describe, expect, it } from 'vitest';
import { isDnsLabel, labelValue, namespaceName, namespaceOf, slotRef } from './names';

const KEY = '3f2a9c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b';

describe('namespaceName', () => {
  it.each([
    { label: 'a hostname', name: 'eminwon-api', expected: 'dc-eminwon-api-3f2a9c1e' },
    { label: 'capitals, dots and underscores', name: 'My_App.Prod', expected: 'dc-my-app-prod-3f2a9c1e' },
    { label: 'nothing usable', name: '버스정보', expected: 'dc-slot-3f2a9c1e' },
    { label: 'dashes at the ends', name: '--api--', expected: 'dc-api-3f2a9c1e' },
  ])('derives one from $label', ({ name, expected }) => {
    expect(namespaceName(name, KEY)).toBe(expected);
  });

  it('shortens a long name to fit 63 characters without ending on a dash', () => {
    const name = namespaceName('a'.repeat(90), KEY);
    expect(name).toHaveLength(63);
    expect(name.endsWith('-3f2a9c1e')).toBe(true);
    expect(isDnsLabel(name)).toBe(true);
    const cut = namespaceName(`${'a'.repeat(50)}-bbbb`, KEY);
    expect(cut).toBe(`dc-${'a'.repeat(50)}-3f2a9c1e`);
    expect(isDnsLabel(cut)).toBe(true);
  });
});

describe('labelValue', () => {
  it.each([
    { label: 'a valid value', input: 'TRAFFIC', expected: 'TRAFFIC' },
    { label: 'a uuid', input: KEY, expected: KEY },
    { label: 'spaces and slashes', input: 'Bus Info/v2', expected: 'Bus_Info_v2' },
    { label: 'Korean only', input: '교통국', expected: '' },
    { label: 'leading and trailing punctuation', input: '.-_x_-.', expected: 'x' },
    { label: 'more than 63 characters', input: 'y'.repeat(80), expected: 'y'.repeat(63) },
    { label: 'a cut that ends on punctuation', input: `${'z'.repeat(62)}.tail`, expected: 'z'.repeat(62) },
  ])('makes $label valid', ({ input, expected }) => {
    expect(labelValue(input)).toBe(expected);
  });
});

describe('refs', () => {
  it('round-trips a namespace and refuses anything else', () => {
    expect(namespaceOf(slotRef('dc-x-1'))).toBe('dc-x-1');
    expect(() => namespaceOf('k8s-ns-')).toThrow('not a Kubernetes slot reference');
    expect(() => namespaceOf('k8s-ns-a/b')).toThrow('not a Kubernetes slot reference');
    expect(() => namespaceOf('vm-1')).toThrow('not a Kubernetes slot reference');
  });
});
