'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queryKeys, type ResourceDetailData, resourceQueryOptions } from '@/lib/client/query-options';
import type { ResourceChangeView } from '@/lib/lifecycle/queries';

/** Statuses in which the cloud is working on the resource: the page follows it every two seconds. */
const BUSY = new Set(['provisioning', 'decommissioning', 'resizing']);
/**
 * A change on its way through approval: the page looks every second (while it is in view) for the
 * decision, because once approved a resize takes the cloud only seconds.
 */
const DECIDING = new Set(['submitted', 'in_approval']);
/** A change approved or being applied: the resource is about to become (or is) 변경 중, which lasts seconds. */
const APPLYING = new Set(['approved', 'provisioning']);

export type ResourceChangeList = { items: ResourceChangeView[]; nextCursor: null };

export const resourceChangesKey = (id: string) => [...queryKeys.resource(id), 'changes'] as const;

export function resourceChangesQueryOptions(id: string) {
  return queryOptions({
    queryKey: resourceChangesKey(id),
    queryFn: async (): Promise<ResourceChangeList> => {
      const res = await fetch(`/api/v1/resources/${encodeURIComponent(id)}/changes`, {
        headers: { accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (!res.ok) throw new Error(`changes: ${res.status}`);
      return (await res.json()) as ResourceChangeList;
    },
  });
}

/**
 * A resource and its change requests, live: followed closely while the cloud works on it or a change
 * is being applied, now and then while a change awaits its approvers, and not at all otherwise.
 */
export function useResourceLive(initial: ResourceDetailData, initialChanges: ResourceChangeView[]) {
  const changes = useQuery({
    ...resourceChangesQueryOptions(initial.id),
    initialData: { items: initialChanges, nextCursor: null },
    refetchInterval: (q) => {
      const items = q.state.data?.items ?? [];
      if (items.some((c) => APPLYING.has(c.status))) return 1_000;
      return items.some((c) => DECIDING.has(c.status)) ? 1_000 : false;
    },
  });
  const applying = changes.data.items.some((c) => APPLYING.has(c.status));
  const resource = useQuery({
    ...resourceQueryOptions(initial.id),
    initialData: initial,
    refetchInterval: (q) => {
      const status = q.state.data?.status;
      if (status === 'resizing' || applying) return 1_000;
      return status && BUSY.has(status) ? 2_000 : false;
    },
  });
  // the moment a change is seen approved, read the resource again rather than at its next tick
  const { refetch } = resource;
  useEffect(() => {
    if (applying) void refetch();
  }, [applying, refetch]);
  return { resource, changes, busy: BUSY.has(resource.data.status) };
}
