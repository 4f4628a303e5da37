import NextAuth, { type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { isDemoMode } from '@/lib/config/runtime';
import { syncOidcUser } from './sync-oidc-user';
import { verifyCredentials } from './verify-credentials';

const credentialsInput = z.object({ email: z.email().max(254), password: z.string().min(1).max(200) });

function providers(): NextAuthConfig['providers'] {
  const list: NextAuthConfig['providers'] = [
    Credentials({
      id: 'credentials',
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = credentialsInput.safeParse(raw);
        if (!parsed.success) return null;
        const userId = await verifyCredentials(parsed.data);
        return userId ? { id: userId, email: parsed.data.email } : null;
      },
    }),
  ];
  if (process.env.AUTH_OIDC_ISSUER) {
    list.push({
      id: 'oidc',
      name: process.env.AUTH_OIDC_NAME ?? 'SSO',
      type: 'oidc',
      issuer: process.env.AUTH_OIDC_ISSUER,
      clientId: process.env.AUTH_OIDC_CLIENT_ID,
      clientSecret: process.env.AUTH_OIDC_CLIENT_SECRET,
      authorization: { params: { scope: process.env.AUTH_OIDC_SCOPE ?? 'openid email profile' } },
    });
  }
  return list;
}

/**
 * next-auth: local accounts (demo users, email + scrypt password) and, when configured, a generic
 * OIDC provider whose claims map to department and roles. Sessions are JWTs carrying the user id
 * only; roles and department are read fresh from the database on every request.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  // a refused or failed sign-in (?error=AccessDenied, …) comes back to the sign-in page, which explains it
  pages: { signIn: '/signin', error: '/signin' },
  providers: providers(),
  callbacks: {
    async signIn({ user, account, profile }) {
      if (account?.provider !== 'oidc') return true;
      const id = profile ? await syncOidcUser(profile as Record<string, unknown>) : null;
      if (!id) return false; // → /signin?error=AccessDenied
      // the portal's user id; next-auth hands this same `user` object to the jwt callback below
      user.id = id;
      return true;
    },
    async jwt({ token, user }) {
      if (user?.id) token.uid = user.id;
      return token;
    },
    async session({ session, token }) {
      return { ...session, userId: typeof token.uid === 'string' ? token.uid : undefined };
    },
  },
  logger: {
    error: (error) => {
      // a wrong password is an expected outcome, not a server error (class names are minified in builds)
      const type = (error as { type?: string }).type;
      if (type === 'CredentialsSignin') return;
      // so is an SSO user the portal refuses (unknown department, deactivated account): one line
      if (type === 'AccessDenied') return void console.warn('[auth] single sign-on refused (AccessDenied)');
      console.error('[auth]', error);
    },
  },
});

export const demoMode = isDemoMode;
