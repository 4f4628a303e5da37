import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** How the portal proves who it is to Keystone: a user's password, or an application credential. */
export type OpenStackAuth =
  | {
      method: 'password';
      username: string;
      password: string;
      /** the user's domain: a name, or an id when OS_USER_DOMAIN_ID is set */
      userDomain: { name: string } | { id: string };
      /** the project the token is scoped to: by id, or by name within its domain */
      project: { id: string } | { name: string; domain: { name: string } | { id: string } };
    }
  | {
      method: 'application_credential';
      /** an application credential is already bound to its project: no scope is sent */
      id: string;
      secret: string;
    };

export type EndpointInterface = 'public' | 'internal' | 'admin';

/** Everything the OpenStack provider needs, read once from the environment. */
export type OpenStackConfig = {
  /** the Keystone v3 base URL, always ending in `/v3` */
  authUrl: string;
  auth: OpenStackAuth;
  /** the region whose endpoints are used; any region when unset */
  region?: string;
  interface: EndpointInterface;
  /** portal flavour id → Nova flavour name (a portal id without an entry is used as the name) */
  flavorMap: Record<string, string>;
  /** portal image id → Glance image name */
  imageMap: Record<string, string>;
  /** the Glance image name used for a portal image without an entry in imageMap */
  defaultImage?: string;
  /** what `networks` the server is booted with: a Neutron network uuid, `none` or `auto` */
  network: string;
  /** per HTTP call */
  timeoutMs: number;
};

/** The configuration is missing or wrong; the message names the variable to fix. */
export class OpenStackConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OpenStackConfigError';
  }
}

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

const nameMap = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'is not valid JSON' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string(), z.string().min(1), { error: 'must be a JSON object of strings' }));

const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const envSchema = z.object({
  OS_AUTH_URL: z.url({ error: 'must be the Keystone URL, e.g. http://127.0.0.1:5000/v3' }),
  OS_AUTH_TYPE: optional,
  OS_USERNAME: optional,
  OS_PASSWORD: optional,
  OS_PASSWORD_FILE: optional,
  OS_PROJECT_NAME: optional,
  OS_PROJECT_ID: optional,
  OS_USER_DOMAIN_NAME: optional,
  OS_USER_DOMAIN_ID: optional,
  OS_PROJECT_DOMAIN_NAME: optional,
  OS_PROJECT_DOMAIN_ID: optional,
  OS_APPLICATION_CREDENTIAL_ID: optional,
  OS_APPLICATION_CREDENTIAL_SECRET: optional,
  OS_APPLICATION_CREDENTIAL_SECRET_FILE: optional,
  OS_REGION_NAME: optional,
  // the clients also accept the old `publicURL` spelling
  OS_INTERFACE: z
    .string()
    .trim()
    .transform((v) => v.replace(/URL$/, '') || 'public')
    .pipe(z.enum(['public', 'internal', 'admin'], { error: 'must be public, internal or admin' }))
    .default('public'),
  DCLOUD_OS_FLAVOR_MAP: nameMap.optional(),
  DCLOUD_OS_IMAGE_MAP: nameMap.optional(),
  DCLOUD_OS_DEFAULT_IMAGE: optional,
  DCLOUD_OS_NETWORK: z
    .string()
    .trim()
    .refine((v) => v === 'none' || v === 'auto' || UUID.test(v), {
      error: 'must be a network uuid, "none" or "auto"',
    })
    .default('none'),
  DCLOUD_OS_TIMEOUT_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int()
    .min(100, { error: 'must be at least 100 (ms)' })
    .default(30_000),
});

type Env = z.infer<typeof envSchema>;

function secret(env: Env, value: keyof Env, file: keyof Env): string | undefined {
  const direct = env[value];
  if (typeof direct === 'string') return direct;
  const path = env[file];
  if (typeof path !== 'string') return undefined;
  try {
    // a secret file (Docker/Kubernetes secret) ends with a newline that is not part of the secret
    return readFileSync(path, 'utf8').replace(/\r?\n$/, '');
  } catch (error) {
    throw new OpenStackConfigError(
      `OpenStack configuration: ${file} (${path}) cannot be read: ${String(error)}`,
    );
  }
}

function missing(variable: string, why: string): never {
  throw new OpenStackConfigError(`OpenStack configuration: ${variable} is not set (${why})`);
}

function authFrom(env: Env): OpenStackAuth {
  if (env.OS_APPLICATION_CREDENTIAL_ID || env.OS_AUTH_TYPE === 'v3applicationcredential') {
    const id =
      env.OS_APPLICATION_CREDENTIAL_ID ??
      missing('OS_APPLICATION_CREDENTIAL_ID', 'OS_AUTH_TYPE asks for one');
    const value =
      secret(env, 'OS_APPLICATION_CREDENTIAL_SECRET', 'OS_APPLICATION_CREDENTIAL_SECRET_FILE') ??
      missing('OS_APPLICATION_CREDENTIAL_SECRET', 'or OS_APPLICATION_CREDENTIAL_SECRET_FILE');
    return { method: 'application_credential', id, secret: value };
  }
  const username = env.OS_USERNAME ?? missing('OS_USERNAME', 'or OS_APPLICATION_CREDENTIAL_ID');
  const password =
    secret(env, 'OS_PASSWORD', 'OS_PASSWORD_FILE') ?? missing('OS_PASSWORD', 'or OS_PASSWORD_FILE');
  const userDomain = env.OS_USER_DOMAIN_ID
    ? { id: env.OS_USER_DOMAIN_ID }
    : { name: env.OS_USER_DOMAIN_NAME ?? 'Default' };
  const projectDomain = env.OS_PROJECT_DOMAIN_ID
    ? { id: env.OS_PROJECT_DOMAIN_ID }
    : { name: env.OS_PROJECT_DOMAIN_NAME ?? 'Default' };
  const project = env.OS_PROJECT_ID
    ? { id: env.OS_PROJECT_ID }
    : {
        name:
          env.OS_PROJECT_NAME ??
          missing('OS_PROJECT_NAME', 'or OS_PROJECT_ID: the token must be project-scoped'),
        domain: projectDomain,
      };
  return { method: 'password', username, password, userDomain, project };
}

/** Keystone's v3 API, whether the operator wrote `…:5000`, `…:5000/` or `…:5000/v3`. */
export function normaliseAuthUrl(url: string): string {
  const trimmed = url.replace(/\/+$/, '');
  return /\/v3$/.test(trimmed) ? trimmed : `${trimmed}/v3`;
}

/**
 * The OpenStack provider's configuration from the standard OpenStack client variables (an openrc
 * file) and the portal's DCLOUD_OS_* ones. Credentials come only from here or from a secret file,
 * never from the database. Throws an OpenStackConfigError naming the variable that is missing or wrong.
 */
export function openStackConfigFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): OpenStackConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    const message = env[variable] === undefined ? 'is not set' : issue.message;
    throw new OpenStackConfigError(`OpenStack configuration: ${variable} ${message}`);
  }
  const e = parsed.data;
  return {
    authUrl: normaliseAuthUrl(e.OS_AUTH_URL),
    auth: authFrom(e),
    region: e.OS_REGION_NAME,
    interface: e.OS_INTERFACE,
    flavorMap: e.DCLOUD_OS_FLAVOR_MAP ?? {},
    imageMap: e.DCLOUD_OS_IMAGE_MAP ?? {},
    defaultImage: e.DCLOUD_OS_DEFAULT_IMAGE,
    network: e.DCLOUD_OS_NETWORK,
    timeoutMs: e.DCLOUD_OS_TIMEOUT_MS,
  };
}
