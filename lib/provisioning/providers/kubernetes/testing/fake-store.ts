import { randomUUID } from 'node:crypto';
import {
  contentTypeError,
  isObject,
  type Json,
  KINDS,
  type Kind,
  type KubeObject,
  listItem,
  matches,
  mergePatch,
  quotaStatus,
  type RecordedRequest,
  statusError,
  usedOf,
} from './api-shapes';

/**
 * The fake API's objects and how it answers a request, without the HTTP around it: Namespaces,
 * and ResourceQuotas, LimitRanges and RoleBindings inside them, with the API's rules for each.
 */
export function createFakeStore(initialToken: string) {
  const namespaces = new Map<string, KubeObject>();
  // `${resource}/${namespace}/${name}`
  const objects = new Map<string, KubeObject>();
  let version = 100;
  let token = initialToken;

  const stamp = <M extends Json>(metadata: M, namespace?: string) => ({
    ...metadata,
    ...(namespace ? { namespace } : {}),
    uid: randomUUID(),
    resourceVersion: String(++version),
    creationTimestamp: new Date().toISOString(),
  });

  function handle(recorded: RecordedRequest): { status: number; body: unknown } {
    const { method, path, query, headers, body } = recorded;
    if (headers.authorization !== `Bearer ${token}`) {
      return { status: 401, body: statusError(401, 'Unauthorized', 'Unauthorized') };
    }
    const refused = contentTypeError(method, headers['content-type']);
    if (refused) return refused;

    // cluster-wide lists
    if (method === 'GET' && path === '/api/v1/namespaces') {
      const items = [...namespaces.values()]
        .filter((ns) => matches(query.labelSelector, ns.metadata.labels))
        .map(listItem);
      return {
        status: 200,
        body: {
          kind: 'NamespaceList',
          apiVersion: 'v1',
          metadata: { resourceVersion: String(version) },
          items,
        },
      };
    }
    if (method === 'GET' && path === '/api/v1/resourcequotas') {
      const items = [...objects.entries()]
        .filter(
          ([key, quota]) =>
            key.startsWith('resourcequotas/') && matches(query.labelSelector, quota.metadata.labels),
        )
        .map(([, quota]) => listItem(quota));
      return {
        status: 200,
        body: {
          kind: 'ResourceQuotaList',
          apiVersion: 'v1',
          metadata: { resourceVersion: String(version) },
          items,
        },
      };
    }
    if (method === 'POST' && path === '/api/v1/namespaces') return createNamespace(body);

    const nsPath = /^\/api\/v1\/namespaces\/([^/]+)$/.exec(path);
    if (nsPath) return namespaceItem(method, nsPath[1]!, body);

    const piece =
      /^\/api\/v1\/namespaces\/([^/]+)\/(resourcequotas|limitranges)(?:\/([^/]+))?$/.exec(path) ??
      /^\/apis\/rbac\.authorization\.k8s\.io\/v1\/namespaces\/([^/]+)\/(rolebindings)(?:\/([^/]+))?$/.exec(
        path,
      );
    if (piece) return pieceRequest(method, KINDS[piece[2]!]!, piece[1]!, piece[3], body);
    return {
      status: 404,
      body: statusError(404, 'NotFound', 'the server could not find the requested resource'),
    };
  }

  function createNamespace(body: unknown) {
    if (
      !isObject(body) ||
      body.apiVersion !== 'v1' ||
      body.kind !== 'Namespace' ||
      !isObject(body.metadata)
    ) {
      return {
        status: 400,
        body: statusError(
          400,
          'BadRequest',
          'the object provided is unrecognized (must be of type Namespace)',
        ),
      };
    }
    const name = String(body.metadata.name ?? '');
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name) || name.length > 63) {
      return {
        status: 422,
        body: statusError(
          422,
          'Invalid',
          `Namespace "${name}" is invalid: metadata.name: Invalid value: "${name}": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-'`,
        ),
      };
    }
    if (namespaces.has(name))
      return { status: 409, body: statusError(409, 'AlreadyExists', `namespaces "${name}" already exists`) };
    const metadata = stamp(body.metadata);
    const labels = {
      ...(body.metadata.labels as Record<string, string>),
      'kubernetes.io/metadata.name': name,
    };
    const ns: KubeObject = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { ...metadata, name, labels },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    };
    namespaces.set(name, ns);
    return { status: 201, body: ns };
  }

  function namespaceItem(method: string, name: string, body: unknown) {
    const ns = namespaces.get(name);
    if (!ns) return { status: 404, body: statusError(404, 'NotFound', `namespaces "${name}" not found`) };
    if (method === 'GET') return { status: 200, body: ns };
    if (method === 'DELETE') {
      const uid = isObject(body) && isObject(body.preconditions) ? body.preconditions.uid : undefined;
      if (uid !== undefined && uid !== ns.metadata.uid) {
        return {
          status: 409,
          body: statusError(
            409,
            'Conflict',
            `Precondition failed: UID in precondition: ${String(uid)}, UID in object meta: ${String(ns.metadata.uid)}`,
          ),
        };
      }
      ns.status = { phase: 'Terminating' };
      return { status: 200, body: ns };
    }
    return {
      status: 405,
      body: statusError(
        405,
        'MethodNotAllowed',
        `the server does not allow this method on the requested resource`,
      ),
    };
  }

  function pieceRequest(
    method: string,
    kind: Kind,
    namespace: string,
    name: string | undefined,
    body: unknown,
  ) {
    const ns = namespaces.get(namespace);
    const key = `${kind.resource}/${namespace}/${name}`;
    if (method === 'POST' && name === undefined) {
      if (!ns)
        return { status: 404, body: statusError(404, 'NotFound', `namespaces "${namespace}" not found`) };
      if (isObject(ns.status) && ns.status.phase === 'Terminating') {
        return {
          status: 403,
          body: statusError(
            403,
            'Forbidden',
            `${kind.resource} is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
          ),
        };
      }
      if (
        !isObject(body) ||
        body.apiVersion !== kind.apiVersion ||
        body.kind !== kind.kind ||
        !isObject(body.metadata)
      ) {
        return {
          status: 400,
          body: statusError(
            400,
            'BadRequest',
            `the object provided is unrecognized (must be of type ${kind.kind})`,
          ),
        };
      }
      if (body.metadata.namespace !== undefined && body.metadata.namespace !== namespace) {
        return {
          status: 400,
          body: statusError(
            400,
            'BadRequest',
            'the namespace of the provided object does not match the namespace sent on the request',
          ),
        };
      }
      const objectName = String(body.metadata.name ?? '');
      const objectKey = `${kind.resource}/${namespace}/${objectName}`;
      if (objects.has(objectKey)) {
        return {
          status: 409,
          body: statusError(409, 'AlreadyExists', `${kind.resource} "${objectName}" already exists`),
        };
      }
      const object: KubeObject = {
        ...body,
        apiVersion: kind.apiVersion,
        kind: kind.kind,
        metadata: { ...stamp(body.metadata, namespace), name: objectName },
      };
      if (kind.kind === 'ResourceQuota') object.status = quotaStatus(object, {});
      objects.set(objectKey, object);
      return { status: 201, body: object };
    }
    const object = objects.get(key);
    if (!ns || !object) {
      return { status: 404, body: statusError(404, 'NotFound', `${kind.resource} "${name}" not found`) };
    }
    if (method === 'GET') return { status: 200, body: object };
    if (method === 'PATCH') {
      const patched = mergePatch(object, body) as KubeObject;
      patched.metadata = { ...patched.metadata, resourceVersion: String(++version) };
      if (kind.kind === 'ResourceQuota') patched.status = quotaStatus(patched, usedOf(object));
      objects.set(key, patched);
      return { status: 200, body: patched };
    }
    return {
      status: 405,
      body: statusError(
        405,
        'MethodNotAllowed',
        'the server does not allow this method on the requested resource',
      ),
    };
  }

  return {
    namespaces,
    objects,
    /** the API's answer to a request */
    handle,
    /** the token the API accepts from now on (a rotated service-account token) */
    setToken(next: string) {
      token = next;
    },
    /** a namespace made outside the portal */
    seedNamespace(name: string, labels: Record<string, string> = {}) {
      namespaces.set(name, {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: stamp({ name, labels }),
        status: { phase: 'Active' },
      });
    },
    /** what the quota controller would count as used in a namespace's quota */
    setQuotaUsed(namespace: string, name: string, used: Record<string, string>) {
      const quota = objects.get(`resourcequotas/${namespace}/${name}`);
      if (!quota) throw new Error(`no quota ${name} in ${namespace}`);
      quota.status = quotaStatus(quota, used);
    },
    /** the namespace controller finishing: Terminating namespaces and their objects disappear */
    finishDeletions() {
      for (const [name, ns] of namespaces) {
        if (isObject(ns.status) && ns.status.phase === 'Terminating') {
          namespaces.delete(name);
          for (const key of objects.keys()) if (key.split('/')[1] === name) objects.delete(key);
        }
      }
    },
  };
}
