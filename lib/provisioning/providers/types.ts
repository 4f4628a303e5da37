import type { Footprint } from '@/lib/catalog/estimate';

export type CreateInput = {
  /** the request id: one cloud object per key, so a retry finds what a crashed attempt made */
  idempotencyKey: string;
  name: string;
  kind: 'vm' | 'platform_slot' | 'volume';
  spec: Record<string, unknown>;
  footprint: Footprint;
  poolId: string;
};

export type ProviderState = {
  /** building: not usable yet; active: ready; error: the cloud gave up; gone: no such object */
  state: 'building' | 'active' | 'error' | 'gone';
  /** a finer-grained phase for the live view (scheduling, building, networking...) */
  phase?: string;
  /** 0–100 where the provider can tell */
  progress?: number;
  message?: string;
};

/** What an object uses right now, as the cloud's monitoring reports it. */
export type ProviderUsage = {
  /** CPU busy, 0–100 % of the object's allocated vCPUs */
  cpuPct: number;
  /** RAM in use, GB (at most the allocated RAM) */
  ramUsedGb: number;
  /** disk in use, GB (at most the allocated storage) */
  storageUsedGb: number;
};

/** A cloud the portal provisions into. One implementation per kind; chosen per pool. */
export interface CloudProvider {
  readonly kind: 'simulator';
  /** Starts creating the object, or returns the one already made for this idempotency key. */
  create(input: CreateInput): Promise<{ ref: string }>;
  /** Where the object stands now. */
  status(ref: string): Promise<ProviderState>;
  /** Deletes the object; deleting one that is already gone succeeds. */
  delete(ref: string): Promise<void>;
  /** What the object uses now; all zero while it is building and once it is gone. */
  usage(ref: string): Promise<ProviderUsage>;
}
