import { boolean, date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { catalogKindEnum, poolSiteEnum } from './enums';

/** A catalogue item a department can request. Options (flavours, images, runtimes) hang off it. */
export const catalogItems = pgTable('catalog_items', {
  id: text('id').primaryKey(),
  kind: catalogKindEnum('kind').notNull(),
  nameKo: text('name_ko').notNull(),
  nameEn: text('name_en').notNull(),
  descriptionKo: text('description_ko').notNull().default(''),
  descriptionEn: text('description_en').notNull().default(''),
  sortOrder: integer('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
});

export const flavors = pgTable('flavors', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  vcpu: integer('vcpu').notNull(),
  ramGb: integer('ram_gb').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

export const osImages = pgTable('os_images', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** licence surcharge per month, integer KRW */
  licenseMonthlyKrw: integer('license_monthly_krw').notNull().default(0),
  sortOrder: integer('sort_order').notNull().default(0),
});

export const runtimes = pgTable('runtimes', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** A versioned price list; the card in force on a date is the one with the latest effective_from ≤ date. */
export const rateCards = pgTable('rate_cards', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  effectiveFrom: date('effective_from').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Unit prices in integer KRW per month: vcpu, ram_gb, storage_gb, platform_instance, dr_backup_pct, dr_replicated_pct. */
export const ratePrices = pgTable(
  'rate_prices',
  {
    rateCardId: uuid('rate_card_id')
      .notNull()
      .references(() => rateCards.id, { onDelete: 'cascade' }),
    unit: text('unit').notNull(),
    priceKrw: integer('price_krw').notNull(),
  },
  (t) => [primaryKey({ columns: [t.rateCardId, t.unit] })],
);

/** The primary data centre and the DR site. Capacity = physical cores × overcommit. */
export const pools = pgTable('pools', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  site: poolSiteEnum('site').notNull(),
  physicalCores: integer('physical_cores').notNull(),
  /** overcommit ratio × 100 (e.g. 400 = 4:1), kept integer */
  overcommitPct: integer('overcommit_pct').notNull().default(400),
  capacityRamGb: integer('capacity_ram_gb').notNull(),
  capacityStorageGb: integer('capacity_storage_gb').notNull(),
  /** the cloud VMs and volumes are made in: simulator · openstack (an admin setting; credentials from the environment) */
  provider: text('provider').notNull().default('simulator'),
  /** the cloud platform slots are made in: simulator · kubernetes */
  platformProvider: text('platform_provider').notNull().default('simulator'),
});
