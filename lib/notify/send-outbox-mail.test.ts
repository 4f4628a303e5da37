import { and, eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { mailOutbox } from '@/db/schema/approvals';
import { demoActors, demoEmails, retireStrayApprovers, submitVm } from '@/db/testing/fixtures';
import { mailedLink } from '@/db/testing/mail-links';
import { type SmtpSink, startSmtpSink } from '@/e2e/support/smtp-sink';
import { findApprovalLink } from '@/lib/approvals/find-approval-link';
import { sendOutboxMail } from './send-outbox-mail';

// The `mail.send` job over real SMTP: a server from the smtp-server package on 127.0.0.1, the mail
// read back with mailparser as a mail client would.

let a: Awaited<ReturnType<typeof demoActors>>;
let sink: SmtpSink;
const previousSmtpUrl = process.env.SMTP_URL;

beforeAll(async () => {
  await retireStrayApprovers();
  a = await demoActors();
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
});

afterAll(async () => {
  if (previousSmtpUrl === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = previousSmtpUrl;
  await sink?.close();
});

async function pendingMail(requestId: string, to: string) {
  const [row] = await getDb()
    .select()
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.requestId, requestId),
        eq(mailOutbox.toAddress, to),
        eq(mailOutbox.template, 'step-pending'),
      ),
    );
  if (!row) throw new Error(`no step-pending mail to ${to}`);
  return row;
}

describe('sending a mail of the outbox', () => {
  it('delivers it once over SMTP, however often the job runs', async () => {
    const request = await submitVm(a.staff);
    const outbox = await pendingMail(request.id, demoEmails.head);
    const received = sink.messages.length;

    await sendOutboxMail({ outboxId: outbox.id });
    await sendOutboxMail({ outboxId: outbox.id });
    // two workers at once: the row lock lets one through, and it is already sent
    await Promise.all([sendOutboxMail({ outboxId: outbox.id }), sendOutboxMail({ outboxId: outbox.id })]);

    expect(sink.messages.length - received).toBe(1);
    const [sent] = await getDb().select().from(mailOutbox).where(eq(mailOutbox.id, outbox.id));
    expect(sent).toMatchObject({ transport: 'smtp', attempts: 1, lastError: null });
    expect(sent?.sentAt).toBeInstanceOf(Date);
  });

  it('sends a Korean mail with a text and an HTML part, both carrying the approval link', async () => {
    const request = await submitVm(a.staff);
    const outbox = await pendingMail(request.id, demoEmails.head);
    const received = sink.messages.length;
    await sendOutboxMail({ outboxId: outbox.id });
    expect(sink.messages.length).toBe(received + 1);

    const mail = await simpleParser(sink.messages.at(-1)!);
    expect(mail.subject).toBe(`[결재 요청] ${request.number} 가상 서버`);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : null).toBe(demoEmails.head);
    expect(mail.messageId).toBe(`<${outbox.id}@dcloud-portal>`);

    const { url, token } = await mailedLink(request.id, demoEmails.head);
    expect(url).toMatch(/^http:\/\/localhost:\d+\/approve\/apv_[A-Za-z0-9_-]{43}$/);
    expect(mail.text).toContain('결재할 요청이 도착했습니다');
    expect(mail.text).toContain(request.number);
    expect(mail.text).toContain(a.staff.name);
    expect(mail.text).toContain('72,000원');
    expect(mail.text).toContain(request.purpose);
    expect(mail.text).toContain(url);
    expect(mail.html).toBeTruthy();
    expect(mail.html).toContain('<html lang="ko">');
    expect(mail.html).toContain(`href="${url}"`);
    expect(mail.html).toContain('결재 화면 열기');

    // the token in the mail is the one the link page knows
    expect((await findApprovalLink({ token })).state).toBe('usable');
  });

  it('records a refused attempt and leaves the mail unsent, and the retry sends it once', async () => {
    const request = await submitVm(a.staff);
    const outbox = await pendingMail(request.id, demoEmails.head);
    const received = sink.messages.length;
    sink.refusing = true;
    try {
      await expect(sendOutboxMail({ outboxId: outbox.id })).rejects.toThrow(/451/);
    } finally {
      sink.refusing = false;
    }
    const [failed] = await getDb().select().from(mailOutbox).where(eq(mailOutbox.id, outbox.id));
    expect(failed).toMatchObject({ sentAt: null, transport: null, attempts: 1 });
    expect(failed?.lastError).toContain('451');

    // the job's retry, with the server willing again
    await sendOutboxMail({ outboxId: outbox.id });
    await sendOutboxMail({ outboxId: outbox.id });
    expect(sink.messages.length).toBe(received + 1);
    const [sent] = await getDb().select().from(mailOutbox).where(eq(mailOutbox.id, outbox.id));
    expect(sent).toMatchObject({ transport: 'smtp', attempts: 2 });
  });
});
