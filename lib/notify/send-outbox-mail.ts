import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { getDb } from '@/db';
import { mailOutbox } from '@/db/schema/approvals';

export type SendOutboxMailOptions = { outboxId: string };

let transport: nodemailer.Transporter | null = null;
function smtp(): nodemailer.Transporter | null {
  if (!process.env.SMTP_URL) return null;
  transport ??= nodemailer.createTransport(process.env.SMTP_URL);
  return transport;
}

/**
 * Job `mail.send`: delivers one outbox row. The row is locked while it is sent and marked sent in
 * the same transaction, so two workers never both send it and a retry after success sends nothing.
 * Without SMTP_URL (embedded mode) the mail goes to the dev mailbox: it is marked delivered there.
 */
export async function sendOutboxMail({ outboxId }: SendOutboxMailOptions): Promise<void> {
  const failure = await getDb().transaction(async (tx) => {
    const [mail] = await tx
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.id, outboxId))
      .for('update', { skipLocked: true });
    if (!mail || mail.sentAt) return;
    const transporter = smtp();
    try {
      if (transporter) {
        await transporter.sendMail({
          from: process.env.MAIL_FROM ?? 'D-클라우드 포털 <no-reply@dcloud.example>',
          to: mail.toName ? { name: mail.toName, address: mail.toAddress } : mail.toAddress,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: `<${mail.id}@dcloud-portal>`,
        });
      }
    } catch (error) {
      // record the attempt (committed), then let the job retry with backoff
      await tx
        .update(mailOutbox)
        .set({ attempts: mail.attempts + 1, lastError: String(error).slice(0, 500) })
        .where(eq(mailOutbox.id, outboxId));
      return error;
    }
    await tx
      .update(mailOutbox)
      .set({ sentAt: new Date(), transport: transporter ? 'smtp' : 'devbox', attempts: mail.attempts + 1 })
      .where(eq(mailOutbox.id, outboxId));
    return null;
  });
  if (failure) throw failure;
}
