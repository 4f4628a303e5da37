'use server';

import { headers } from 'next/headers';
import { AuthError } from 'next-auth';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { enforceRateLimit } from '@/lib/api/rate-limit';
import { DEMO_PASSWORD } from '@/lib/auth/demo';
import { listDemoUsers } from '@/lib/auth/list-demo-users';
import { signIn } from '@/lib/auth/next-auth';
import { isDemoMode } from '@/lib/config/runtime';
import { AppError } from '@/lib/errors/app-error';

export type SignInState = { error: string | null; email: string };

const credentials = z.object({
  email: z.string().trim().max(254),
  password: z.string().max(200),
});

async function clientIp(): Promise<string> {
  const h = await headers();
  return h.get('x-forwarded-for')?.split(',')[0]?.trim() ?? h.get('x-real-ip') ?? 'local';
}

/** Email + password. Wrong credentials come back as one message that does not say which part was wrong. */
export async function signInWithPassword(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const t = await getTranslations('signin');
  const parsed = credentials.safeParse({ email: formData.get('email'), password: formData.get('password') });
  const email = parsed.success ? parsed.data.email : '';
  if (!parsed.success || !parsed.data.email || !parsed.data.password) {
    return { error: t('invalid'), email };
  }
  try {
    await enforceRateLimit(`signin:${await clientIp()}`, Number(process.env.RATE_LIMIT_SIGNIN ?? 30), 60);
    await signIn('credentials', { email, password: parsed.data.password, redirectTo: '/' });
  } catch (error) {
    if (error instanceof AuthError) return { error: t('invalid'), email };
    if (error instanceof AppError && error.code === 'rate_limited') return { error: t('rateLimited'), email };
    throw error; // next-auth's success redirect
  }
  return { error: null, email };
}

/** One click on a demo account (demo mode only, listed accounts only). */
export async function signInAsDemoUser(formData: FormData): Promise<void> {
  const email = String(formData.get('email') ?? '');
  if (!isDemoMode()) return;
  const known = (await listDemoUsers()).some((u) => u.email === email);
  if (!known) return;
  await signIn('credentials', { email, password: DEMO_PASSWORD, redirectTo: '/' });
}

/** Single sign-on through the configured OIDC provider. */
export async function signInWithSso(): Promise<void> {
  if (!process.env.AUTH_OIDC_ISSUER) return;
  await signIn('oidc', { redirectTo: '/' });
}
