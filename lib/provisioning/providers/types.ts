import type { Footprint } from '@/lib/catalog/estimate';

export type ProviderKind = 'simulator' | 'openstack' | 'kubernetes';

export type ResourceKind = 'vm' | 'platform_slot' | 'volume';

export type CreateInput = {
  /** the request id: one cloud object per key, so a retry finds what a crashed attempt made */
  idempotencyKey: string;
  /** the cloud object's name; it also carries the idempotency key (`<name>--<key>`) */
  name: string;
  kind: ResourceKind;
  /** the request's validated spec (vm: flavor, image, diskGb; platform_slot: runtime, instances, cpuPerInstance, memoryGbPerInstance; volume: sizeGb) */
  spec: Record<string, unknown>;
  footprint: Footprint;
  poolId: string;
  /** labels/metadata the cloud object carries (department code, system id, request id...) */
  labels: Record<string, string>;
  /** platform slots: the department's group that may deploy to the namespace */
  departmentGroup?: string;
};

export type ProviderState = {
  /** building: not usable yet; active: ready; resizing: a resize is under way; error: the cloud gave up; gone: no such object */
  state: 'building' | 'active' | 'resizing' | 'error' | 'gone';
  /** a finer-grained phase for the live view (scheduling, building, networking...) */
  phase?: string;
  /** 0–100 where the provider can tell */
  progress?: number;
  message?: string;
  /** how to reach the object once active, shown on the resource page (e.g. { address } or { apiServer, namespace }) */
  access?: Record<string, string>;
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

/** One object the cloud holds that the portal may have made (for the reconciler). */
export type ProviderObject = {
  ref: string;
  name: string;
  /** the portal's idempotency key (request id) when the object carries one; null for objects made elsewhere */
  idempotencyKey: string | null;
  state: ProviderState['state'];
};

/** A project's or cluster's limits and what is in use, as the cloud reports them. */
export type ProviderQuota = {
  vcpu: { limit: number | null; used: number };
  ramGb: { limit: number | null; used: number };
  instances: { limit: number | null; used: number };
};

/** Replication to the DR site, as the provider reports it. */
export type DrState = {
  replicaSite: string;
  state: 'syncing' | 'in_sync' | 'lagging' | 'broken';
  lastSyncAt: string | null;
  lagSeconds: number | null;
};

export type ResizeInput = { spec: Record<string, unknown>; footprint: Footprint };

/** A cloud the portal provisions into. One implementation per kind; chosen per pool. */
export interface CloudProvider {
  readonly kind: ProviderKind;
  /** Starts creating the object, or returns the one already made for this idempotency key. */
  create(input: CreateInput): Promise<{ ref: string }>;
  /** The object made for this idempotency key, if any (a retry after a crash looks here first). */
  findByKey(idempotencyKey: string): Promise<{ ref: string } | null>;
  /** Where the object stands now. */
  status(ref: string): Promise<ProviderState>;
  /** Starts a resize to a new spec; `status` reports `resizing` until it is active again (confirmed where the cloud asks for it). */
  resize(ref: string, input: ResizeInput): Promise<void>;
  /** Deletes the object; deleting one that is already gone succeeds. */
  delete(ref: string): Promise<void>;
  /** What the object uses now; all zero while it is building and once it is gone. */
  usage(ref: string): Promise<ProviderUsage>;
  /** Every object in this cloud the portal could own (for drift detection). */
  list(): Promise<ProviderObject[]>;
  /** The cloud's own limits and usage, where it has them. */
  quota(): Promise<ProviderQuota | null>;
  /** DR replication state of an object replicated to the DR site; null where the provider cannot tell. */
  drStatus(ref: string): Promise<DrState | null>;
}

/**
 * Every provider error, mapped to a closed reason. `transient` errors are retried with backoff;
 * the others fail the request at once with a reason the requester can read.
 */
export type ProviderErrorCode =
  | 'auth_failed' // credentials refused, token revoked and renewal refused
  | 'forbidden' // the account may not do this
  | 'not_found' // the object, flavour or image does not exist
  | 'quota_exceeded' // the project's or namespace's quota is used up
  | 'no_capacity' // no host can take it (NoValidHost)
  | 'invalid_request' // the cloud refused the body
  | 'conflict' // the object is in a state that forbids this now
  | 'unavailable' // 5xx, connection refused or reset
  | 'timeout'; // no answer in time

const TRANSIENT: ReadonlySet<ProviderErrorCode> = new Set(['unavailable', 'timeout', 'conflict']);

export class ProviderError extends Error {
  readonly code: ProviderErrorCode;
  readonly transient: boolean;
  /** the HTTP status the cloud answered, where there was one */
  readonly status?: number;

  constructor(code: ProviderErrorCode, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'ProviderError';
    this.code = code;
    this.transient = TRANSIENT.has(code);
    this.status = options.status;
  }
}

export function isProviderError(error: unknown): error is ProviderError {
  return error instanceof ProviderError;
}
