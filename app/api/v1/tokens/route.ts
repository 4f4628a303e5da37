// POST /api/v1/tokens — a personal access token, by password (local accounts) or browser session

import { enforceRateLimit } from '@/lib/api/rate-limit';
import { clientIp, parseWith, readJson, resolveActor, withPublicApi } from '@/lib/api/with-api';
import { issueToken, issueTokenInput } from '@/lib/tokens/issue-token';

export const POST = withPublicApi(async ({ req }) => {
  const ip = clientIp(req) ?? 'local';
  await enforceRateLimit(`tokens:${ip}`, Number(process.env.RATE_LIMIT_TOKENS ?? 20), 60);
  const input = parseWith(issueTokenInput, await readJson(req));
  // a token never mints another (API.md: a password or a browser session), so a leaked one cannot outlive its revocation
  const session =
    input.email || input.password || req.headers.has('authorization') ? null : await resolveActor(req);
  const { token, expiresAt } = await issueToken({ input, session, ip });
  return Response.json({ token, expiresAt: expiresAt.toISOString() }, { status: 201 });
});
