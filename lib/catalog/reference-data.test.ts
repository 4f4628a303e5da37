import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { catalogItems } from '@/db/schema/catalog';
import { getCatalogItem } from './queries';
import { getReferenceData } from './reference-data';

// An inactive item nobody lists or can request: the suite shares one database with files running in parallel.
const probe = (id: string) => ({
  id,
  kind: 'vm' as const,
  nameKo: '참조 데이터 시험',
  nameEn: 'reference probe',
  active: false,
});

describe('reference data cached per process', () => {
  it('is read once and reused while nothing changes', async () => {
    const first = await getReferenceData();
    const second = await getReferenceData();
    // (another file of the suite may change a reference table in between: then it must be read again)
    if (second.version === first.version) expect(second).toBe(first);
    else expect(BigInt(second.version)).toBeGreaterThan(BigInt(first.version));
    expect(first.items.some((item) => item.id === 'vm-standard')).toBe(true);
    expect(first.rateCards.length).toBeGreaterThan(0);
  });

  it('sees a change made by plain SQL, by anyone, on the very next read', async () => {
    const id = `ref-probe-${Date.now()}`;
    await getReferenceData(); // warm
    await getDb().insert(catalogItems).values(probe(id));
    try {
      expect(await getCatalogItem(id)).toMatchObject({ id, active: false });
    } finally {
      await getDb().delete(catalogItems).where(eq(catalogItems.id, id));
    }
    expect(await getCatalogItem(id)).toBeNull();
  });

  it('lets a transaction see its own change, and nobody else once it rolls back', async () => {
    const id = `ref-probe-rb-${Date.now()}`;
    const rollback = new Error('rollback');
    await expect(
      getDb().transaction(async (tx) => {
        await tx.insert(catalogItems).values(probe(id));
        expect(await getCatalogItem(id, tx)).toMatchObject({ id });
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await getCatalogItem(id)).toBeNull();
    // and the cache holds the committed data again
    expect((await getReferenceData()).items.some((item) => item.id === id)).toBe(false);
  });
});
