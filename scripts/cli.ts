// npm run cli -- token create --email <address> [--name <label>] [--days <n>]
import { parseArgs } from 'node:util';
import { closeDb } from '@/db';
import { resolveDatabaseUrl } from '@/db/connection-url';
import { loadActor } from '@/lib/auth/load-actor';
import { createToken, createTokenInput } from '@/lib/tokens/create-token';

const usage = 'usage: npm run cli -- token create --email <address> [--name <label>] [--days <n>]';

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: 'string' }, name: { type: 'string' }, days: { type: 'string' } },
  });
  if (positionals[0] !== 'token' || positionals[1] !== 'create' || !values.email) {
    console.error(usage);
    return 2;
  }
  if (!resolveDatabaseUrl()) {
    console.error(
      'No database: set DATABASE_URL, or start the portal (npm start) so its embedded PostgreSQL is up.',
    );
    return 1;
  }
  const owner = await loadActor({ email: values.email }, 'system');
  if (!owner) {
    console.error(`No active user with the email ${values.email}.`);
    return 1;
  }
  const input = createTokenInput.safeParse({
    name: values.name ?? 'cli',
    expiresInDays: values.days ? Number(values.days) : undefined,
  });
  if (!input.success) {
    console.error('Invalid --name or --days (name 1–100 characters, days 1–365).');
    return 2;
  }
  const { token, expiresAt } = await createToken({
    owner,
    actor: { ...owner, via: 'cli' },
    ...input.data,
  });
  console.log(token);
  console.error(`token for ${owner.email}, expires ${expiresAt.toISOString()} — shown once, keep it safe`);
  return 0;
}

main()
  .then(async (code) => {
    await closeDb();
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(error instanceof Error ? error.message : error);
    await closeDb();
    process.exit(1);
  });
