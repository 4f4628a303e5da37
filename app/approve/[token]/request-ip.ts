import { headers } from 'next/headers';

/** The caller's address for rate limits and the audit row (the first hop a proxy recorded). */
export async function requestIp(): Promise<string> {
  const h = await headers();
  return h.get('x-forwarded-for')?.split(',')[0]?.trim() || h.get('x-real-ip') || 'local';
}

/** Hits per minute per address on /approve/<token>: opening links, and deciding through them. */
export const linkRateLimits = {
  view: () => Number(process.env.RATE_LIMIT_APPROVE_LINK ?? 60),
  decide: () => Number(process.env.RATE_LIMIT_APPROVE_LINK_POST ?? 20),
};
