'use server';

import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { signOut } from '@/lib/auth/next-auth';
import { localeCookie, toLocale } from '@/lib/i18n/config';

/** Signs the user out and returns to the sign-in page. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/signin' });
}

/** Remembers the chosen language (ko|en) for a year; the page re-renders in it. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = toLocale(String(formData.get('locale') ?? ''));
  (await cookies()).set(localeCookie, locale, {
    path: '/',
    maxAge: 365 * 24 * 60 * 60,
    sameSite: 'lax',
    httpOnly: false,
    secure: process.env.NODE_ENV === 'production' && (process.env.APP_URL ?? '').startsWith('https:'),
  });
  revalidatePath('/', 'layout');
}
