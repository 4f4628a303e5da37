import { COMPUTE_MICROVERSION } from '../nova';

export type RawAnswer = { status: number; body: unknown; headers: Headers };

/** A bare OpenStack session for tests: the cloud's own view, independent of the provider's code. */
export type RawSession = {
  token: string;
  projectId: string;
  computeUrl: string;
  /** Calls Nova at the provider's microversion. */
  compute(method: string, path: string, body?: unknown): Promise<RawAnswer>;
  /** Calls Keystone with extra headers (X-Subject-Token for token revocation). */
  identity(method: string, path: string, headers?: Record<string, string>): Promise<RawAnswer>;
};

async function send(url: string, method: string, headers: Record<string, string>, body?: unknown) {
  const response = await fetch(url, {
    method,
    headers: { Connection: 'close', 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as unknown) : null,
    headers: response.headers,
  };
}

type Catalog = { type: string; endpoints: { interface: string; url: string }[] }[];

/** Signs in as `username` in `project` (Default domain) with a plain POST /v3/auth/tokens. */
export async function rawSession(
  authUrl: string,
  username: string,
  password: string,
  project: string,
): Promise<RawSession> {
  const issued = await send(
    `${authUrl}/auth/tokens`,
    'POST',
    {},
    {
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: username, domain: { name: 'Default' }, password } },
        },
        scope: { project: { name: project, domain: { name: 'Default' } } },
      },
    },
  );
  if (issued.status !== 201) throw new Error(`${username} cannot sign in: HTTP ${issued.status}`);
  const token = issued.headers.get('x-subject-token')!;
  const body = issued.body as { token: { project: { id: string }; catalog: Catalog } };
  const compute = body.token.catalog.find((s) => s.type === 'compute')!;
  const computeUrl = compute.endpoints.find((e) => e.interface === 'public')!.url.replace(/\/+$/, '');
  const auth = { 'X-Auth-Token': token };
  return {
    token,
    projectId: body.token.project.id,
    computeUrl,
    compute: (method, path, payload) =>
      send(
        `${computeUrl}${path}`,
        method,
        { ...auth, 'OpenStack-API-Version': `compute ${COMPUTE_MICROVERSION}` },
        payload,
      ),
    identity: (method, path, headers = {}) => send(`${authUrl}${path}`, method, { ...auth, ...headers }),
  };
}
