import { describe, expect, it } from 'vitest';
import { demoFlavors, demoImages, demoRateCard, demoRuntimes } from '@/db/seed/demo-data';
import { estimateMonthlyKrw, type Footprint, footprint, type RatePrices } from './estimate';
import type { CatalogOptions } from './spec-schemas';

const options: CatalogOptions = { flavors: demoFlavors, images: demoImages, runtimes: demoRuntimes };
const prices: RatePrices = demoRateCard.prices;
const none: Footprint = { vcpu: 0, ramGb: 0, storageGb: 0, instances: 0, licenseKrw: 0 };

describe('footprint', () => {
  it.each([
    {
      label: 'a VM takes its flavour, its disk and its image licence',
      kind: 'vm',
      spec: { flavor: 'c4m16', image: 'rhel-9', diskGb: 200 },
      expected: { vcpu: 4, ramGb: 16, storageGb: 200, instances: 0, licenseKrw: 60_000 },
    },
    {
      label: 'a platform slot takes instances × CPU and memory per instance',
      kind: 'platform_slot',
      spec: { runtime: 'nodejs-22', instances: 3, cpuPerInstance: 2, memoryGbPerInstance: 4 },
      expected: { vcpu: 6, ramGb: 12, storageGb: 0, instances: 3, licenseKrw: 0 },
    },
    {
      label: 'a volume takes only its size',
      kind: 'volume',
      spec: { sizeGb: 500 },
      expected: { ...none, storageGb: 500 },
    },
    {
      label: 'an unknown flavour and image take nothing but the disk',
      kind: 'vm',
      spec: { flavor: 'c99', image: 'beos', diskGb: 50 },
      expected: { ...none, storageGb: 50 },
    },
    { label: 'a kind without a footprint takes nothing', kind: 'scale_up', spec: {}, expected: none },
  ])('$label', ({ kind, spec, expected }) => {
    expect(footprint(kind, spec, options)).toEqual(expected);
  });
});

describe('estimateMonthlyKrw', () => {
  it.each([
    {
      label: 'the default VM (2 vCPU, 4 GB, 100 GB, Rocky Linux)',
      fp: { ...none, vcpu: 2, ramGb: 4, storageGb: 100 },
      dr: 'none' as const,
      expected: 2 * 18_000 + 4 * 6_000 + 100 * 120,
    },
    {
      label: 'a VM with a licensed image adds the licence',
      fp: { ...none, vcpu: 4, ramGb: 16, storageGb: 200, licenseKrw: 60_000 },
      dr: 'none' as const,
      expected: 72_000 + 96_000 + 24_000 + 60_000,
    },
    {
      label: 'a platform slot prices each instance and its CPU and memory',
      fp: { ...none, vcpu: 4, ramGb: 8, instances: 2 },
      dr: 'none' as const,
      expected: 72_000 + 48_000 + 50_000,
    },
    {
      label: 'a volume prices its storage',
      fp: { ...none, storageGb: 1000 },
      dr: 'none' as const,
      expected: 120_000,
    },
    {
      label: 'DR backup adds 15 % of the base',
      fp: { ...none, storageGb: 1000 },
      dr: 'backup' as const,
      expected: 120_000 + 18_000,
    },
    {
      label: 'DR replication adds 90 % of the base',
      fp: { ...none, storageGb: 1000 },
      dr: 'replicated' as const,
      expected: 120_000 + 108_000,
    },
    {
      label: 'a surcharge of exactly half a won rounds up (10 × 15 % = 1.5 → 2)',
      fp: { ...none, licenseKrw: 10 },
      dr: 'backup' as const,
      expected: 12,
    },
    {
      label: 'a surcharge just below half a won rounds down (3 × 15 % = 0.45 → 0)',
      fp: { ...none, licenseKrw: 3 },
      dr: 'backup' as const,
      expected: 3,
    },
    {
      label: 'a surcharge just above half a won rounds up (37 × 15 % = 5.55 → 6)',
      fp: { ...none, licenseKrw: 37 },
      dr: 'backup' as const,
      expected: 43,
    },
    {
      label: 'a replicated surcharge of x.5 rounds up (5 × 90 % = 4.5 → 5)',
      fp: { ...none, licenseKrw: 5 },
      dr: 'replicated' as const,
      expected: 10,
    },
    { label: 'nothing costs nothing, even replicated', fp: none, dr: 'replicated' as const, expected: 0 },
  ])('$label', ({ fp, dr, expected }) => {
    const krw = estimateMonthlyKrw(fp, prices, dr);
    expect(krw).toBe(expected);
    expect(Number.isInteger(krw)).toBe(true);
  });

  it('gives a whole number of won for every flavour, image and DR tier', () => {
    for (const flavor of demoFlavors) {
      for (const image of demoImages) {
        for (const dr of ['none', 'backup', 'replicated'] as const) {
          const fp = footprint('vm', { flavor: flavor.id, image: image.id, diskGb: 333 }, options);
          expect(Number.isInteger(estimateMonthlyKrw(fp, prices, dr)), `${flavor.id}/${image.id}/${dr}`).toBe(
            true,
          );
        }
      }
    }
  });
});
