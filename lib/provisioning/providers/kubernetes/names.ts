import { ProviderError } from '../types';

/** Label on every object the portal makes, and the selector `list` and `quota` use. */
export const MANAGED_BY = { key: 'app.kubernetes.io/managed-by', value: 'dcloud-portal' } as const;
/** Label carrying the request id (idempotency key): how a retry finds the namespace it made. */
export const REQUEST_LABEL = 'dcloud.example/request';

/** Names of the objects inside a slot's namespace. */
export const QUOTA_NAME = 'dcloud-quota';
export const LIMITS_NAME = 'dcloud-limits';
export const BINDING_NAME = 'dcloud-deployers';

const REF_PREFIX = 'k8s-ns-';

/** The provider ref of a slot: `k8s-ns-<namespace>`. */
export function slotRef(namespace: string): string {
  return `${REF_PREFIX}${namespace}`;
}

/** The namespace a ref names; refuses refs this provider did not hand out. */
export function namespaceOf(ref: string): string {
  const namespace = ref.startsWith(REF_PREFIX) ? ref.slice(REF_PREFIX.length) : '';
  if (!isDnsLabel(namespace)) {
    throw new ProviderError(
      'invalid_request',
      `"${ref}" is not a Kubernetes slot reference (k8s-ns-<namespace>)`,
    );
  }
  return namespace;
}

/** A DNS-1123 label: what a namespace name must be. */
export function isDnsLabel(name: string): boolean {
  return name.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name);
}

/** Lower-case letters, digits and single dashes, without dashes at either end. */
function dnsPart(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The namespace of a slot: `dc-<name>-<first 8 of the key>`. The portal's object name
 * (`<hostname>--<uuid>`) is too long for a namespace (63 characters), so the slot's own name is
 * shortened to fit and the key's prefix keeps two slots of the same name apart.
 */
export function namespaceName(slotName: string, idempotencyKey: string): string {
  const suffix = dnsPart(idempotencyKey).replace(/-/g, '').slice(0, 8) || 'slot';
  // "dc-" + name + "-" + suffix ≤ 63
  const name =
    dnsPart(slotName)
      .slice(0, 63 - 4 - suffix.length)
      .replace(/-+$/, '') || 'slot';
  return `dc-${name}-${suffix}`;
}

/**
 * A valid label value for any text: at most 63 characters of letters, digits, `-`, `_` and `.`,
 * starting and ending with a letter or digit (or empty). Other characters become `_`; text with
 * none left (a Korean department name) becomes empty, and the original stays in an annotation.
 */
export function labelValue(text: string): string {
  return text
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .slice(0, 63)
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
}

// a label key: an optional DNS-subdomain prefix and a name of at most 63 characters
const LABEL_KEY =
  /^(?:(?=.{1,253}\/)[a-z0-9]([-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?(?=.{1,63}$)[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/**
 * The labels to put on an object: values made valid with `labelValue`. Keys come from the portal's
 * code, not from users, so an invalid key is a bug and is refused rather than rewritten.
 */
export function sanitizeLabels(labels: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(labels)) {
    if (!LABEL_KEY.test(key))
      throw new ProviderError('invalid_request', `"${key}" is not a valid Kubernetes label key`);
    result[key] = labelValue(value);
  }
  return result;
}
