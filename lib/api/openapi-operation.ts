import { z } from 'zod';
import { unavailableRetryAfterSeconds } from '@/lib/errors/database-unavailable';

// The building blocks of the OpenAPI document (lib/api/openapi.ts): zod schemas turned into
// JSON Schema, query parameters, and operations answering with the shared error responses.

export type JsonSchema = Record<string, unknown>;
/** the ids registered on apiComponents (lib/api/openapi-schemas.ts) */
export type ComponentName =
  | 'Error'
  | 'Me'
  | 'Catalog'
  | 'Request'
  | 'RequestStep'
  | 'RequestList'
  | 'Resource'
  | 'ResourceDetail'
  | 'ResourceList'
  | 'ResourceChange'
  | 'ResourceChangeList'
  | 'Fit'
  | 'SubmittedRequest'
  | 'IssuedToken'
  | 'Health';

export const ref = (name: ComponentName) => ({ $ref: `#/components/schemas/${name}` });

/** A zod schema as an inline JSON Schema (draft 2020-12, OpenAPI 3.1's dialect), as a client sends it. */
export function inputSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _, ...json } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
  }) as JsonSchema;
  return json;
}

/** A zod object of query fields as OpenAPI query parameters. */
export function queryParameters(schema: z.ZodObject) {
  const json = inputSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, { description, ...property }]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    ...(description ? { description } : {}),
    schema: property,
  }));
}

export const idParameter = (what: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  description: `the ${what}'s id`,
  schema: { type: 'string', format: 'uuid' },
});

export const errorStatuses = {
  400: ['BadRequest', 'Bad input; `details.fieldErrors` says which field and why.'],
  401: ['Unauthenticated', 'No session or bearer token, or an invalid or expired token.'],
  403: ['Forbidden', 'The caller lacks the permission.'],
  404: ['NotFound', 'Not found, or not visible to the caller.'],
  409: ['Conflict', 'Illegal transition, stale decision, capacity or quota.'],
  422: ['Unprocessable', 'Valid shape, refused by a rule.'],
  429: ['RateLimited', 'Too many requests; try again shortly.'],
} as const;
export type ErrorStatus = keyof typeof errorStatuses;

export function json(schema: JsonSchema, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/** The 503 of a lost database connection (lib/api/error-response.ts): the error shape with Retry-After. */
export function unavailableResponse() {
  return {
    ...json(
      ref('Error'),
      'The database is briefly unreachable (a restart, a failover); try again after Retry-After, with the same Idempotency-Key.',
    ),
    headers: {
      'Retry-After': {
        description: 'seconds to wait before trying again',
        schema: { type: 'integer', minimum: 0, examples: [unavailableRetryAfterSeconds] },
      },
    },
  };
}

type OperationSpec = {
  summary: string;
  tag: string;
  description?: string;
  parameters?: unknown[];
  body?: z.ZodType;
  ok: Record<number, [ComponentName | JsonSchema, string]>;
  errors: ErrorStatus[];
  /** omit for bearer or session; [] for none; [{}, …] for optional */
  security?: Record<string, string[]>[];
  /** false for a route that never reaches the database, so never answers its 503 */
  database?: false;
};

export function operation(spec: OperationSpec) {
  const responses: Record<string, unknown> = {};
  for (const [status, [schema, description]] of Object.entries(spec.ok)) {
    responses[status] = json(typeof schema === 'string' ? ref(schema) : schema, description);
  }
  for (const status of spec.errors)
    responses[status] = { $ref: `#/components/responses/${errorStatuses[status][0]}` };
  responses['500'] = { $ref: '#/components/responses/Internal' };
  // a route with a 503 of its own (healthz, readyz) keeps it
  if (spec.database !== false) responses['503'] ??= { $ref: '#/components/responses/Unavailable' };
  return {
    summary: spec.summary,
    tags: [spec.tag],
    ...(spec.description ? { description: spec.description } : {}),
    ...(spec.security ? { security: spec.security } : {}),
    ...(spec.parameters ? { parameters: spec.parameters } : {}),
    ...(spec.body ? { requestBody: { required: true, ...json(inputSchema(spec.body), 'JSON body') } } : {}),
    responses,
  };
}
