import type { APIRequestContext } from '@playwright/test';
import {
  callApi,
  DEMO,
  DEMO_PASSWORD,
  expect,
  expectAccessible,
  signedInPage,
  test,
  uniqueName,
  vmRequestBody,
} from '../fixtures';

// The public API as a script uses it: a personal access token made in the browser, real HTTP with
// `Authorization: Bearer`, API.md's error shape, Idempotency-Key, revocation; and the guard that
// keeps other sites from using a browser's session cookie (CSRF).

type ErrorBody = {
  error: { code: string; message: string; details?: { fieldErrors?: Record<string, string[]> } };
};
type RequestList = { items: { id: string; number: string; status: string }[]; nextCursor: string | null };

async function newestMine(request: APIRequestContext, headers: Record<string, string>) {
  const res = await request.get('/api/v1/requests?mine=true&limit=100', { headers });
  expect(res.status()).toBe(200);
  return ((await res.json()) as RequestList).items.map((r) => r.id);
}

test('a token made in the browser drives the API until it is revoked there', async ({ browser, request }) => {
  const tokenName = `야간 배치 ${uniqueName('e2e')}`;
  const staff = await signedInPage(browser, DEMO.staff);
  await staff.goto('/settings/tokens');
  await expect(staff.getByRole('heading', { level: 1, name: '액세스 토큰' })).toBeVisible();
  await expectAccessible(staff);
  await staff.getByLabel('토큰 이름', { exact: true }).fill(tokenName);
  await staff.getByLabel('유효 기간 (일)', { exact: true }).fill('7');
  await staff.getByRole('button', { name: '토큰 만들기' }).click();
  const field = staff.getByLabel('새 토큰', { exact: true });
  await expect(field).toHaveValue(/^dcp_\S{20,}$/);
  await expect(field).toBeFocused();
  const token = await field.inputValue();
  const tokenRow = staff.getByRole('row').filter({ hasText: tokenName });
  await expect(tokenRow).toContainText('사용 가능');
  await expectAccessible(staff);

  const auth = { Authorization: `Bearer ${token}` };
  await test.step('GET /api/v1/me is the token’s owner', async () => {
    const me = await request.get('/api/v1/me', { headers: auth });
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({
      email: DEMO.staff,
      name: '김민수',
      roles: ['requester'],
      departmentId: expect.any(String),
    });
  });

  const before = await newestMine(request, auth);
  await test.step('bad input: 400 in API.md’s shape, Korean field errors, nothing created', async () => {
    const bad = await request.post('/api/v1/requests', {
      headers: auth,
      data: {
        catalogItemId: 'vm-standard',
        systemName: 'E',
        spec: {},
        environment: 'cloud',
        purpose: '짧음',
      },
    });
    expect(bad.status()).toBe(400);
    const body = (await bad.json()) as ErrorBody;
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toBe('입력값을 확인해 주세요.');
    expect(body.error.details?.fieldErrors).toMatchObject({
      environment: ['목록에서 골라 주세요.'],
      purpose: ['사용 목적을 10자 이상 적어 주세요.'],
      systemName: ['새 업무 시스템 이름을 2~100자로 적어 주세요.'],
    });

    // a body of the right shape whose spec breaks the item's schema
    const badSpec = await request.post('/api/v1/requests', {
      headers: auth,
      data: vmRequestBody('Bad_Host!', { diskGb: 5 }),
    });
    expect(badSpec.status()).toBe(400);
    const specBody = (await badSpec.json()) as ErrorBody;
    expect(specBody.error.code).toBe('bad_request');
    expect(specBody.error.details?.fieldErrors).toMatchObject({
      'spec.name': ['영문 소문자, 숫자, 하이픈(-)으로 3~40자로 적어 주세요.'],
      'spec.diskGb': ['디스크는 20~2048GB 사이로 정해 주세요.'],
    });
    expect(await newestMine(request, auth)).toEqual(before);
  });

  const hostname = uniqueName('api-web');
  const key = `e2e-${hostname}`;
  const created =
    await test.step('a good request: 201, and the same Idempotency-Key makes no second one', async () => {
      const first = await request.post('/api/v1/requests', {
        headers: { ...auth, 'Idempotency-Key': key },
        data: vmRequestBody(hostname),
      });
      expect(first.status()).toBe(201);
      const body = (await first.json()) as {
        id: string;
        number: string;
        status: string;
        estimate: { monthlyKrw: number };
        steps: unknown[];
      };
      expect(body).toMatchObject({ status: 'in_approval', estimate: { monthlyKrw: 72_000 } });
      expect(body.steps).toHaveLength(2);

      const replay = await request.post('/api/v1/requests', {
        headers: { ...auth, 'Idempotency-Key': key },
        data: vmRequestBody(hostname),
      });
      expect(replay.ok()).toBe(true);
      expect(((await replay.json()) as { id: string }).id).toBe(body.id);
      expect(await newestMine(request, auth)).toEqual([body.id, ...before].slice(0, 100));
      return body;
    });

  // the request made by the script is in the browser's 내 요청
  await staff.goto('/requests');
  await expect(staff.getByRole('heading', { level: 1, name: '자원 요청' })).toBeVisible();
  await expect(staff.getByRole('row').filter({ hasText: created.number })).toContainText('결재 중');
  await expectAccessible(staff);

  await test.step('after revoking the token in the browser the API answers 401', async () => {
    await staff.goto('/settings/tokens');
    await staff.getByRole('button', { name: `토큰 ‘${tokenName}’ 폐기` }).click();
    await expect(staff.getByRole('row').filter({ hasText: tokenName })).toContainText('폐기됨');
    await expect(staff.getByRole('button', { name: `토큰 ‘${tokenName}’ 폐기` })).toHaveCount(0);
    const me = await request.get('/api/v1/me', { headers: auth });
    expect(me.status()).toBe(401);
    expect(((await me.json()) as ErrorBody).error).toMatchObject({
      code: 'unauthenticated',
      message: '액세스 토큰이 올바르지 않거나 만료되었습니다.',
    });
  });
});

test('POST /api/v1/tokens refuses a wrong password with 401 and no hint', async ({ request }) => {
  for (const credentials of [
    { email: DEMO.staff, password: 'wrong-password' },
    { email: 'nobody@dcloud.example', password: DEMO_PASSWORD },
  ]) {
    const res = await request.post('/api/v1/tokens', { data: credentials });
    expect(res.status()).toBe(401);
    expect(((await res.json()) as ErrorBody).error).toEqual({
      code: 'unauthenticated',
      message: '이메일 또는 비밀번호가 올바르지 않습니다.',
    });
  }
  // the right password does get a token that works
  const ok = await request.post('/api/v1/tokens', { data: { email: DEMO.staff, password: DEMO_PASSWORD } });
  expect(ok.status()).toBe(201);
  const { token } = (await ok.json()) as { token: string };
  const me = await request.get('/api/v1/me', { headers: { Authorization: `Bearer ${token}` } });
  expect(((await me.json()) as { email: string }).email).toBe(DEMO.staff);
});

test('a cookie-authenticated state change from another site is refused (CSRF)', async ({ browser }) => {
  const staff = await signedInPage(browser, DEMO.staff);
  // the session cookie alone does authenticate: a read through the context's own cookie jar
  const me = await staff.request.get('/api/v1/me');
  expect(me.status()).toBe(200);
  const before = await callApi<RequestList>(staff, 'GET', '/api/v1/requests?mine=true&limit=100');

  const body = vmRequestBody(uniqueName('csrf'));
  const forged: Record<string, string>[] = [
    { Origin: 'https://evil.example' },
    { 'Sec-Fetch-Site': 'cross-site' },
    {}, // no Origin at all, as a non-browser forging the cookie would send
  ];
  for (const headers of forged) {
    const res = await staff.request.post('/api/v1/requests', { headers, data: body });
    expect(res.status(), JSON.stringify(headers)).toBe(403);
    expect(((await res.json()) as ErrorBody).error.code).toBe('forbidden');
  }
  const after = await callApi<RequestList>(staff, 'GET', '/api/v1/requests?mine=true&limit=100');
  expect(after.body.items.map((r) => r.id)).toEqual(before.body.items.map((r) => r.id));

  // the portal's own pages, same origin, still can
  const own = await callApi<{ id: string }>(staff, 'POST', '/api/v1/requests', body);
  expect(own.status).toBe(201);
});
