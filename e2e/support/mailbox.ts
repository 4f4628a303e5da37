import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';

/** The directory the e2e server's SMTP server writes to (playwright.config.ts sets it). */
export function mailDir(): string {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error('E2E_MAIL_DIR is not set: run the specs through playwright.config.ts');
  return dir;
}

const parsed = new Map<string, ParsedMail>();

/** Every mail received so far, parsed (each file once), in the order it arrived. */
async function receivedMail(): Promise<ParsedMail[]> {
  let files: string[] = [];
  try {
    files = readdirSync(mailDir())
      .filter((f) => f.endsWith('.eml'))
      .sort();
  } catch {
    return []; // nothing received yet
  }
  for (const file of files) {
    if (!parsed.has(file)) parsed.set(file, await simpleParser(readFileSync(path.join(mailDir(), file))));
  }
  return files.map((f) => parsed.get(f)!);
}

export const recipients = (mail: ParsedMail): string[] =>
  (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((to) =>
    to.value.map((v) => v.address ?? ''),
  );

/**
 * Waits (polling the directory, up to `timeoutMs`) for a mail to `to` whose subject contains
 * `subject`, and returns it parsed. Mail goes out through a job, so it arrives a moment after the
 * action that caused it.
 */
export async function waitForMail(
  { to, subject }: { to: string; subject: string },
  timeoutMs = 30_000,
): Promise<ParsedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await receivedMail()).find(
      (m) => recipients(m).includes(to) && (m.subject ?? '').includes(subject),
    );
    if (found) return found;
    if (Date.now() > deadline) {
      const seen = (await receivedMail()).map((m) => `${recipients(m).join(',')}: ${m.subject}`);
      throw new Error(
        `no mail to ${to} about "${subject}" within ${timeoutMs} ms; received: ${seen.join(' | ')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The email approval link in a mail's text part. */
export function approvalLinkIn(mail: ParsedMail): string {
  const match = mail.text?.match(/https?:\/\/\S+\/approve\/apv_[A-Za-z0-9_-]+/);
  if (!match) throw new Error(`no approval link in the mail "${mail.subject}"`);
  return match[0];
}
