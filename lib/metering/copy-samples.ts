import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { UsageSample } from './ingest-samples';

// A batch of samples on its way in: checked, deduplicated and sorted here, then sent with
// `COPY … FROM STDIN (FORMAT binary)` into a session-local staging table (metering_ingest), from which
// lib/metering/ingest-samples.ts inserts the raw rows and rolls them up set-based. Binary, because
// parsing 20,000 timestamps and uuids from text costs PostgreSQL more than storing them.

/** The staging table: the raw table's columns, no index, emptied at every commit. */
export const STAGING_TABLE = 'metering_ingest';

/** The raw columns the stream carries, in its order (named, so a column added later cannot shift them). */
export const SAMPLE_COLUMNS = `resource_id, sampled_at, interval_s, pool_id, department_id, system_id,
  vcpu, ram_gb, storage_gb, cpu_pct, ram_used_gb, storage_used_gb`;

/**
 * The session's staging table, made by the first batch of each connection and kept: temporary, so it
 * is per session, never logged and invisible to other connections; emptied at every commit. Run inside
 * each batch's transaction (a no-op once it exists), so it holds even behind a transaction pooler.
 */
export const createStagingTable = `create temp table if not exists ${STAGING_TABLE} (like metering_samples) on commit delete rows`;

/** A batch ready for COPY: the binary stream and what is known of its rows. */
export type EncodedBatch = {
  /** distinct (resource, instant) rows in the stream */
  rows: number;
  /** at most one sample per resource and Seoul hour: the hourly rollup needs no grouping */
  onePerHour: boolean;
  /** the first and the last hour the samples fall in */
  firstHour: Date;
  lastHour: Date;
  copy: Buffer;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOUR_MS = 3_600_000;
/** PostgreSQL's timestamp epoch (2000-01-01 UTC) in Unix milliseconds */
const PG_EPOCH_MS = 946_684_800_000;
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
/** 12 fields: 3 uuids (16 bytes), a timestamp (8), 7 four-byte numbers, the pool's name */
const FIXED_ROW_BYTES = 2 + 12 * 4 + 3 * 16 + 8 + 7 * 4;

const clamp = (x: number, lo: number, hi: number) =>
  Number.isFinite(x) ? Math.min(hi, Math.max(lo, x)) : lo;

/** A uuid's 16 bytes; anything that is not a uuid is refused before it reaches SQL. */
function uuidBytes(value: string, cache: Map<string, Buffer>): Buffer {
  let bytes = cache.get(value);
  if (!bytes) {
    if (!UUID.test(value)) throw new Error(`not a uuid: ${value}`);
    bytes = Buffer.from(value.replaceAll('-', ''), 'hex');
    cache.set(value, bytes);
  }
  return bytes;
}

/**
 * The samples as one binary COPY stream in the staging table's column order, sorted by (instant,
 * resource) — the raw key's order, so concurrent batches take their row locks in one order — with
 * a sample sent twice in the batch kept once (the first).
 */
export function encodeBatch(samples: UsageSample[]): EncodedBatch {
  const uuids = new Map<string, Buffer>();
  const pools = new Map<string, Buffer>();
  // Phase 1: each resource's rank in uuid order (as PostgreSQL orders uuids: by their bytes), then
  // the samples sorted by (instant, rank) and repeats dropped
  const resources = new Map<string, number>();
  for (const s of samples) {
    const canonical = s.resourceId.toLowerCase();
    if (!resources.has(canonical)) {
      uuidBytes(canonical, uuids);
      resources.set(canonical, 0);
    }
  }
  const order = [...resources.keys()].sort();
  for (const [rank, id] of order.entries()) resources.set(id, rank);
  const keyed = samples.map((s) => {
    const id = s.resourceId.toLowerCase();
    return { s, id, at: s.sampledAt.getTime(), rank: resources.get(id)! };
  });
  keyed.sort((a, b) => a.at - b.at || a.rank - b.rank);
  const rows: typeof keyed = [];
  // the same resource twice in one Seoul hour? (Seoul is UTC+9: its hours are UTC's)
  const lastHour = new Float64Array(order.length).fill(Number.NaN);
  let onePerHour = true;
  let bytes = SIGNATURE.length + 8 + 2;
  for (const k of keyed) {
    const last = rows.at(-1);
    if (last && last.at === k.at && last.rank === k.rank) continue;
    rows.push(k);
    const hour = Math.floor(k.at / HOUR_MS);
    if (lastHour[k.rank] === hour) onePerHour = false;
    lastHour[k.rank] = hour;
    let pool = pools.get(k.s.poolId);
    if (!pool) {
      pool = Buffer.from(k.s.poolId, 'utf8');
      pools.set(k.s.poolId, pool);
    }
    bytes += FIXED_ROW_BYTES + pool.length;
  }

  // Phase 2: the binary stream (header, one tuple per row, trailer), written through a DataView
  const buf = Buffer.allocUnsafe(bytes);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  buf.set(SIGNATURE, 0);
  let o = SIGNATURE.length;
  view.setInt32(o, 0); // flags
  view.setInt32(o + 4, 0); // header extension length
  o += 8;
  const field = (b: Uint8Array) => {
    view.setInt32(o, b.length);
    buf.set(b, o + 4);
    o += 4 + b.length;
  };
  const int4 = (x: number) => {
    view.setInt32(o, 4);
    view.setInt32(o + 4, x);
    o += 8;
  };
  const float4 = (x: number) => {
    view.setInt32(o, 4);
    view.setFloat32(o + 4, x);
    o += 8;
  };
  for (const { s, at, id } of rows) {
    view.setInt16(o, 12);
    o += 2;
    field(uuids.get(id)!);
    // timestamptz: microseconds since 2000-01-01 UTC, a signed 64-bit integer
    const micros = (at - PG_EPOCH_MS) * 1000;
    const high = Math.floor(micros / 2 ** 32);
    view.setInt32(o, 8);
    view.setInt32(o + 4, high);
    view.setUint32(o + 8, micros - high * 2 ** 32);
    o += 12;
    int4(Math.round(clamp(s.intervalS, 1, 86_400)));
    field(pools.get(s.poolId)!);
    field(uuidBytes(s.departmentId, uuids));
    field(uuidBytes(s.systemId, uuids));
    int4(Math.round(clamp(s.vcpu, 0, 1e6)));
    int4(Math.round(clamp(s.ramGb, 0, 1e7)));
    int4(Math.round(clamp(s.storageGb, 0, 1e9)));
    float4(clamp(s.cpuPct, 0, 100));
    float4(clamp(s.ramUsedGb, 0, 1e7));
    float4(clamp(s.storageUsedGb, 0, 1e9));
  }
  view.setInt16(o, -1);
  o += 2;
  const hourOf = (k: (typeof rows)[number] | undefined) =>
    new Date(Math.floor((k?.at ?? 0) / HOUR_MS) * HOUR_MS);
  return {
    rows: rows.length,
    onePerHour,
    firstHour: hourOf(rows[0]),
    lastHour: hourOf(rows.at(-1)),
    copy: buf.subarray(0, o),
  };
}

/** Sends an encoded batch into the session's staging table (inside the caller's transaction). */
export async function copyIntoStaging(client: PoolClient, batch: EncodedBatch): Promise<void> {
  await pipeline(
    Readable.from([batch.copy]),
    client.query(copyFrom(`copy ${STAGING_TABLE} (${SAMPLE_COLUMNS}) from stdin (format binary)`)),
  );
}
