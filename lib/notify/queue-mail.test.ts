import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { mailOutbox } from '@/db/schema/approvals';
import { demoActors, submitVm, uniqueName } from '@/db/testing/fixtures';
import { queueMail } from './queue-mail';
import { loadRequestSummary } from './request-summary';

// The transactional outbox: a mail exists (with its `mail.send` job) only if the transaction that
// caused it commits, and one cause makes one mail.

let a: Awaited<ReturnType<typeof demoActors>>;
beforeAll(async () => {
  a = await demoActors();
});

const rowsFor = (dedupeKey: string) =>
  getDb().select({ id: mailOutbox.id }).from(mailOutbox).where(eq(mailOutbox.dedupeKey, dedupeKey));

async function jobsFor(outboxIds: string[]): Promise<number> {
  if (outboxIds.length === 0) return 0;
  const result = await getDb().execute<{ n: number }>(
    sql`select count(*)::int as n from pgboss.job where name = 'mail.send'
        and data->>'outboxId' in (${sql.join(
          outboxIds.map((id) => sql`${id}`),
          sql`, `,
        )})`,
  );
  return Number(result.rows[0]?.n);
}

describe('queueMail', () => {
  it('leaves no mail and no job when the transaction rolls back', async () => {
    const request = await submitVm(a.staff);
    const dedupeKey = uniqueName('rollback');
    const failure = new Error('the state change failed after the mail was queued');
    await expect(
      getDb().transaction(async (tx) => {
        const summary = await loadRequestSummary(tx, request.id);
        await queueMail(tx, {
          template: 'request-approved',
          to: summary.requester,
          dedupeKey,
          requestId: request.id,
          data: summary,
        });
        expect(await tx.select().from(mailOutbox).where(eq(mailOutbox.dedupeKey, dedupeKey))).toHaveLength(1);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await rowsFor(dedupeKey)).toEqual([]);
  });

  it('writes one mail and one job per cause, however often it is queued', async () => {
    const request = await submitVm(a.staff);
    const dedupeKey = uniqueName('once');
    for (let i = 0; i < 2; i++) {
      await getDb().transaction(async (tx) => {
        const summary = await loadRequestSummary(tx, request.id);
        await queueMail(tx, {
          template: 'request-approved',
          to: summary.requester,
          dedupeKey,
          requestId: request.id,
          data: summary,
        });
      });
    }
    const rows = await rowsFor(dedupeKey);
    expect(rows).toHaveLength(1);
    expect(await jobsFor(rows.map((r) => r.id))).toBe(1);
  });
});
