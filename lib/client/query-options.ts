import { queryOptions } from '@tanstack/react-query';
import type { RequestView } from '@/lib/requests/queries';
import type { getResource, ResourceView } from '@/lib/resources/queries';

/**
 * TanStack Query option factories for the browser. Each fetches a /api/v1 route with the session
 * cookie; the keys are what mutations invalidate.
 */

/** A request as the API sends it (the same shape as the server's RequestView). */
export type RequestData = RequestView;
export type ResourceData = ResourceView;
export type ResourceDetailData = NonNullable<Awaited<ReturnType<typeof getResource>>>;
export type ResourceListData = { items: ResourceData[]; nextCursor: string | null };
export type RequestListData = { items: RequestData[]; nextCursor: string | null };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new ApiError(res.status, body?.error?.message ?? res.statusText);
  }
  return (await res.json()) as T;
}

export const queryKeys = {
  request: (id: string) => ['requests', id] as const,
  inbox: () => ['requests', 'inbox'] as const,
  resources: () => ['resources', 'list'] as const,
  resource: (id: string) => ['resources', id] as const,
};

export function requestQueryOptions(id: string) {
  return queryOptions({
    queryKey: queryKeys.request(id),
    queryFn: () => getJson<RequestData>(`/api/v1/requests/${encodeURIComponent(id)}`),
  });
}

/** Requests with a step awaiting the caller (결재함). */
export function inboxQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.inbox(),
    queryFn: () => getJson<RequestListData>('/api/v1/requests?pendingForMe=true&limit=100'),
  });
}

export function resourcesQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.resources(),
    queryFn: () => getJson<ResourceListData>('/api/v1/resources?limit=100'),
  });
}

export function resourceQueryOptions(id: string) {
  return queryOptions({
    queryKey: queryKeys.resource(id),
    queryFn: () => getJson<ResourceDetailData>(`/api/v1/resources/${encodeURIComponent(id)}`),
  });
}
