import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { accessTokens } from '@/db/schema/tokens';
import { demoActor } from '@/db/testing/fixtures';
import { type ApiError, apiToken, callRoute } from '@/db/testing/http';
import { hashToken } from '@/lib/tokens/token-hash';
import { GET } from './route';

let token: string;
beforeAll(async () => {
  token = await apiToken('staff');
});

describe('GET /api/v1/me', () => {
  it('tells the caller who they are', async () => {
    const staff = await demoActor('staff');
    const { status, body } = await callRoute(GET, { path: '/api/v1/me', token });
    expect(status).toBe(200);
    expect(body).toEqual({
      id: staff.id,
      email: 'staff@dcloud.example',
      name: '김민수',
      roles: ['requester'],
      departmentId: staff.departmentId,
    });
  });

  it('answers 401 without a token or session', async () => {
    const { status, body } = await callRoute<ApiError>(GET, { path: '/api/v1/me' });
    expect(status).toBe(401);
    expect(body).toEqual({ error: { code: 'unauthenticated', message: '로그인이 필요합니다.' } });
  });

  it.each([
    { label: 'a forged token', authorization: 'Bearer dcp_forgedforgedforgedforgedforgedforgedforg' },
    { label: 'a token without the prefix', authorization: 'Bearer 0123456789abcdef' },
    {
      label: 'another scheme',
      authorization: `Basic ${Buffer.from('staff:dcloud-demo').toString('base64')}`,
    },
    { label: 'an empty bearer', authorization: 'Bearer ' },
  ])('answers 401 to $label', async ({ authorization }) => {
    const { status, body } = await callRoute<ApiError>(GET, {
      path: '/api/v1/me',
      headers: { authorization },
    });
    expect(status).toBe(401);
    expect(body.error).toEqual({
      code: 'unauthenticated',
      message: '액세스 토큰이 올바르지 않거나 만료되었습니다.',
    });
  });

  it.each([
    { label: 'revoked', change: { revokedAt: new Date() } },
    { label: 'expired', change: { expiresAt: new Date(Date.now() - 1000) } },
  ])('answers 401 to a token that was $label', async ({ change }) => {
    const own = await apiToken('staff');
    expect((await callRoute(GET, { path: '/api/v1/me', token: own })).status).toBe(200);
    await getDb()
      .update(accessTokens)
      .set(change)
      .where(eq(accessTokens.tokenHash, hashToken(own)));
    expect((await callRoute(GET, { path: '/api/v1/me', token: own })).status).toBe(401);
  });

  it('records when a token was last used', async () => {
    const own = await apiToken('planner');
    await callRoute(GET, { path: '/api/v1/me', token: own });
    const [row] = await getDb()
      .select({ lastUsedAt: accessTokens.lastUsedAt })
      .from(accessTokens)
      .where(eq(accessTokens.tokenHash, hashToken(own)));
    expect(row?.lastUsedAt).toBeInstanceOf(Date);
  });
});
