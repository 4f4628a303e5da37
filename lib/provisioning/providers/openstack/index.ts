import type {
  CloudProvider,
  CreateInput,
  ProviderObject,
  ProviderQuota,
  ProviderState,
  ProviderUsage,
} from '../types';
import { ProviderError } from '../types';
import { deleteVolume, getVolume, listVolumes, volumeState } from './cinder';
import type { OpenStackConfig } from './config';
import { deleteServer, getQuotaDetail, listServers } from './nova';
import { keyOf, parseRef, serverRef, volumeRef } from './refs';
import { serverState } from './server-state';
import { createServer, findServerByKey, resizeServerTo, serverStatus, serverUsage } from './servers';
import { createSession } from './session';
import { createVolumeFor, findVolumeByKey, resizeVolumeTo } from './volumes';

const IDLE: ProviderUsage = { cpuPct: 0, ramUsedGb: 0, storageUsedGb: 0 };

/** Nova's quota value, -1 meaning unlimited. */
const limitOf = (limit: number, scale = 1) => (limit < 0 ? null : limit / scale);

/**
 * The OpenStack cloud: VMs are Nova servers, volumes are Cinder volumes, authenticated through
 * Keystone v3 with the configuration's password or application credential. References are
 * `os-server-<uuid>` and `os-volume-<uuid>`. Every failure is a ProviderError with the cloud's own
 * message. Platform slots are not OpenStack's: they belong to the Kubernetes provider.
 */
export function createOpenStackProvider(config: OpenStackConfig): CloudProvider {
  const session = createSession(config);

  return {
    kind: 'openstack',

    async create(input: CreateInput) {
      switch (input.kind) {
        case 'vm':
          return { ref: serverRef(await createServer(session, input)) };
        case 'volume':
          return { ref: volumeRef(await createVolumeFor(session, input)) };
        case 'platform_slot':
          throw new ProviderError('invalid_request', 'the OpenStack provider does not make platform slots');
      }
    },

    async findByKey(idempotencyKey) {
      const server = await findServerByKey(session, idempotencyKey);
      if (server) return { ref: serverRef(server.id) };
      const volume = await findVolumeByKey(session, idempotencyKey);
      return volume ? { ref: volumeRef(volume.id) } : null;
    },

    async status(ref) {
      const { type, id } = parseRef(ref);
      return type === 'server' ? serverStatus(session, id) : volumeState(await getVolume(session, id));
    },

    async resize(ref, input) {
      const { type, id } = parseRef(ref);
      if (type === 'server') await resizeServerTo(session, id, input.spec);
      else await resizeVolumeTo(session, id, input.spec);
    },

    async delete(ref) {
      const { type, id } = parseRef(ref);
      if (type === 'server') await deleteServer(session, id);
      else await deleteVolume(session, id);
    },

    async usage(ref) {
      const { type, id } = parseRef(ref);
      // Cinder has no metering of its own: a volume's use is not known here
      return type === 'server' ? serverUsage(session, id) : IDLE;
    },

    async list() {
      const [servers, volumes] = await Promise.all([listServers(session), listVolumes(session)]);
      const objects: ProviderObject[] = [];
      const add = (ref: string, name: string | null, key: string | null, state: ProviderState['state']) => {
        // a server Nova shows as DELETED is on its way out of the listing, not an object to own; the
        // portal's project is the portal's own, so one without the portal's key was made behind its back
        if (state !== 'gone') objects.push({ ref, name: name ?? '', idempotencyKey: key, state });
      };
      for (const s of servers) add(serverRef(s.id), s.name, keyOf(s), serverState(s).state);
      for (const v of volumes) add(volumeRef(v.id), v.name, keyOf(v), volumeState(v).state);
      return objects;
    },

    async quota(): Promise<ProviderQuota> {
      const { cores, ram, instances } = await getQuotaDetail(session, await session.projectId());
      return {
        vcpu: { limit: limitOf(cores.limit), used: cores.in_use },
        // Nova counts RAM in MiB
        ramGb: { limit: limitOf(ram.limit, 1024), used: ram.in_use / 1024 },
        instances: { limit: limitOf(instances.limit), used: instances.in_use },
      };
    },

    async drStatus() {
      // OpenStack has no replication API the portal could ask: DR state is not known here
      return null;
    },
  };
}
