import { describe, expect, it } from 'vitest';
import { cpuQuantity, memoryQuantity, parseQuantity } from './quantity';

describe('parseQuantity', () => {
  it.each([
    { label: 'whole cores', input: '2', expected: 2 },
    { label: 'millicores', input: '250m', expected: 0.25 },
    { label: 'a decimal', input: '1.5', expected: 1.5 },
    { label: 'a leading dot', input: '.5', expected: 0.5 },
    { label: 'zero', input: '0', expected: 0 },
    { label: 'nanocores (metrics)', input: '150000000n', expected: 0.15 },
    { label: 'microcores', input: '2500u', expected: 0.0025 },
    { label: 'kibibytes', input: '512Ki', expected: 524_288 },
    { label: 'mebibytes', input: '1536Mi', expected: 1_610_612_736 },
    { label: 'gibibytes', input: '8Gi', expected: 8_589_934_592 },
    { label: 'fractional gibibytes', input: '0.5Gi', expected: 536_870_912 },
    { label: 'tebibytes', input: '1Ti', expected: 2 ** 40 },
    { label: 'pebibytes', input: '1Pi', expected: 2 ** 50 },
    { label: 'exbibytes', input: '1Ei', expected: 2 ** 60 },
    { label: 'kilobytes', input: '100k', expected: 100_000 },
    { label: 'megabytes', input: '128M', expected: 128_000_000 },
    { label: 'gigabytes', input: '1G', expected: 1_000_000_000 },
    { label: 'terabytes', input: '2T', expected: 2e12 },
    { label: 'petabytes', input: '1P', expected: 1e15 },
    { label: 'exa, not an exponent', input: '1E', expected: 1e18 },
    { label: 'an exponent', input: '1e3', expected: 1000 },
    { label: 'an upper-case exponent', input: '12E6', expected: 12_000_000 },
    { label: 'a negative exponent', input: '5e-1', expected: 0.5 },
    { label: 'a plus-signed exponent', input: '2e+2', expected: 200 },
    { label: 'a sign', input: '+3', expected: 3 },
    { label: 'a negative value', input: '-100m', expected: -0.1 },
  ])('reads $label ($input)', ({ input, expected }) => {
    expect(parseQuantity(input)).toBeCloseTo(expected, 9);
  });

  it.each([
    { label: 'empty', input: '' },
    { label: 'a unit alone', input: 'Gi' },
    { label: 'a lower-case binary suffix', input: '1gi' },
    { label: 'kilo as K (not a Kubernetes suffix)', input: '1K' },
    { label: 'an exponent without digits', input: '1e' },
    { label: 'two suffixes', input: '1Gi2' },
    { label: 'a space inside', input: '1 Gi' },
    { label: 'words', input: 'lots' },
  ])('refuses $label', ({ input }) => {
    expect(() => parseQuantity(input)).toThrow('is not a Kubernetes quantity');
  });
});

describe('writing quantities', () => {
  it.each([
    { cores: 2, expected: '2' },
    { cores: 0.5, expected: '500m' },
    { cores: 0.25, expected: '250m' },
    { cores: 1.5, expected: '1500m' },
    { cores: 0.125, expected: '125m' },
  ])('writes $cores cores as $expected', ({ cores, expected }) => {
    expect(cpuQuantity(cores)).toBe(expected);
    expect(parseQuantity(expected)).toBe(cores);
  });

  it.each([
    { gib: 4, expected: '4Gi' },
    { gib: 0.5, expected: '512Mi' },
    { gib: 1.5, expected: '1536Mi' },
    { gib: 0.25, expected: '256Mi' },
  ])('writes $gib GiB as $expected', ({ gib, expected }) => {
    expect(memoryQuantity(gib)).toBe(expected);
    expect(parseQuantity(expected)).toBe(gib * 2 ** 30);
  });
});
