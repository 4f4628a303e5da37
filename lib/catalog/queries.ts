import { asc, eq } from 'drizzle-orm';
import { type Db, getDb, type Tx } from '@/db';
import { catalogItems } from '@/db/schema/catalog';
import { AppError } from '@/lib/errors/app-error';
import type { RatePrices } from './estimate';
import { getReferenceData, type ReferenceData } from './reference-data';
import type { CatalogOptions } from './spec-schemas';

/** The options specs choose from; pass the transaction when called inside one (a pooled connection is not free to take). */
export async function getCatalogOptions(db: Db | Tx = getDb()): Promise<CatalogOptions> {
  return (await getReferenceData(db)).options;
}

/** The rate card in force on `on` (latest effective_from ≤ on), from reference data already read. */
export function rateCardOn(reference: ReferenceData, on: Date = new Date()) {
  const day = on.toISOString().slice(0, 10);
  const card = reference.rateCards.find((c) => c.effectiveFrom <= day);
  if (!card) throw new AppError('rule', { messageKey: 'noRateCard' });
  return { id: card.id, name: card.name, prices: { ...card.prices } };
}

/** The rate card in force on `on` (latest effective_from ≤ on). */
export async function getRateCard(
  on: Date = new Date(),
  db: Db | Tx = getDb(),
): Promise<{ id: string; name: string; prices: RatePrices }> {
  return rateCardOn(await getReferenceData(db), on);
}

export async function listCatalogItems() {
  return getDb()
    .select()
    .from(catalogItems)
    .where(eq(catalogItems.active, true))
    .orderBy(asc(catalogItems.sortOrder));
}

export async function getCatalogItem(id: string, db: Db | Tx = getDb()) {
  return (await getReferenceData(db)).items.find((item) => item.id === id) ?? null;
}
