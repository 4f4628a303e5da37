import type { ProviderState } from '../types';
import { isNoValidHost } from './errors';
import type { NovaServer } from './nova';

// Nova's task_state while a server builds, as the phases of the live view
const BUILD_PHASES: Record<string, string> = {
  scheduling: 'scheduling',
  block_device_mapping: 'building',
  networking: 'networking',
  spawning: 'building',
};

/** How to reach the server: its first address, or the access IP an operator set. */
function access(server: NovaServer): Record<string, string> | undefined {
  for (const addresses of Object.values(server.addresses ?? {})) {
    const first = addresses[0];
    if (first?.addr) return { address: first.addr };
  }
  const ip = server.accessIPv4 || server.accessIPv6;
  return ip ? { address: ip } : undefined;
}

/**
 * Where a Nova server stands, from its status (the API's summary of vm_state and task_state),
 * progress and fault. Null (Nova answered 404) and DELETED/SOFT_DELETED are gone. VERIFY_RESIZE
 * is reported as resizing: the caller confirms the resize and it becomes active again.
 */
export function serverState(server: NovaServer | null): ProviderState {
  if (!server) return { state: 'gone' };
  const status = server.status.toUpperCase();
  const task = server['OS-EXT-STS:task_state'] ?? undefined;
  switch (status) {
    case 'BUILD': {
      const progress = typeof server.progress === 'number' ? server.progress : undefined;
      return { state: 'building', phase: (task && BUILD_PHASES[task]) || 'building', progress };
    }
    case 'ACTIVE':
      if (task === 'deleting') return { state: 'active', phase: 'deleting', access: access(server) };
      return { state: 'active', phase: 'active', progress: 100, access: access(server) };
    case 'RESIZE':
    case 'MIGRATING':
    case 'REVERT_RESIZE':
      return { state: 'resizing', phase: 'resizing', progress: server.progress, access: access(server) };
    case 'VERIFY_RESIZE':
      return { state: 'resizing', phase: 'confirming', access: access(server) };
    case 'ERROR': {
      const fault = server.fault?.message ?? 'no fault recorded';
      if (isNoValidHost(fault)) {
        // no host could take it: the request can only succeed once capacity is freed or added
        return { state: 'error', phase: 'no_capacity', message: `No host can take the server: ${fault}` };
      }
      return { state: 'error', phase: 'error', message: `Nova reports the server in ERROR: ${fault}` };
    }
    case 'DELETED':
    case 'SOFT_DELETED':
      return { state: 'gone' };
    case 'REBUILD':
      return { state: 'building', phase: 'rebuilding', progress: server.progress };
    case 'UNKNOWN':
      return {
        state: 'error',
        phase: 'unknown',
        message: 'Nova has lost track of the server (status UNKNOWN)',
      };
    default:
      // SHUTOFF, PAUSED, SUSPENDED, SHELVED, RESCUE, REBOOT…: the server exists and its owner (or an
      // operator) put it in this state; it is not the portal's to repair
      return {
        state: 'active',
        phase: status.toLowerCase(),
        message: `the server is ${status}`,
        access: access(server),
      };
  }
}
