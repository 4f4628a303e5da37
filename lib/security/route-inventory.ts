import { readdirSync } from 'node:fs';
import path from 'node:path';

const httpMethods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type HttpMethod = (typeof httpMethods)[number];

export type ApiRoute = {
  /** the URL pattern as the file system spells it: /api/v1/requests/[id]/cancel */
  pattern: string;
  /** `METHOD pattern`, the key of the access matrix */
  key: string;
  method: HttpMethod;
  handler: (req: Request, context: { params: Promise<unknown> }) => Promise<Response>;
};

/** Every file named `name` under `dir`, recursively, as absolute paths in a stable order. */
export function filesNamed(dir: string, name: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name === name)
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Every route handler under app/ (API v1, the dashboards' and reports' file exports, next-auth's
 * own), read from the disk rather than from a list kept by hand, with every HTTP method its route.ts
 * exports: a new route or method shows up here by itself. Route groups are dropped from the pattern.
 */
export async function routeHandlers(root = process.cwd()): Promise<ApiRoute[]> {
  const base = path.join(root, 'app');
  const routes: ApiRoute[] = [];
  for (const file of filesNamed(base, 'route.ts')) {
    const segments = path.relative(base, path.dirname(file)).split(path.sep);
    const pattern = `/${segments.filter((s) => !/^\(.+\)$/.test(s)).join('/')}`;
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const method of httpMethods) {
      const handler = mod[method];
      if (typeof handler === 'function') {
        routes.push({
          pattern,
          key: `${method} ${pattern}`,
          method,
          handler: handler as ApiRoute['handler'],
        });
      }
    }
  }
  return routes;
}
