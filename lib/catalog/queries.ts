import { asc, desc, eq, lte } from 'drizzle-orm';
import { type Db, getDb, type Tx } from '@/db';
import { catalogItems, flavors, osImages, rateCards, ratePrices, runtimes } from '@/db/schema/catalog';
import { AppError } from '@/lib/errors/app-error';
import type { RatePrices } from './estimate';
import type { CatalogOptions } from './spec-schemas';

/** The options specs choose from; pass the transaction when called inside one (a pooled connection is not free to take). */
export async function getCatalogOptions(db: Db | Tx = getDb()): Promise<CatalogOptions> {
  const [f, i, r] = await Promise.all([
    db
      .select({ id: flavors.id, name: flavors.name, vcpu: flavors.vcpu, ramGb: flavors.ramGb })
      .from(flavors)
      .orderBy(asc(flavors.sortOrder)),
    db
      .select({ id: osImages.id, name: osImages.name, licenseMonthlyKrw: osImages.licenseMonthlyKrw })
      .from(osImages)
      .orderBy(asc(osImages.sortOrder)),
    db.select({ id: runtimes.id, name: runtimes.name }).from(runtimes).orderBy(asc(runtimes.sortOrder)),
  ]);
  return { flavors: f, images: i, runtimes: r };
}

/** The rate card in force on `on` (latest effective_from ≤ on). */
export async function getRateCard(
  on: Date = new Date(),
): Promise<{ id: string; name: string; prices: RatePrices }> {
  const db = getDb();
  const day = on.toISOString().slice(0, 10);
  const [card] = await db
    .select({ id: rateCards.id, name: rateCards.name })
    .from(rateCards)
    .where(lte(rateCards.effectiveFrom, day))
    .orderBy(desc(rateCards.effectiveFrom))
    .limit(1);
  if (!card) throw new AppError('rule', { messageKey: 'noRateCard' });
  const rows = await db
    .select({ unit: ratePrices.unit, priceKrw: ratePrices.priceKrw })
    .from(ratePrices)
    .where(eq(ratePrices.rateCardId, card.id));
  const prices: RatePrices = {
    vcpu: 0,
    ram_gb: 0,
    storage_gb: 0,
    platform_instance: 0,
    dr_backup_pct: 0,
    dr_replicated_pct: 0,
  };
  for (const row of rows) if (row.unit in prices) prices[row.unit as keyof RatePrices] = row.priceKrw;
  return { ...card, prices };
}

export async function listCatalogItems() {
  return getDb()
    .select()
    .from(catalogItems)
    .where(eq(catalogItems.active, true))
    .orderBy(asc(catalogItems.sortOrder));
}

export async function getCatalogItem(id: string) {
  const [item] = await getDb().select().from(catalogItems).where(eq(catalogItems.id, id));
  return item ?? null;
}
