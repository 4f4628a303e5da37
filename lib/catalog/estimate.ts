import type { CatalogOptions } from './spec-schemas';

/** Unit prices of a rate card, integer KRW per month. DR surcharges are percentages of the base. */
export type RatePrices = {
  vcpu: number;
  ram_gb: number;
  storage_gb: number;
  platform_instance: number;
  dr_backup_pct: number;
  dr_replicated_pct: number;
};

export type DrTier = 'none' | 'backup' | 'replicated';

/** Resources a spec takes from the pool. */
export type Footprint = {
  vcpu: number;
  ramGb: number;
  storageGb: number;
  instances: number;
  licenseKrw: number;
};

export function footprint(kind: string, spec: Record<string, unknown>, options: CatalogOptions): Footprint {
  const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  switch (kind) {
    case 'vm': {
      const flavor = options.flavors.find((f) => f.id === spec.flavor);
      const image = options.images.find((i) => i.id === spec.image);
      return {
        vcpu: flavor?.vcpu ?? 0,
        ramGb: flavor?.ramGb ?? 0,
        storageGb: n(spec.diskGb),
        instances: 0,
        licenseKrw: image?.licenseMonthlyKrw ?? 0,
      };
    }
    case 'platform_slot': {
      const instances = n(spec.instances);
      return {
        vcpu: instances * n(spec.cpuPerInstance),
        ramGb: instances * n(spec.memoryGbPerInstance),
        storageGb: 0,
        instances,
        licenseKrw: 0,
      };
    }
    case 'volume':
      return { vcpu: 0, ramGb: 0, storageGb: n(spec.sizeGb), instances: 0, licenseKrw: 0 };
    default:
      return { vcpu: 0, ramGb: 0, storageGb: 0, instances: 0, licenseKrw: 0 };
  }
}

/**
 * Monthly cost in integer KRW. Base = units × unit prices + licence; the DR surcharge is a
 * percentage of the base rounded half up to the won. Pure, so the form's live estimate and the
 * frozen estimate on the request are the same function.
 */
export function estimateMonthlyKrw(fp: Footprint, prices: RatePrices, drTier: DrTier): number {
  const base =
    fp.vcpu * prices.vcpu +
    fp.ramGb * prices.ram_gb +
    fp.storageGb * prices.storage_gb +
    fp.instances * prices.platform_instance +
    fp.licenseKrw;
  const pct =
    drTier === 'backup' ? prices.dr_backup_pct : drTier === 'replicated' ? prices.dr_replicated_pct : 0;
  return base + Math.round((base * pct) / 100);
}
