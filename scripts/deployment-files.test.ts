import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';

// No Docker engine runs here: the deployment files are checked as text. compose.yaml must parse (YAML
// 1.1 merge keys, as Compose reads them) into the services docs/deployment.md describes, the Dockerfile
// must build the standalone server and run as a non-root user, and the deployment guide must name every
// environment variable the code reads.

type Service = {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  stop_grace_period?: string;
};

const compose = () => {
  const doc = parseDocument(readFileSync('compose.yaml', 'utf8'), { merge: true, uniqueKeys: true });
  return {
    errors: doc.errors,
    warnings: doc.warnings,
    value: doc.toJS() as { services: Record<string, Service> },
  };
};

describe('compose.yaml', () => {
  it('is valid YAML, without errors or warnings', () => {
    const { errors, warnings } = compose();
    expect(errors.map(String)).toEqual([]);
    expect(warnings.map(String)).toEqual([]);
  });

  it('runs PostgreSQL 16, the portal and two workers, each with a healthcheck', () => {
    const { services } = compose().value;
    expect(Object.keys(services).sort()).toEqual(['portal', 'postgres', 'worker-1', 'worker-2']);
    expect(services.postgres!.image).toMatch(/^postgres:16\b/);
    for (const [name, service] of Object.entries(services)) {
      expect(service.healthcheck?.test.length, name).toBeGreaterThan(1);
    }
    expect(services.portal!.healthcheck!.test.join(' ')).toContain('/api/v1/readyz');
    expect(services.portal!.environment).toMatchObject({ DCLOUD_WORKER: 'off' });
    expect(services.portal!.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    for (const worker of [services['worker-1']!, services['worker-2']!]) {
      expect(worker.command).toEqual(['node', '--import', 'tsx', 'scripts/worker.ts']);
      expect(worker.image).toBe(services.portal!.image);
      // the portal has applied the migrations and made the queues once it is healthy
      expect(worker.depends_on).toEqual({ portal: { condition: 'service_healthy' } });
      expect(worker.environment?.DATABASE_URL).toBe(services.portal!.environment?.DATABASE_URL);
      expect(worker.environment?.DCLOUD_HEARTBEAT_FILE).toBeTruthy();
    }
  });

  it('gives the web process and the workers more time to stop than they take', () => {
    const { services } = compose().value;
    const seconds = (s?: string) => Number(s?.replace(/s$/, ''));
    // the drain (DCLOUD_DRAIN_MS, 5 s) and pg-boss's graceful stop (20 s) fit
    expect(seconds(services.portal!.stop_grace_period)).toBeGreaterThan(25);
    expect(seconds(services['worker-1']!.stop_grace_period)).toBeGreaterThan(20);
  });

  it('refuses to start without the production secrets (required interpolations)', () => {
    const text = readFileSync('compose.yaml', 'utf8');
    for (const name of ['POSTGRES_PASSWORD', 'AUTH_SECRET', 'APP_URL', 'SMTP_URL', 'AUTH_OIDC_ISSUER']) {
      expect(text).toContain(`\${${name}:?`);
    }
  });
});

describe('Dockerfile', () => {
  const text = readFileSync('Dockerfile', 'utf8');
  const lines = text.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));

  it('builds in stages and runs the standalone server as a non-root user', () => {
    expect(lines.filter((l) => l.startsWith('FROM ')).length).toBeGreaterThanOrEqual(3);
    expect(text).toContain('NEXT_OUTPUT=standalone');
    expect(text).toMatch(/COPY --from=build \/app\/\.next\/standalone/);
    const user = lines.findIndex((l) => /^USER (?!root)\S+/.test(l));
    const cmd = lines.findIndex((l) => l.startsWith('CMD '));
    expect(user).toBeGreaterThan(-1);
    expect(cmd).toBeGreaterThan(user);
    expect(lines[cmd]).toContain('scripts/start.ts');
    expect(text).toContain('DCLOUD_MODE=production');
  });
});

describe('docs/deployment.md', () => {
  it('names every environment variable the code reads', () => {
    const guide = readFileSync('docs/deployment.md', 'utf8');
    const sources = ['app', 'lib', 'db', 'scripts', 'components']
      .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f)))
      .concat(['proxy.ts', 'next.config.js'])
      .filter((f) => /\.(ts|tsx|js)$/.test(f) && !/\.test\.ts$|\/testing\//.test(f));
    const read = new Set<string>();
    for (const file of sources) {
      for (const m of readFileSync(file, 'utf8').matchAll(/process\.env\.([A-Z][A-Z0-9_]+)/g))
        read.add(m[1]!);
    }
    const missing = [...read].filter((name) => !guide.includes(`\`${name}\``)).sort();
    expect(missing, 'add them to docs/deployment.md, "Environment variables"').toEqual([]);
  });
});
