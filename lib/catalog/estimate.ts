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

export type EstimateLine = {
  unit: 'vcpu' | 'ramGb' | 'storageGb' | 'instances' | 'license' | 'dr';
  /** units counted (the DR line carries its percentage) */
  quantity: number;
  amountKrw: number;
};

/**
 * Monthly cost in integer KRW, line by line. Base = units × unit prices + licence; the DR surcharge
 * is a percentage of the base rounded half up to the won. Pure, so the form's live estimate and the
 * frozen estimate on the request are the same function.
 */
export function estimateBreakdown(
  fp: Footprint,
  prices: RatePrices,
  drTier: DrTier,
): { lines: EstimateLine[]; totalKrw: number } {
  const lines: EstimateLine[] = [
    { unit: 'vcpu', quantity: fp.vcpu, amountKrw: fp.vcpu * prices.vcpu },
    { unit: 'ramGb', quantity: fp.ramGb, amountKrw: fp.ramGb * prices.ram_gb },
    { unit: 'storageGb', quantity: fp.storageGb, amountKrw: fp.storageGb * prices.storage_gb },
    { unit: 'instances', quantity: fp.instances, amountKrw: fp.instances * prices.platform_instance },
    { unit: 'license', quantity: fp.licenseKrw > 0 ? 1 : 0, amountKrw: fp.licenseKrw },
  ];
  const base = lines.reduce((sum, line) => sum + line.amountKrw, 0);
  const pct =
    drTier === 'backup' ? prices.dr_backup_pct : drTier === 'replicated' ? prices.dr_replicated_pct : 0;
  lines.push({ unit: 'dr', quantity: pct, amountKrw: Math.round((base * pct) / 100) });
  const shown = lines.filter((line) => line.quantity > 0);
  return { lines: shown, totalKrw: shown.reduce((sum, line) => sum + line.amountKrw, 0) };
}

/** The monthly total of estimateBreakdown. */
export function estimateMonthlyKrw(fp: Footprint, prices: RatePrices, drTier: DrTier): number {
  return estimateBreakdown(fp, prices, drTier).totalKrw;
}
