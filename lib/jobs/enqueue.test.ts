import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { provisioningJobs } from '@/db/testing/fixtures';
import { enqueue } from './enqueue';

class Rollback extends Error {}

describe('enqueue', () => {
  it('leaves no job when the transaction that enqueued it rolls back', async () => {
    const requestId = randomUUID();
    let seenInside = -1;
    await expect(
      getDb().transaction(async (tx) => {
        await enqueue(tx, 'provisioning.create', { requestId }, { singletonKey: requestId });
        const inside = await tx.execute(
          sql`select count(*)::int as n from pgboss.job where data->>'requestId' = ${requestId}`,
        );
        seenInside = Number(inside.rows[0]?.n);
        throw new Rollback('the state change failed');
      }),
    ).rejects.toBeInstanceOf(Rollback);
    expect(seenInside).toBe(1);
    expect(await provisioningJobs(requestId)).toEqual([]);
  });

  it('keeps the job when the transaction commits', async () => {
    const requestId = randomUUID();
    await getDb().transaction(async (tx) => {
      await enqueue(tx, 'provisioning.create', { requestId }, { singletonKey: requestId });
    });
    expect(await provisioningJobs(requestId)).toEqual([
      { name: 'provisioning.create', state: 'created', singleton_key: requestId },
    ]);
    // the job is for nothing real: take it off the queue so no worker tries it
    await getDb().execute(sql`delete from pgboss.job where data->>'requestId' = ${requestId}`);
  });

  it('refuses a payload that does not fit the queue, before anything is sent', async () => {
    await expect(
      getDb().transaction(async (tx) => {
        await enqueue(tx, 'provisioning.create', { requestId: 'not-a-uuid' });
      }),
    ).rejects.toThrow();
    const result = await getDb().execute(
      sql`select count(*)::int as n from pgboss.job where data->>'requestId' = 'not-a-uuid'`,
    );
    expect(Number(result.rows[0]?.n)).toBe(0);
  });
});
