import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { driftFindings } from '@/db/schema/capacity';
import { demoActors, expectAppError, uniqueName } from '@/db/testing/fixtures';
import { activeVm } from '@/lib/resources/test-fixtures';
import { listDriftFindings } from './drift-queries';

let a: Awaited<ReturnType<typeof demoActors>>;
const provider = uniqueName('drift-test');
beforeAll(async () => {
  a = await demoActors();
});
afterAll(async () => {
  await getDb().delete(driftFindings).where(eq(driftFindings.provider, provider));
});

describe('listDriftFindings', () => {
  it('lists open findings with their pool and resource, orphans first; resolved ones are gone', async () => {
    const { resourceId } = await activeVm(a);
    const seen = new Date('2026-11-25T01:00:00Z');
    await getDb()
      .insert(driftFindings)
      .values([
        {
          poolId: 'dc-primary',
          provider,
          kind: 'missing',
          providerRef: 'ref-1',
          name: 'gone-vm',
          resourceId,
        },
        {
          poolId: 'dc-primary',
          provider,
          kind: 'orphan',
          providerRef: 'ref-2',
          name: 'stray',
          firstSeenAt: seen,
        },
        {
          poolId: 'dc-primary',
          provider,
          kind: 'orphan',
          providerRef: 'ref-3',
          name: 'old',
          resolvedAt: seen,
        },
      ]);

    const mine = (await listDriftFindings({ actor: a.admin })).filter((f) => f.provider === provider);

    expect(mine.map((f) => [f.kind, f.providerRef])).toEqual([
      ['orphan', 'ref-2'],
      ['missing', 'ref-1'],
    ]);
    expect(mine[0]).toMatchObject({
      poolName: expect.any(String),
      resourceId: null,
      firstSeenAt: seen.toISOString(),
    });
    expect(mine[1]).toMatchObject({ resourceId, resourceName: expect.any(String) });
  });

  it('is for admins only', async () => {
    await expectAppError(listDriftFindings({ actor: a.planner }), 'forbidden', 403);
  });
});
