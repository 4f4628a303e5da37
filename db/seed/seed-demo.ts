import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { catalogItems, flavors, osImages, pools, rateCards, ratePrices, runtimes } from '@/db/schema/catalog';
import { businessSystems, departments, userRoles, users } from '@/db/schema/org';
import { DEMO_PASSWORD } from '@/lib/auth/demo';
import { hashPassword } from '@/lib/auth/password';
import * as demo from './demo-data';
import { seedDemoHistory } from './demo-history';

/** Loads the demo city. Every insert is keyed and skips what exists, so loading twice changes nothing. */
export async function seedDemo(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(departments)
      .values(demo.demoDepartments.map((d) => ({ ...demo.demoDepartmentQuota, ...d })))
      .onConflictDoNothing({ target: departments.code });
    const deptRows = await tx.select({ id: departments.id, code: departments.code }).from(departments);
    const deptId = (code: string) => deptRows.find((d) => d.code === code)!.id;

    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const user of demo.demoUsers) {
      const [row] = await tx
        .insert(users)
        .values({ email: user.email, name: user.name, departmentId: deptId(user.department), passwordHash })
        .onConflictDoNothing({ target: users.email })
        .returning({ id: users.id });
      if (row) {
        await tx
          .insert(userRoles)
          .values(user.roles.map((role) => ({ userId: row.id, role })))
          .onConflictDoNothing();
      }
    }

    await tx
      .insert(catalogItems)
      .values([...demo.demoCatalogItems])
      .onConflictDoNothing();
    await tx
      .insert(flavors)
      .values(demo.demoFlavors.map((f, i) => ({ ...f, sortOrder: i })))
      .onConflictDoNothing();
    await tx
      .insert(osImages)
      .values(demo.demoImages.map((f, i) => ({ ...f, sortOrder: i })))
      .onConflictDoNothing();
    await tx
      .insert(runtimes)
      .values(demo.demoRuntimes.map((f, i) => ({ ...f, sortOrder: i })))
      .onConflictDoNothing();

    const [card] = await tx
      .insert(rateCards)
      .values({ name: demo.demoRateCard.name, effectiveFrom: demo.demoRateCard.effectiveFrom })
      .onConflictDoNothing({ target: rateCards.effectiveFrom })
      .returning({ id: rateCards.id });
    if (card) {
      await tx.insert(ratePrices).values(
        Object.entries(demo.demoRateCard.prices).map(([unit, priceKrw]) => ({
          rateCardId: card.id,
          unit,
          priceKrw,
        })),
      );
    }

    await tx
      .insert(pools)
      .values([...demo.demoPools])
      .onConflictDoNothing();
    for (const system of demo.demoSystems) {
      await tx
        .insert(businessSystems)
        .values({
          code: system.code,
          name: system.name,
          description: system.description,
          departmentId: deptId(system.department),
        })
        .onConflictDoNothing({ target: businessSystems.code });
    }
    // six years of D-Cloud (2016–2021) for the cost model: 78 systems, their months, the pool's investments
    await seedDemoHistory(tx);
  });
}

/** True when the database has no departments yet (a fresh install). */
export async function isEmpty(db: Db): Promise<boolean> {
  const rows = await db
    .select({ id: departments.id })
    .from(departments)
    .where(eq(departments.isItDivision, true))
    .limit(1);
  return rows.length === 0;
}
