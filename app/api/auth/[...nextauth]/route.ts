// next-auth's own endpoints (sign-in, callback, session, sign-out)
import { handlers } from '@/lib/auth/next-auth';

export const { GET, POST } = handlers;
