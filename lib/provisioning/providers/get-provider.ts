import { createSimulator } from './simulator';
import type { CloudProvider } from './types';

export type ProviderKind = 'simulator';

/** The provider for a pool's configured kind. Unknown kinds fail loudly, never fall through. */
export function getProvider(kind: string): CloudProvider {
  switch (kind as ProviderKind) {
    case 'simulator':
      return createSimulator();
    default:
      throw new Error(`Unknown cloud provider kind: ${kind}`);
  }
}
