import { asc, desc, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { type Db, getDb, type Tx } from '@/db';
import { approvalPolicies } from '@/db/schema/approvals';
import { catalogItems, flavors, osImages, rateCards, ratePrices, runtimes } from '@/db/schema/catalog';
import { departments } from '@/db/schema/org';
import type { RatePrices } from './estimate';
import type { CatalogOptions } from './spec-schemas';

type Runner = Db | Tx;

/** The reference data every request reads and admins rarely change, as one consistent value. */
export type ReferenceData = {
  version: string;
  items: (typeof catalogItems.$inferSelect)[];
  options: CatalogOptions;
  /** every rate card, latest effective date first */
  rateCards: { id: string; name: string; effectiveFrom: string; prices: RatePrices }[];
  /** the stored policy of the highest version, unparsed (null: none saved yet) */
  policyRow: typeof approvalPolicies.$inferSelect | null;
  departments: { id: string; code: string }[];
};

const emptyPrices = (): RatePrices => ({
  vcpu: 0,
  ram_gb: 0,
  storage_gb: 0,
  platform_instance: 0,
  dr_backup_pct: 0,
  dr_replicated_pct: 0,
});

const globalForReference = globalThis as unknown as { dcloudReference?: Promise<ReferenceData> };

/**
 * The reference data (catalogue items and options, rate cards, the approval policy in force,
 * department codes), cached per process and checked on every use against `reference_version`:
 * a row a trigger moves to a fresh sequence value in every transaction that writes one of those
 * tables (migration 0008). One round trip when nothing changed, whoever changed it (an admin page
 * in another process, a seed, plain SQL); a changing transaction sees its own writes.
 */
export async function getReferenceData(db: Runner = getDb()): Promise<ReferenceData> {
  const version = await currentVersion(db);
  const cached = globalForReference.dcloudReference;
  if (cached) {
    const data = await cached.catch(() => null);
    if (data?.version === version) return data;
  }
  // labelled with the version read before loading: what loads is that version or newer, and a
  // version once superseded is never read again, so a label can only be paired with its own data
  // or data that was already current for whoever reads it
  const loading = loadReferenceData(db, version);
  globalForReference.dcloudReference = loading;
  return loading;
}

async function currentVersion(db: Runner): Promise<string> {
  const result = await db.execute<{ version: string }>(sql`select version::text from reference_version`);
  return result.rows[0]?.version ?? '0';
}

type Reads = Record<string, () => Promise<unknown>>;
type Loaded<T extends Reads> = { [K in keyof T]: Awaited<ReturnType<T[K]>> };

/** Runs named reads side by side on the pool, or one at a time on a transaction's single connection. */
async function readAll<T extends Reads>(db: Runner, reads: T): Promise<Loaded<T>> {
  const entries = Object.entries(reads);
  const values: unknown[] = [];
  if (db instanceof PgTransaction) for (const [, read] of entries) values.push(await read());
  else values.push(...(await Promise.all(entries.map(([, read]) => read()))));
  return Object.fromEntries(entries.map(([name], i) => [name, values[i]])) as Loaded<T>;
}

async function loadReferenceData(db: Runner, version: string): Promise<ReferenceData> {
  const { items, flavorRows, imageRows, runtimeRows, cards, prices, policies, departmentRows } =
    await readAll(db, {
      items: () => db.select().from(catalogItems).orderBy(asc(catalogItems.sortOrder)),
      flavorRows: () =>
        db
          .select({ id: flavors.id, name: flavors.name, vcpu: flavors.vcpu, ramGb: flavors.ramGb })
          .from(flavors)
          .orderBy(asc(flavors.sortOrder)),
      imageRows: () =>
        db
          .select({ id: osImages.id, name: osImages.name, licenseMonthlyKrw: osImages.licenseMonthlyKrw })
          .from(osImages)
          .orderBy(asc(osImages.sortOrder)),
      runtimeRows: () =>
        db.select({ id: runtimes.id, name: runtimes.name }).from(runtimes).orderBy(asc(runtimes.sortOrder)),
      cards: () =>
        db
          .select({ id: rateCards.id, name: rateCards.name, effectiveFrom: rateCards.effectiveFrom })
          .from(rateCards)
          .orderBy(desc(rateCards.effectiveFrom)),
      prices: () => db.select().from(ratePrices),
      policies: () => db.select().from(approvalPolicies).orderBy(desc(approvalPolicies.version)).limit(1),
      departmentRows: () => db.select({ id: departments.id, code: departments.code }).from(departments),
    });
  const policyRow = policies[0];
  return {
    version,
    items,
    options: { flavors: flavorRows, images: imageRows, runtimes: runtimeRows },
    rateCards: cards.map((card) => {
      const cardPrices = emptyPrices();
      for (const row of prices) {
        if (row.rateCardId === card.id && row.unit in cardPrices)
          cardPrices[row.unit as keyof RatePrices] = row.priceKrw;
      }
      return { ...card, prices: cardPrices };
    }),
    policyRow: policyRow ?? null,
    departments: departmentRows,
  };
}
