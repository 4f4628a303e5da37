import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { pools } from '@/db/schema/catalog';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { zodDetails } from '@/lib/errors/zod-details';
import { providerKinds, providerServes } from '@/lib/provisioning/providers/get-provider';
import { kubernetesConfigFromEnv } from '@/lib/provisioning/providers/kubernetes/config';
import { openStackConfigFromEnv } from '@/lib/provisioning/providers/openstack/config';
import type { ProviderKind } from '@/lib/provisioning/providers/types';

/** The providers that make a pool's VMs and volumes (both), and those that make its platform slots. */
export const machineProviders = providerKinds.filter(
  (k) => providerServes[k].includes('vm') && providerServes[k].includes('volume'),
);
export const platformProviders = providerKinds.filter((k) => providerServes[k].includes('platform_slot'));

export const setPoolProvidersInput = z.object({
  poolId: z.string().min(1).max(100),
  provider: z.enum(machineProviders as [ProviderKind, ...ProviderKind[]], { error: 'validation.choice' }),
  platformProvider: z.enum(platformProviders as [ProviderKind, ...ProviderKind[]], {
    error: 'validation.choice',
  }),
});
export type SetPoolProvidersInput = z.input<typeof setPoolProvidersInput>;

export type SetPoolProvidersOptions = {
  actor: Actor;
  input: unknown;
  /** where the providers' configuration is read (tests pass their own) */
  env?: Record<string, string | undefined>;
};

/**
 * Why a provider cannot be used with this environment, or null when it can. The providers read
 * their credentials from the environment only, so a choice the server cannot act on is refused
 * here rather than failing the next provisioning job.
 */
export function providerConfigProblem(
  kind: ProviderKind,
  env: Record<string, string | undefined>,
): string | null {
  try {
    switch (kind) {
      case 'simulator':
        return null;
      case 'openstack':
        openStackConfigFromEnv(env);
        return null;
      case 'kubernetes':
        kubernetesConfigFromEnv(env);
        return null;
      default:
        throw new Error(`unknown provider kind ${kind satisfies never}`);
    }
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * 자원 풀 제공자 설정 — an admin chooses the cloud a pool's new VMs and volumes are made in, and
 * the one its platform slots are made in. A provider whose configuration the server lacks is
 * refused (422) with the reason. Resources already made stay with the provider that made them.
 */
export async function setPoolProviders({ actor, input, env = process.env }: SetPoolProvidersOptions) {
  requirePermission(actor, 'admin:manage');
  const parsed = setPoolProvidersInput.safeParse(input);
  if (!parsed.success) throw new AppError('bad_request', { details: zodDetails(parsed.error) });
  const { poolId, provider, platformProvider } = parsed.data;

  return getDb().transaction(async (tx) => {
    const [pool] = await tx.select().from(pools).where(eq(pools.id, poolId)).for('update');
    if (!pool) throw new AppError('not_found', { log: `pool ${poolId} missing` });

    // only a change is checked: saving a pool as it is never fails on the other field
    for (const [field, kind, was] of [
      ['provider', provider, pool.provider],
      ['platformProvider', platformProvider, pool.platformProvider],
    ] as const) {
      if (kind === was) continue;
      const problem = providerConfigProblem(kind, env);
      if (problem) {
        throw new AppError('rule', {
          messageKey: 'providerNotConfigured',
          values: { provider: kind, reason: problem },
          details: { fieldErrors: { [field]: ['errors.providerNotConfiguredField'] } },
          log: `pool ${poolId}: ${kind} refused: ${problem}`,
        });
      }
    }

    const [saved] = await tx
      .update(pools)
      .set({ provider, platformProvider })
      .where(eq(pools.id, poolId))
      .returning();
    await writeAudit(tx, {
      actor,
      action: 'pool.providers_set',
      entityType: 'pool',
      entityId: poolId,
      before: { provider: pool.provider, platformProvider: pool.platformProvider },
      after: { provider, platformProvider },
    });
    return saved!;
  });
}
