import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { mailOutbox } from '@/db/schema/approvals';
import { URL_IN_TEXT } from './mail-layout';

// Reads of the mail outbox for the dev mailbox (app/(portal)/dev/mailbox): demo mode only, where
// every signed-in user may see every mail the portal wrote. The pages check the mode.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const listColumns = {
  id: mailOutbox.id,
  toAddress: mailOutbox.toAddress,
  toName: mailOutbox.toName,
  template: mailOutbox.template,
  subject: mailOutbox.subject,
  text: mailOutbox.text,
  requestId: mailOutbox.requestId,
  createdAt: mailOutbox.createdAt,
  sentAt: mailOutbox.sentAt,
  transport: mailOutbox.transport,
  attempts: mailOutbox.attempts,
  lastError: mailOutbox.lastError,
};

export type OutboxMailSummary = Awaited<ReturnType<typeof listOutboxMail>>['items'][number];

export type ListOutboxMailOptions = {
  limit: number;
  /** the id of the last mail of the previous page */
  cursor?: string;
};

/** Mail in the outbox, newest first, with keyset pagination on (created, id). */
export async function listOutboxMail({ limit, cursor }: ListOutboxMailOptions) {
  // compared in SQL: created_at keeps microseconds, which a JavaScript Date would round away
  const filters: SQL[] = [];
  if (cursor && UUID.test(cursor)) {
    filters.push(
      sql`(${mailOutbox.createdAt}, ${mailOutbox.id}) < (select o.created_at, o.id from mail_outbox o where o.id = ${cursor})`,
    );
  }
  const rows = await getDb()
    .select(listColumns)
    .from(mailOutbox)
    .where(and(...filters))
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? last.id : null,
  };
}

/** One mail with both its parts, or null (an unknown or malformed id). */
export async function getOutboxMail(id: string) {
  if (!UUID.test(id)) return null;
  const [row] = await getDb()
    .select({ ...listColumns, html: mailOutbox.html })
    .from(mailOutbox)
    .where(eq(mailOutbox.id, id));
  return row ?? null;
}

/** The http(s) addresses in a text part, in order, each once (the links a reader can follow). */
export function linksInText(text: string): string[] {
  return [...new Set(text.match(URL_IN_TEXT) ?? [])];
}
