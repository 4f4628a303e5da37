import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

export type SmtpSink = {
  /** smtp://127.0.0.1:<port>, for SMTP_URL */
  url: string;
  port: number;
  /** every message received, raw (RFC 5322), in order */
  messages: Buffer[];
  /** while true, every message is refused with a temporary failure (451), as a busy server would */
  refusing: boolean;
  close: () => Promise<void>;
};

/**
 * A real SMTP server on 127.0.0.1 (a free port) that accepts any mail without authentication or TLS
 * and keeps it: in memory, and — given `dir` — as `<n>.eml` files there, for a test in another
 * process to read. For the tests only.
 */
export async function startSmtpSink(options: { dir?: string } = {}): Promise<SmtpSink> {
  const messages: Buffer[] = [];
  const state = { refusing: false };
  if (options.dir) mkdirSync(options.dir, { recursive: true });
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        if (state.refusing) {
          callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
          return;
        }
        const raw = Buffer.concat(chunks);
        messages.push(raw);
        if (options.dir) {
          // written under a temporary name, then renamed: a reader never sees half a message
          const file = path.join(options.dir, `${String(messages.length).padStart(4, '0')}.eml`);
          writeFileSync(`${file}.part`, raw);
          renameSync(`${file}.part`, file);
        }
        callback();
      });
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    const listener = server.listen(0, '127.0.0.1', () => resolve((listener.address() as AddressInfo).port));
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    get refusing() {
      return state.refusing;
    },
    set refusing(value: boolean) {
      state.refusing = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
