import { loadActor } from '@/lib/auth/load-actor';
import { createToken } from '@/lib/tokens/create-token';

async function tokenFor(email: string, name: string): Promise<string> {
  const actor = await loadActor({ email }, 'session');
  if (!actor) throw new Error(`no demo user ${email}: is the database seeded?`);
  return (await createToken({ owner: actor, actor, name, expiresInDays: 1 })).token;
}

export type BenchTokens = { requesters: string[]; head: string; planner: string };

/**
 * Personal access tokens, made the way the CLI makes them: one per connection for the requester
 * (scripts of different users each have their own), one for the department head, one for a planner.
 */
export async function issueBenchTokens({ requesters }: { requesters: number }): Promise<BenchTokens> {
  const staff: string[] = [];
  for (let i = 0; i < requesters; i++) staff.push(await tokenFor('staff@dcloud.example', `bench ${i + 1}`));
  return {
    requesters: staff,
    head: await tokenFor('head@dcloud.example', 'bench'),
    planner: await tokenFor('planner@dcloud.example', 'bench'),
  };
}

/** Signs in through next-auth's credentials endpoint and returns the session cookie for page requests. */
export async function signInForCookie(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie, origin: base },
    body: new URLSearchParams({ csrfToken, email, password: 'dcloud-demo', callbackUrl: `${base}/inbox` }),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('authjs.session-token='));
  if (!session) throw new Error(`signing in as ${email} failed (${res.status})`);
  const check = await fetch(`${base}/inbox`, { headers: { cookie: session }, redirect: 'manual' });
  if (check.status !== 200) throw new Error(`the session of ${email} does not open /inbox (${check.status})`);
  return session;
}
