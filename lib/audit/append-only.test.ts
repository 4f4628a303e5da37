import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLog } from '@/db/schema/requests';

// The audit trail is append-only in the database itself (migration 0006): even a connection with
// full rights on the table cannot rewrite or erase history.
describe('audit_log', () => {
  it('accepts new rows and refuses UPDATE, DELETE and TRUNCATE', async () => {
    const db = getDb();
    const [row] = await db
      .insert(auditLog)
      .values({ action: 'test.append_only', entityType: 'test', entityId: 'x', after: { n: 1 } })
      .returning({ id: auditLog.id });
    const refused = async (statement: ReturnType<typeof sql>) =>
      db.execute(statement).then(
        () => 'allowed',
        (error: { cause?: { code?: string; message?: string } }) => error.cause?.message ?? String(error),
      );

    expect(await refused(sql`update audit_log set action = 'rewritten' where id = ${row!.id}`)).toMatch(
      /append-only \(UPDATE refused\)/,
    );
    expect(await refused(sql`delete from audit_log where id = ${row!.id}`)).toMatch(
      /append-only \(DELETE refused\)/,
    );
    expect(await refused(sql`truncate audit_log`)).toMatch(/append-only \(TRUNCATE refused\)/);
    const [still] = (
      await db.execute<{ action: string }>(sql`select action from audit_log where id = ${row!.id}`)
    ).rows;
    expect(still?.action).toBe('test.append_only');
  });
});
