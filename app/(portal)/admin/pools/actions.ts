'use server';

import { revalidatePath } from 'next/cache';
import { authedAction } from '@/app/_auth/authed-action';
import { setPoolProviders, setPoolProvidersInput } from '@/lib/pools/set-pool-providers';

/** 제공자 설정 — the clouds a pool's new VMs and volumes, and its platform slots, are made in. */
export const setPoolProvidersAction = authedAction(
  setPoolProvidersInput,
  async ({ actor, input }) => {
    const pool = await setPoolProviders({ actor, input });
    revalidatePath('/admin/pools');
    return { provider: pool.provider, platformProvider: pool.platformProvider };
  },
  { permission: 'admin:manage' },
);
