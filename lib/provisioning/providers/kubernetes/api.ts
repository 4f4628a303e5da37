import { isProviderError } from '../types';
import type { KubernetesClient, KubernetesRequest } from './client';
import { KubernetesApiError } from './errors';

/** API paths of the objects a slot is made of (core v1 and rbac.authorization.k8s.io/v1). */
export const paths = {
  namespaces: '/api/v1/namespaces',
  namespace: (ns: string) => `/api/v1/namespaces/${ns}`,
  resourceQuotas: (ns: string) => `/api/v1/namespaces/${ns}/resourcequotas`,
  resourceQuota: (ns: string, name: string) => `/api/v1/namespaces/${ns}/resourcequotas/${name}`,
  limitRanges: (ns: string) => `/api/v1/namespaces/${ns}/limitranges`,
  limitRange: (ns: string, name: string) => `/api/v1/namespaces/${ns}/limitranges/${name}`,
  roleBindings: (ns: string) => `/apis/rbac.authorization.k8s.io/v1/namespaces/${ns}/rolebindings`,
  roleBinding: (ns: string, name: string) =>
    `/apis/rbac.authorization.k8s.io/v1/namespaces/${ns}/rolebindings/${name}`,
  /** every namespace's quotas at once, for `quota()` */
  allResourceQuotas: '/api/v1/resourcequotas',
};

/** A GET whose 404 means "not there (yet)" rather than an error. */
export async function getOrNull(
  client: KubernetesClient,
  path: string,
  what: string,
): Promise<unknown | null> {
  try {
    return await client.request({ method: 'GET', path, what });
  } catch (error) {
    if (isProviderError(error) && error.code === 'not_found') return null;
    throw error;
  }
}

/**
 * A POST that tolerates AlreadyExists: an earlier attempt that crashed after this step already made
 * the object, so a retry keeps it and goes on. Only AlreadyExists is tolerated: any other 409 is a
 * real conflict.
 */
export async function createOrKeep(
  client: KubernetesClient,
  request: Omit<KubernetesRequest, 'method'>,
): Promise<'created' | 'kept'> {
  try {
    await client.request({ ...request, method: 'POST' });
    return 'created';
  } catch (error) {
    if (error instanceof KubernetesApiError && error.reason === 'AlreadyExists') return 'kept';
    throw error;
  }
}
