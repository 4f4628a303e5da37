import type { Tx } from '@/db';
import { mailOutbox } from '@/db/schema/approvals';
import { enqueue } from '@/lib/jobs/enqueue';
import { renderMail } from './render-mail';
import type { MailTemplate, MailTemplates } from './templates';

export type QueueMailOptions<T extends MailTemplate> = {
  template: T;
  to: { email: string; name: string };
  data: MailTemplates[T];
  /** one mail per cause: a second queueMail with the same key does nothing */
  dedupeKey: string;
  requestId?: string;
};

/**
 * Writes a mail to the transactional outbox in the caller's transaction and enqueues its sending
 * there too: a rollback sends nothing, and the `mail.send` job delivers what committed.
 */
export async function queueMail<T extends MailTemplate>(tx: Tx, options: QueueMailOptions<T>): Promise<void> {
  const rendered = renderMail(options.template, options.data);
  const [row] = await tx
    .insert(mailOutbox)
    .values({
      dedupeKey: options.dedupeKey,
      toAddress: options.to.email,
      toName: options.to.name,
      template: options.template,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      requestId: options.requestId ?? null,
    })
    .onConflictDoNothing({ target: mailOutbox.dedupeKey })
    .returning({ id: mailOutbox.id });
  if (row) await enqueue(tx, 'mail.send', { outboxId: row.id }, { singletonKey: row.id });
}
