import { createHash } from 'node:crypto';
import { ProviderError } from '../types';
import type { EndpointInterface, OpenStackConfig } from './config';
import { cloudMessage, errorFromResponse } from './errors';
import { sendHttp } from './http';

/** One service of the Keystone catalogue, as the token body carries it. */
export type CatalogService = {
  type: string;
  name?: string;
  endpoints: { interface: string; region?: string | null; region_id?: string | null; url: string }[];
};

export type KeystoneToken = {
  /** the X-Subject-Token value sent as X-Auth-Token */
  value: string;
  expiresAt: number;
  /** when to ask for the next one: a little before expiry, so a call never carries a dying token */
  renewAt: number;
  projectId: string | null;
  catalog: CatalogService[];
};

type TokenBody = {
  token?: {
    expires_at?: string;
    issued_at?: string;
    project?: { id?: string };
    catalog?: CatalogService[];
  };
};

// renew two minutes before expiry, or at three quarters of the lifetime for short-lived tokens
const RENEW_MARGIN_MS = 120_000;

/** Module-level: every provider built from the same configuration shares one token. */
const tokens = new Map<string, Promise<KeystoneToken>>();

/** The cache key: who authenticates where, with a hash of the secret so a rotated one gets a new token. */
function cacheKey(config: OpenStackConfig): string {
  const { auth } = config;
  const secret = auth.method === 'password' ? auth.password : auth.secret;
  const who = auth.method === 'password' ? [auth.username, auth.userDomain, auth.project] : [auth.id];
  const hash = createHash('sha256').update(secret).digest('hex').slice(0, 16);
  return JSON.stringify([config.authUrl, auth.method, who, hash]);
}

function identity(config: OpenStackConfig) {
  const { auth } = config;
  if (auth.method === 'application_credential') {
    // an application credential carries its own project scope; Keystone refuses an explicit one
    return {
      identity: {
        methods: ['application_credential'],
        application_credential: { id: auth.id, secret: auth.secret },
      },
    };
  }
  return {
    identity: {
      methods: ['password'],
      password: { user: { name: auth.username, domain: auth.userDomain, password: auth.password } },
    },
    scope: { project: auth.project },
  };
}

async function issueToken(config: OpenStackConfig): Promise<KeystoneToken> {
  const answer = await sendHttp({
    method: 'POST',
    url: `${config.authUrl}/auth/tokens`,
    body: { auth: identity(config) },
    timeoutMs: config.timeoutMs,
    what: 'identity: issue a token',
  });
  if (answer.status === 401) {
    // Keystone: {"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}
    const message = cloudMessage(answer.body, answer.text);
    throw new ProviderError('auth_failed', `Keystone refused the credentials (HTTP 401): ${message}`, {
      status: 401,
    });
  }
  if (answer.status !== 201 && answer.status !== 200) {
    throw errorFromResponse('identity: issue a token', answer.status, answer.body, answer.text);
  }
  const value = answer.headers.get('x-subject-token');
  const token = (answer.body as TokenBody | null)?.token;
  const expiresAt = token?.expires_at ? Date.parse(token.expires_at) : Number.NaN;
  if (!value || !token || Number.isNaN(expiresAt)) {
    throw new ProviderError('unavailable', 'Keystone answered without X-Subject-Token or expires_at');
  }
  const issuedAt = token.issued_at ? Date.parse(token.issued_at) : Date.now();
  const lifetime = Math.max(0, expiresAt - (Number.isNaN(issuedAt) ? Date.now() : issuedAt));
  return {
    value,
    expiresAt,
    renewAt: expiresAt - Math.min(RENEW_MARGIN_MS, lifetime / 4),
    projectId: token.project?.id ?? null,
    catalog: token.catalog ?? [],
  };
}

/**
 * A valid project-scoped token with its service catalogue (POST /v3/auth/tokens), cached per
 * configuration and renewed before it expires. Concurrent callers share one request. Throws
 * ProviderError `auth_failed` when Keystone refuses the credentials.
 */
export async function getToken(config: OpenStackConfig): Promise<KeystoneToken> {
  const key = cacheKey(config);
  const cached = tokens.get(key);
  if (cached) {
    const token = await cached.catch(() => null);
    if (token && Date.now() < token.renewAt) return token;
    // a failed or dying token: only the first caller to notice replaces it
    if (tokens.get(key) !== cached) return getToken(config);
  }
  const pending = issueToken(config);
  tokens.set(key, pending);
  pending.catch(() => {
    if (tokens.get(key) === pending) tokens.delete(key);
  });
  return pending;
}

/**
 * Forgets a token a service refused (revoked, or expired between calls), unless another caller
 * already replaced it, so the next getToken asks Keystone for a new one.
 */
export async function dropToken(config: OpenStackConfig, value: string): Promise<void> {
  const key = cacheKey(config);
  const cached = tokens.get(key);
  if (!cached) return;
  const token = await cached.catch(() => null);
  if (tokens.get(key) === cached && (!token || token.value === value)) tokens.delete(key);
}

/** Test-only: the token the provider would send now for this configuration, if one is cached. */
export async function peekCachedToken(config: OpenStackConfig): Promise<string | undefined> {
  const cached = tokens.get(cacheKey(config));
  return cached ? (await cached.catch(() => null))?.value : undefined;
}

/** Test-only: forget every cached token. */
export function clearTokenCache(): void {
  tokens.clear();
}

/**
 * The URL of the first catalogue service of one of `types` (in order of preference) with an
 * endpoint on `iface` in `region` (any region when unset); null when the cloud has none.
 */
export function selectEndpoint(
  catalog: CatalogService[],
  types: string[],
  iface: EndpointInterface,
  region: string | undefined,
): string | null {
  for (const type of types) {
    for (const service of catalog.filter((s) => s.type === type)) {
      const endpoint = service.endpoints.find(
        (e) => e.interface === iface && (!region || e.region_id === region || e.region === region),
      );
      if (endpoint) return endpoint.url.replace(/\/+$/, '');
    }
  }
  return null;
}
