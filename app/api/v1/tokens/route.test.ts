import { count, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { GET as me } from '@/app/api/v1/me/route';
import { getDb } from '@/db';
import { accessTokens } from '@/db/schema/tokens';
import { uniqueName } from '@/db/testing/fixtures';
import { type ApiError, callRoute } from '@/db/testing/http';
import { POST } from './route';

type Issued = { token: string; expiresAt: string };
const DAY = 86_400_000;

async function tokenCount() {
  const [row] = await getDb().select({ n: count() }).from(accessTokens);
  return row!.n;
}

const limit = process.env.RATE_LIMIT_TOKENS;
afterEach(() => {
  process.env.RATE_LIMIT_TOKENS = limit;
});

describe('POST /api/v1/tokens', () => {
  it('answers 201 with a token, shown once, that authenticates as its owner', async () => {
    const { status, body } = await callRoute<Issued>(POST, {
      path: '/api/v1/tokens',
      body: { email: 'head@dcloud.example', password: 'dcloud-demo', name: 'script' },
    });
    expect(status).toBe(201);
    expect(body.token).toMatch(/^dcp_/);
    expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(89 * DAY);
    expect(Date.parse(body.expiresAt) - Date.now()).toBeLessThanOrEqual(90 * DAY);

    const stored = await getDb()
      .select({ name: accessTokens.name, tokenHash: accessTokens.tokenHash })
      .from(accessTokens)
      .where(eq(accessTokens.prefix, body.token.slice(0, 10)));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.name).toBe('script');
    expect(stored[0]?.tokenHash).not.toContain(body.token.slice(4));

    const whoAmI = await callRoute<{ email: string }>(me, { path: '/api/v1/me', token: body.token });
    expect(whoAmI.body.email).toBe('head@dcloud.example');
  });

  it('accepts the email in any case', async () => {
    const { status } = await callRoute(POST, {
      path: '/api/v1/tokens',
      body: { email: 'Staff@DCloud.example', password: 'dcloud-demo' },
    });
    expect(status).toBe(201);
  });

  it('honours a shorter lifetime', async () => {
    const { status, body } = await callRoute<Issued>(POST, {
      path: '/api/v1/tokens',
      body: { email: 'staff@dcloud.example', password: 'dcloud-demo', expiresInDays: 7 },
    });
    expect(status).toBe(201);
    expect(Math.round((Date.parse(body.expiresAt) - Date.now()) / DAY)).toBe(7);
  });

  it.each([
    { label: 'a wrong password', email: 'staff@dcloud.example', password: 'wrong-password' },
    { label: 'an unknown email', email: 'nobody@dcloud.example', password: 'dcloud-demo' },
  ])('answers 401 to $label without saying which part was wrong, and issues nothing', async (credentials) => {
    const before = await tokenCount();
    const { status, body } = await callRoute<ApiError>(POST, { path: '/api/v1/tokens', body: credentials });
    expect(status).toBe(401);
    expect(body).toEqual({
      error: { code: 'unauthenticated', message: '이메일 또는 비밀번호가 올바르지 않습니다.' },
    });
    expect(await tokenCount()).toBe(before);
  });

  it('answers 401 in English when asked', async () => {
    const { status, body } = await callRoute<ApiError>(POST, {
      path: '/api/v1/tokens',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
      body: { email: 'staff@dcloud.example', password: 'nope' },
    });
    expect(status).toBe(401);
    expect(body.error.code).toBe('unauthenticated');
    expect(body.error.message).toMatch(/email or password/i);
  });

  it('answers 401 when neither credentials nor a session are given', async () => {
    const { status, body } = await callRoute<ApiError>(POST, { path: '/api/v1/tokens', body: {} });
    expect(status).toBe(401);
    expect(body.error.code).toBe('unauthenticated');
  });

  it.each([
    { label: 'a body that is not JSON', body: '{"email": "staff@dcloud.example",' },
    { label: 'a JSON string', body: '"staff@dcloud.example"' },
  ])('answers 400 to $label', async ({ body }) => {
    const before = await tokenCount();
    const res = await callRoute<ApiError>(POST, { path: '/api/v1/tokens', body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
    expect(await tokenCount()).toBe(before);
  });

  it('explains a body that is not JSON', async () => {
    const res = await callRoute<ApiError>(POST, { path: '/api/v1/tokens', body: 'email=staff' });
    expect(res.body.error).toEqual({ code: 'bad_request', message: '요청 본문이 올바른 JSON이 아닙니다.' });
  });

  it.each([
    {
      label: 'an email that is not an address',
      body: { email: 'staff', password: 'dcloud-demo' },
      field: 'email',
      message: '올바른 이메일 주소를 적어 주세요.',
    },
    {
      label: 'a lifetime of two years',
      body: { email: 'staff@dcloud.example', password: 'dcloud-demo', expiresInDays: 730 },
      field: 'expiresInDays',
      message: '유효 기간은 1~365일 사이로 정해 주세요.',
    },
  ])('answers 400 with the field at fault for $label', async ({ body, field, message }) => {
    const res = await callRoute<ApiError>(POST, { path: '/api/v1/tokens', body });
    expect(res.status).toBe(400);
    expect(res.body.error.details?.fieldErrors).toEqual({ [field]: [message] });
  });

  it('answers 429 once a client has asked too often', async () => {
    process.env.RATE_LIMIT_TOKENS = '2';
    const ip = `10.0.0.${Math.floor(Math.random() * 250) + 1}-${uniqueName()}`;
    const attempt = () =>
      callRoute<ApiError>(POST, {
        path: '/api/v1/tokens',
        headers: { 'x-forwarded-for': ip },
        body: { email: 'staff@dcloud.example', password: 'guess' },
      });
    expect((await attempt()).status).toBe(401);
    expect((await attempt()).status).toBe(401);
    const third = await attempt();
    expect(third.status).toBe(429);
    expect(third.body.error.code).toBe('rate_limited');
  });
});
