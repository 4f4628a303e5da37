import type { CloudProvider, ProviderState } from '../../types';
import type { OpenStackConfig } from '../config';

/** The admin account (OS_ADMIN_USERNAME / OS_ADMIN_PASSWORD / OS_ADMIN_PROJECT_NAME; admin on the local stack). */
export const ADMIN = {
  username: process.env.OS_ADMIN_USERNAME ?? 'admin',
  password: process.env.OS_ADMIN_PASSWORD ?? 'admin',
  project: process.env.OS_ADMIN_PROJECT_NAME ?? 'admin',
};

/** The configuration signed in as the admin account. */
export function asAdmin(config: OpenStackConfig): OpenStackConfig {
  return {
    ...config,
    auth: {
      method: 'password',
      username: ADMIN.username,
      password: ADMIN.password,
      userDomain: { name: 'Default' },
      project: { name: ADMIN.project, domain: { name: 'Default' } },
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls status until `done` holds or the time is up; returns every state seen. */
export async function pollUntil(
  provider: CloudProvider,
  ref: string,
  done: (s: ProviderState) => boolean,
  ms = 30_000,
) {
  const seen: ProviderState[] = [];
  for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(500)) {
    const state = await provider.status(ref);
    seen.push(state);
    if (done(state)) return seen;
  }
  throw new Error(`${ref} never got there; last states: ${JSON.stringify(seen.slice(-3))}`);
}
