import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { approvalTokens, mailOutbox } from '@/db/schema/approvals';
import { approvalSteps } from '@/db/schema/requests';
import { requestSnapshot } from './fixtures';

/**
 * The approval link a person was mailed about a request (the newest 'step-pending' mail to them),
 * read from the outbox the way they would read it: the plain token exists nowhere else.
 */
export async function mailedLink(requestId: string, email: string): Promise<{ url: string; token: string }> {
  const [mail] = await getDb()
    .select({ text: mailOutbox.text })
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.requestId, requestId),
        eq(mailOutbox.toAddress, email),
        eq(mailOutbox.template, 'step-pending'),
      ),
    )
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1);
  const match = mail?.text.match(/(https?:\/\/\S+\/approve\/(apv_[A-Za-z0-9_-]+))/);
  if (!match) throw new Error(`no approval link mailed to ${email} about ${requestId}`);
  return { url: match[1]!, token: match[2]! };
}

/** Every link issued for a request's steps, with all its columns. */
export async function linkRows(requestId: string) {
  return getDb()
    .select({
      id: approvalTokens.id,
      stepId: approvalTokens.stepId,
      userId: approvalTokens.userId,
      tokenHash: approvalTokens.tokenHash,
      expiresAt: approvalTokens.expiresAt,
      usedAt: approvalTokens.usedAt,
      voidedAt: approvalTokens.voidedAt,
    })
    .from(approvalTokens)
    .where(
      inArray(
        approvalTokens.stepId,
        getDb()
          .select({ id: approvalSteps.id })
          .from(approvalSteps)
          .where(eq(approvalSteps.requestId, requestId)),
      ),
    )
    .orderBy(asc(approvalTokens.createdAt), asc(approvalTokens.id));
}

/**
 * Everything an email link could change about a request: its status and line, its audit rows and
 * jobs (requestSnapshot), its links, and the mail written about it.
 */
export async function linkSnapshot(requestId: string) {
  const [mails] = await getDb()
    .select({ n: count() })
    .from(mailOutbox)
    .where(eq(mailOutbox.requestId, requestId));
  return {
    ...(await requestSnapshot(requestId)),
    links: await linkRows(requestId),
    mails: mails?.n ?? 0,
  };
}
