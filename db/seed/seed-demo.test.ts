import { count } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, inject, it } from 'vitest';
import { getDb } from '@/db';
import { catalogItems, flavors, osImages, pools, rateCards, ratePrices, runtimes } from '@/db/schema/catalog';
import { businessSystems, departments, userRoles, users } from '@/db/schema/org';
import { demoEmails } from '@/db/testing/fixtures';
import { verifyCredentials } from '@/lib/auth/verify-credentials';
import { getCatalog } from '@/lib/catalog/get-catalog';
import { prepareDatabase } from '@/scripts/prepare-database';
import { demoDepartments, demoSystems, demoUsers } from './demo-data';
import { isEmpty, seedDemo } from './seed-demo';

const seeded: Record<string, PgTable> = {
  departments,
  users,
  user_roles: userRoles,
  business_systems: businessSystems,
  catalog_items: catalogItems,
  flavors,
  os_images: osImages,
  runtimes,
  rate_cards: rateCards,
  rate_prices: ratePrices,
  pools,
};

async function rowCounts() {
  const db = getDb();
  const entries = await Promise.all(
    Object.entries(seeded).map(async ([name, table]) => {
      const [row] = await db.select({ n: count() }).from(table);
      return [name, row!.n] as const;
    }),
  );
  return Object.fromEntries(entries);
}

async function demoPasswordHashes() {
  return (await getDb().select({ email: users.email, hash: users.passwordHash }).from(users)).sort((x, y) =>
    x.email.localeCompare(y.email),
  );
}

describe('the demo city', () => {
  it('has every department, demo account and system, and a priced catalogue', async () => {
    const counts = await rowCounts();
    expect(counts.departments).toBeGreaterThanOrEqual(demoDepartments.length);
    expect(counts.users).toBeGreaterThanOrEqual(demoUsers.length);
    expect(counts.business_systems).toBeGreaterThanOrEqual(demoSystems.length);
    expect(counts.pools).toBe(2);
    expect(await isEmpty(getDb())).toBe(false);
    const catalog = await getCatalog();
    expect(catalog.items.map((i) => i.kind)).toEqual(['vm', 'platform_slot', 'volume']);
  });

  it.each(Object.values(demoEmails))('lets %s sign in with the demo password', async (email) => {
    expect(await verifyCredentials({ email, password: 'dcloud-demo' })).toEqual(expect.any(String));
  });

  it('changes nothing when it is loaded again', async () => {
    const before = await rowCounts();
    const hashes = await demoPasswordHashes();
    await seedDemo(getDb());
    await seedDemo(getDb());
    expect(await rowCounts()).toEqual(before);
    expect(await demoPasswordHashes()).toEqual(hashes);
  });

  it('changes nothing when the whole start-up preparation runs again', async () => {
    const before = await rowCounts();
    await prepareDatabase(inject('databaseUrl'), { seed: true });
    expect(await rowCounts()).toEqual(before);
  });
});
