import { ProviderError } from '../types';

/** The metadata key every object the portal makes carries: the idempotency key (request id). */
export const REQUEST_ID_KEY = 'dcloud_request_id';

export type OpenStackRef = { type: 'server' | 'volume'; id: string };

/** The portal's reference to a Nova server. */
export const serverRef = (id: string) => `os-server-${id}`;

/** The portal's reference to a Cinder volume. */
export const volumeRef = (id: string) => `os-volume-${id}`;

/** Reads `os-server-<uuid>` / `os-volume-<uuid>`; anything else is a reference to another cloud. */
export function parseRef(ref: string): OpenStackRef {
  const match = /^os-(server|volume)-([0-9a-f-]{32,36})$/i.exec(ref);
  if (!match) throw new ProviderError('invalid_request', `"${ref}" is not an OpenStack reference`);
  return { type: match[1] as OpenStackRef['type'], id: match[2]! };
}

// the portal names objects `<name>--<request uuid>` (CreateInput.name)
const NAMED_KEY = /--([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The idempotency key an object carries: its metadata first, else the `--<uuid>` end of its name. */
export function keyOf(object: { name?: string | null; metadata?: Record<string, string> }): string | null {
  return object.metadata?.[REQUEST_ID_KEY] ?? NAMED_KEY.exec(object.name ?? '')?.[1] ?? null;
}

/** The name to give an object: the portal's name, which ends in the key; appended when it does not. */
export function nameWithKey(name: string, key: string): string {
  return name.includes(key) ? name : `${name}--${key}`;
}

/** Metadata for a new object: the portal's labels, then the key (which a label cannot override). */
export function metadataFor(labels: Record<string, string>, key: string): Record<string, string> {
  const metadata: Record<string, string> = {};
  // Nova and Cinder cap metadata keys and values at 255 characters, and Nova refuses a key with a
  // character outside [a-zA-Z0-9-_:. ] (a Kubernetes-style `dcloud.example/department` answers 400)
  for (const [k, v] of Object.entries(labels)) {
    metadata[k.replace(/[^a-zA-Z0-9\-_:. ]/g, '_').slice(0, 255)] = String(v).slice(0, 255);
  }
  metadata[REQUEST_ID_KEY] = key;
  return metadata;
}

/** A regular expression matching `text` literally (Nova's name filter is a regex). */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
