/** What a reservation or a request takes: vCPU, RAM and storage, and the monthly amount in KRW. */
export type Amounts = { vcpu: number; ramGb: number; storageGb: number; monthlyKrw: number };

export type Dimension = keyof Amounts;

/** One dimension that does not fit: what is asked, what is left, and whose limit it is. */
export type Shortfall = {
  scope: 'pool' | 'quota';
  /** pool id, or department id */
  of: string;
  /** pool name or department name, for the message */
  name: string;
  dimension: Dimension;
  requested: number;
  available: number;
};

export type Limits = {
  vcpu: number | null;
  ramGb: number | null;
  storageGb: number | null;
  monthlyKrw: number | null;
};

/** Sellable capacity of a pool: physical cores × overcommit (kept × 100), rounded down; RAM and storage as built. */
export function poolCapacity(pool: {
  physicalCores: number;
  overcommitPct: number;
  capacityRamGb: number;
  capacityStorageGb: number;
}): Limits {
  return {
    vcpu: Math.floor((pool.physicalCores * pool.overcommitPct) / 100),
    ramGb: pool.capacityRamGb,
    storageGb: pool.capacityStorageGb,
    // a pool has no budget; the department's quota does
    monthlyKrw: null,
  };
}

/**
 * The dimensions in which `requested` does not fit into `limits` with `held` already taken.
 * A null limit is unlimited; a request of zero never falls short (a volume asks no vCPU).
 */
export function shortfalls(
  requested: Amounts,
  held: Amounts,
  limits: Limits,
  owner: { scope: Shortfall['scope']; of: string; name: string },
): Shortfall[] {
  const out: Shortfall[] = [];
  for (const dimension of ['vcpu', 'ramGb', 'storageGb', 'monthlyKrw'] as const) {
    const limit = limits[dimension];
    const asked = requested[dimension];
    if (limit === null || asked <= 0) continue;
    const available = Math.max(0, limit - held[dimension]);
    if (asked > available) out.push({ ...owner, dimension, requested: asked, available });
  }
  return out;
}

export const noAmounts = (): Amounts => ({ vcpu: 0, ramGb: 0, storageGb: 0, monthlyKrw: 0 });
