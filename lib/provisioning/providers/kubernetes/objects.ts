import { z } from 'zod';
import { ProviderError } from '../types';

// The parts of the API's v1 objects the provider reads. Everything else in an answer is ignored,
// so a newer API server's extra fields never break parsing.

const stringMap = z
  .record(z.string(), z.string())
  .nullish()
  .transform((map) => map ?? {});

const metadata = z.object({
  name: z.string(),
  uid: z.string().optional(),
  labels: stringMap,
  annotations: stringMap,
});

/** A v1 Namespace. */
export const namespaceObject = z.object({
  metadata,
  status: z.object({ phase: z.string().optional() }).nullish(),
});
export type NamespaceObject = z.infer<typeof namespaceObject>;

/** A v1 NamespaceList. */
export const namespaceList = z.object({ items: z.array(namespaceObject) });

/** A v1 ResourceQuota: spec.hard as written, status.hard/used as the quota controller counts. */
export const resourceQuotaObject = z.object({
  metadata,
  spec: z.object({ hard: stringMap }).nullish(),
  status: z.object({ hard: stringMap, used: stringMap }).nullish(),
});
export type ResourceQuotaObject = z.infer<typeof resourceQuotaObject>;

/** A v1 ResourceQuotaList. */
export const resourceQuotaList = z.object({ items: z.array(resourceQuotaObject) });

/** An rbac.authorization.k8s.io/v1 RoleBinding. */
export const roleBindingObject = z.object({
  metadata,
  subjects: z
    .array(z.object({ kind: z.string(), name: z.string() }))
    .nullish()
    .transform((subjects) => subjects ?? []),
});

/** An answer read as `schema`; one that does not fit is the API misbehaving, so it is retried. */
export function readAnswer<T extends z.ZodType>(schema: T, answer: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(answer);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ProviderError(
    'unavailable',
    `Kubernetes API: ${what} answered with an unexpected body (${issue?.path.join('.')}: ${issue?.message})`,
  );
}
