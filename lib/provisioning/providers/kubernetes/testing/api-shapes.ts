import type http from 'node:http';

// The API's shapes and rules that the fake API server (fake-api-server.ts) answers with.

/** One request as the server received it. */
export type RecordedRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  body: unknown;
  /** the client certificate's subject CN, over mutual TLS */
  clientCn?: string;
};

export type Json = Record<string, unknown>;
export type KubeObject = Json & {
  apiVersion: string;
  kind: string;
  metadata: Json & { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
};

export type Kind = { resource: string; apiVersion: string; kind: string };
export const KINDS: Record<string, Kind> = {
  resourcequotas: { resource: 'resourcequotas', apiVersion: 'v1', kind: 'ResourceQuota' },
  limitranges: { resource: 'limitranges', apiVersion: 'v1', kind: 'LimitRange' },
  rolebindings: { resource: 'rolebindings', apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding' },
};

/** A Kubernetes `Status` error body, as the API sends it. */
export function statusError(code: number, reason: string, message: string) {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
}

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** RFC 7386 JSON merge patch, as the API applies application/merge-patch+json. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const result: Json = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

// items of a list carry no apiVersion and kind of their own
export function listItem(object: KubeObject): Json {
  const { apiVersion: _apiVersion, kind: _kind, ...rest } = object;
  return rest;
}

export function matches(selector: string | undefined, labels: Record<string, string> = {}): boolean {
  if (!selector) return true;
  return selector.split(',').every((term) => {
    const [key, value] = term.split('=');
    return key !== undefined && labels[key] === value;
  });
}

// the quota controller copies spec.hard to status.hard and counts status.used
export function quotaStatus(quota: KubeObject, used: Record<string, string>) {
  const hard = isObject(quota.spec) && isObject(quota.spec.hard) ? quota.spec.hard : {};
  const zero = Object.fromEntries(Object.keys(hard).map((key) => [key, '0']));
  return { hard, used: { ...zero, ...used } };
}
export const usedOf = (quota: KubeObject) =>
  isObject(quota.status) && isObject(quota.status.used) ? (quota.status.used as Record<string, string>) : {};

// what the API accepts as a body's Content-Type, per verb
const ACCEPTED: Record<string, string> = {
  POST: 'application/json, application/yaml, application/vnd.kubernetes.protobuf',
  PUT: 'application/json, application/yaml, application/vnd.kubernetes.protobuf',
  PATCH: 'application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
};
const EXPECTED: Record<string, string> = {
  POST: 'application/json',
  PUT: 'application/json',
  PATCH: 'application/merge-patch+json',
};

/** The 415 the API answers a body it cannot read with; null for a content type it takes. */
export function contentTypeError(method: string, contentType: string | undefined) {
  const expected = EXPECTED[method];
  if (!expected || contentType === expected) return null;
  const message = `the body of the request was in an unknown format - accepted media types include: ${ACCEPTED[method]}`;
  return { status: 415, body: statusError(415, 'UnsupportedMediaType', message) };
}
