import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { RequestStep, RequestView } from '@/lib/requests/queries';
import { submitRequestInput } from '@/lib/requests/submit-request';
import type { getResource, ResourceView } from '@/lib/resources/queries';
import { openApiDocument } from './openapi';
import type { requestStep, requestView, resourceDetail, resourceView } from './openapi-schemas';

type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  $ref?: string;
};
type Operation = {
  security?: unknown[];
  responses: Record<string, unknown>;
  requestBody?: { content: { 'application/json': { schema: JsonSchema } } };
};
type Doc = {
  openapi: string;
  security: unknown[];
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown>; responses: Record<string, unknown> };
};

const doc = openApiDocument() as unknown as Doc;
const apiRoot = path.join(process.cwd(), 'app/api/v1');

type RouteFile = { path: string; methods: string[]; source: string };

/** Every route.ts under app/api/v1 as its OpenAPI path ([id] → {id}), the methods it exports and its source. */
function routeFiles(dir = apiRoot): RouteFile[] {
  const found: RouteFile[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...routeFiles(full));
    else if (entry.name === 'route.ts') {
      const source = readFileSync(full, 'utf8');
      const methods = [
        ...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g),
      ];
      found.push({
        path: `/api/v1/${path.relative(apiRoot, dir).split(path.sep).join('/')}`.replace(
          /\[(\w+)\]/g,
          '{$1}',
        ),
        methods: methods.map((m) => m[1]!.toLowerCase()),
        source,
      });
    }
  }
  return found;
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with bearer tokens as the default security', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
  });

  it('describes every route under app/api/v1, with each method it exports', () => {
    const routes = routeFiles();
    expect(routes.length).toBeGreaterThan(5);
    for (const route of routes) {
      expect(doc.paths, `${route.path} is missing from the document`).toHaveProperty([route.path]);
      expect(Object.keys(doc.paths[route.path]!).sort(), route.path).toEqual([...route.methods].sort());
    }
  });

  it('answers every operation with the error shape, and asks for a token where the route does', () => {
    for (const [p, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        expect(op.responses['500'], `${method} ${p}`).toEqual({ $ref: '#/components/responses/Internal' });
        const open = [
          '/api/v1/healthz',
          '/api/v1/readyz',
          '/api/v1/livez',
          '/api/v1/bench/noop',
          '/api/v1/openapi.json',
          '/api/v1/tokens',
        ].includes(p);
        if (!open) {
          expect(op.security, `${method} ${p} overrides security`).toBeUndefined();
          expect(op.responses['401'], `${method} ${p}`).toEqual({
            $ref: '#/components/responses/Unauthenticated',
          });
        }
      }
    }
  });

  it('answers 503 with Retry-After wherever the route reaches the database', () => {
    expect(doc.components.responses.Unavailable).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      headers: { 'Retry-After': { schema: { type: 'integer' } } },
    });
    // these never touch the database (livez on purpose: an orchestrator must not restart a server
    // that merely waits for it), so a lost connection cannot make them answer 503
    const noDatabase = ['/api/v1/livez', '/api/v1/bench/noop', '/api/v1/openapi.json'];
    // these report their own 503 with their health body
    const ownHealth = ['/api/v1/healthz', '/api/v1/readyz'];
    for (const [p, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const answer = op.responses['503'];
        if (noDatabase.includes(p)) expect(answer, `${method} ${p}`).toBeUndefined();
        else if (ownHealth.includes(p)) expect(answer, `${method} ${p}`).toHaveProperty('content');
        else expect(answer, `${method} ${p}`).toEqual({ $ref: '#/components/responses/Unavailable' });
      }
    }
  });

  it('answers 429 wherever the route counts hits against a rate limit', () => {
    const limited = routeFiles().filter((route) => route.source.includes('enforceRateLimit('));
    expect(limited.map((route) => route.path)).toContain('/api/v1/tokens');
    for (const route of limited) {
      for (const method of route.methods) {
        expect(doc.paths[route.path]![method]!.responses['429'], `${method} ${route.path}`).toEqual({
          $ref: '#/components/responses/RateLimited',
        });
      }
    }
  });

  it('resolves every $ref inside the document', () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const raw of refs) {
      const pointer = raw.slice(8, -1);
      const target = pointer
        .slice(2)
        .split('/')
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
      expect(target, pointer).toBeDefined();
    }
  });

  describe('POST /api/v1/requests', () => {
    const body = doc.paths['/api/v1/requests']!.post!.requestBody!.content['application/json'].schema;
    const shape = submitRequestInput.shape;

    it('requires exactly the fields submitRequestInput refuses to go without', () => {
      const refusedWhenMissing = Object.entries(shape)
        .filter(([, field]) => !(field as z.ZodType).safeParse(undefined).success)
        .map(([name]) => name);
      expect(refusedWhenMissing).toContain('purpose');
      expect([...(body.required ?? [])].sort()).toEqual(refusedWhenMissing.sort());
      expect(Object.keys(body.properties ?? {}).sort()).toEqual(Object.keys(shape).sort());
    });

    it('refuses the purposes and environments submitRequestInput refuses', () => {
      const purpose = body.properties!.purpose!;
      expect(shape.purpose.safeParse('x'.repeat(purpose.minLength! - 1)).success).toBe(false);
      expect(shape.purpose.safeParse('x'.repeat(purpose.minLength!)).success).toBe(true);
      expect(shape.purpose.safeParse('x'.repeat(purpose.maxLength! + 1)).success).toBe(false);
      expect(body.properties!.environment!.enum).toEqual(shape.environment.options);
      expect(shape.environment.safeParse('qa').success).toBe(false);
    });
  });

  it('describes the views the routes send', () => {
    expectTypeOf<Omit<RequestView, 'steps'>>().toExtend<Omit<z.input<typeof requestView>, 'steps'>>();
    // RequestStep types approver.role as a plain string; the column holds a role, as the document says
    expectTypeOf<Omit<RequestStep, 'approver'>>().toExtend<Omit<z.input<typeof requestStep>, 'approver'>>();
    expectTypeOf<ResourceView>().toExtend<z.input<typeof resourceView>>();
    expectTypeOf<NonNullable<Awaited<ReturnType<typeof getResource>>>>().toExtend<
      z.input<typeof resourceDetail>
    >();
  });
});
