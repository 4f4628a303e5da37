import { AppError } from '@/lib/errors/app-error';
import { kubernetesConfigFromEnv } from './kubernetes/config';
import { createKubernetesProvider } from './kubernetes/index';
import { openStackConfigFromEnv } from './openstack/config';
import { createOpenStackProvider } from './openstack/index';
import { createSimulator } from './simulator';
import type { CloudProvider, ProviderKind, ResourceKind } from './types';

export const providerKinds = [
  'simulator',
  'openstack',
  'kubernetes',
] as const satisfies readonly ProviderKind[];

/** Which providers can make which kind of object. */
export const providerServes: Record<ProviderKind, readonly ResourceKind[]> = {
  simulator: ['vm', 'volume', 'platform_slot'],
  openstack: ['vm', 'volume'],
  kubernetes: ['platform_slot'],
};

// OpenStack and Kubernetes clients keep their token and connection settings; one per process
const cached = new Map<ProviderKind, CloudProvider>();

/**
 * The provider for a pool's configured kind. Credentials come from the environment only (OS_* for
 * OpenStack, KUBECONFIG or the in-cluster service account for Kubernetes). Unknown kinds fail
 * loudly, never fall through to another cloud.
 */
export function getProvider(kind: string): CloudProvider {
  switch (kind as ProviderKind) {
    case 'simulator':
      // read each time: the fault knobs are environment settings a test or a demo may change
      return createSimulator();
    case 'openstack': {
      let provider = cached.get('openstack');
      if (!provider) {
        provider = createOpenStackProvider(openStackConfigFromEnv());
        cached.set('openstack', provider);
      }
      return provider;
    }
    case 'kubernetes': {
      let provider = cached.get('kubernetes');
      if (!provider) {
        provider = createKubernetesProvider(kubernetesConfigFromEnv());
        cached.set('kubernetes', provider);
      }
      return provider;
    }
    default:
      throw new AppError('internal', { log: `Unknown cloud provider kind: ${kind}` });
  }
}

/** The provider kind a pool uses for a kind of object: platform slots go to its platform provider. */
export function providerKindFor(
  pool: { provider: string; platformProvider: string },
  kind: ResourceKind,
): string {
  return kind === 'platform_slot' ? pool.platformProvider : pool.provider;
}

/** Forgets cached clients (tests that change the environment). */
export function resetProviders(): void {
  cached.clear();
}
