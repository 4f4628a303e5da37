import { randomUUID } from 'node:crypto';
import type { FakeOpenStack, Recorded, Reply } from './fake-openstack';

export type FakeImage = { id: string; name: string; status: string };

export type FakeVolume = {
  id: string;
  name: string;
  size: number;
  metadata: Record<string, string>;
  status: 'creating' | 'available' | 'extending' | 'error';
  created_at: string;
};

/** Glance v2: GET /v2/images?name=… (an exact match), under the unversioned catalogue URL. */
export function glanceRoutes(request: Recorded, cloud: FakeOpenStack): Reply | undefined {
  if (request.path !== '/image/v2/images' || request.method !== 'GET') return undefined;
  const name = request.query.get('name');
  const images = cloud.images.filter((i) => !name || i.name === name);
  return {
    status: 200,
    body: {
      images: images.map((i) => ({
        ...i,
        visibility: 'public',
        disk_format: 'raw',
        container_format: 'bare',
      })),
      first: '/v2/images',
      schema: '/v2/schemas/images',
    },
  };
}

const volumeView = (v: FakeVolume) => ({
  id: v.id,
  name: v.name,
  size: v.size,
  status: v.status,
  metadata: v.metadata,
  created_at: v.created_at,
  attachments: [],
  bootable: 'false',
  volume_type: 'lvmdriver-1',
});

const itemNotFound = (id: string): Reply => ({
  status: 404,
  body: { itemNotFound: { code: 404, message: `Volume ${id} could not be found.` } },
});

function createVolume(body: unknown, cloud: FakeOpenStack): Reply {
  const volume = (body as { volume?: { size?: unknown; name?: string; metadata?: Record<string, string> } })
    ?.volume;
  if (!volume || typeof volume.size !== 'number') {
    return { status: 400, body: { badRequest: { code: 400, message: "Missing required element 'size'" } } };
  }
  const created: FakeVolume = {
    id: randomUUID(),
    name: volume.name ?? '',
    size: volume.size,
    metadata: volume.metadata ?? {},
    status: 'creating',
    created_at: new Date().toISOString(),
  };
  cloud.volumes.set(created.id, created);
  return { status: 202, body: { volume: volumeView(created) } };
}

/** Cinder v3 under /volume/v3/{project_id}: create, show (creating → available), list, extend, delete. */
export function cinderRoutes(request: Recorded, cloud: FakeOpenStack): Reply | undefined {
  const prefix = `/volume/v3/${cloud.projectId}`;
  if (!request.path.startsWith(prefix)) return undefined;
  const rest = request.path.slice(prefix.length);
  const { method } = request;
  if (rest === '/volumes' && method === 'POST') return createVolume(request.body, cloud);
  if (rest === '/volumes/detail' && method === 'GET') {
    // Cinder takes the metadata filter as a dict literal: {"k": "v"}
    const wanted = JSON.parse(request.query.get('metadata') ?? '{}') as Record<string, string>;
    const volumes = [...cloud.volumes.values()].filter((v) =>
      Object.entries(wanted).every(([k, value]) => v.metadata[k] === value),
    );
    return { status: 200, body: { volumes: volumes.map(volumeView) } };
  }
  const [, id, sub] = /^\/volumes\/([^/]+)(?:\/(action))?$/.exec(rest) ?? [];
  if (!id) return undefined;
  const volume = cloud.volumes.get(id);
  if (!volume) return itemNotFound(id);
  if (!sub && method === 'GET') {
    const body = { volume: volumeView(volume) };
    if (volume.status === 'creating' || volume.status === 'extending') volume.status = 'available';
    return { status: 200, body };
  }
  if (!sub && method === 'DELETE') {
    cloud.volumes.delete(id);
    return { status: 202 };
  }
  if (sub === 'action' && method === 'POST') {
    const extend = (request.body as { 'os-extend'?: { new_size: number } })['os-extend'];
    if (!extend)
      return { status: 400, body: { badRequest: { code: 400, message: 'There is no such action' } } };
    volume.size = extend.new_size;
    volume.status = 'extending';
    return { status: 202 };
  }
  return undefined;
}
