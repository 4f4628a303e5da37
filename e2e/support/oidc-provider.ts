// A real OpenID Connect provider for the end-to-end tests (panva's oidc-provider), on 127.0.0.1.
// Its development login page accepts any password for the accounts below; consent is implied for
// the portal (a first-party client), so signing in is: the portal's SSO button → this login page →
// back on the portal. The `department` and `roles` claims come with the `dcloud` scope and are put in
// the ID token, which is what next-auth reads the profile from.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

export type TestAccountClaims = {
  email: string;
  name: string;
  department: string;
  roles: string[];
};

/** The IdP's users, by login name (the login is also the subject, `sub`). */
export const oidcTestAccounts: Record<string, TestAccountClaims> = {
  'traffic-head': {
    email: 'sso.traffic-head@city.example',
    name: '한결재',
    department: 'TRAFFIC',
    roles: ['dept_approver'],
  },
  'no-such-dept': {
    email: 'sso.stranger@city.example',
    name: '나외부',
    department: 'NO_SUCH_DEPT',
    roles: ['requester'],
  },
  // the claims of this one are changed by the tests, through POST /test/accounts/mover
  mover: {
    email: 'sso.mover@city.example',
    name: '이동원',
    department: 'WELFARE',
    roles: [],
  },
};

export const oidcTestClient = { id: 'dcloud-portal-e2e', secret: 'e2e-only-client-secret-0123456789' };

export type StartedOidcProvider = { issuer: string; close: () => Promise<void> };

function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(body || '{}'));
      } catch (error) {
        reject(error);
      }
    });
    req.on('error', reject);
  });
}

/**
 * Starts the provider on a free port of 127.0.0.1 with one confidential client whose redirect URI
 * is `redirectUri`. Besides the OIDC endpoints it answers `POST /test/accounts/<login>` (a JSON
 * object of claims to merge), so a test can change a user's claims at the IdP between sign-ins.
 */
export async function startOidcProvider({
  redirectUri,
}: {
  redirectUri: string;
}): Promise<StartedOidcProvider> {
  const accounts = new Map(Object.entries(oidcTestAccounts).map(([login, claims]) => [login, { ...claims }]));
  let handler: http.RequestListener = (_req, res) => res.writeHead(503).end();
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const configuration: Configuration = {
    clients: [
      {
        client_id: oidcTestClient.id,
        client_secret: oidcTestClient.secret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
      dcloud: ['department', 'roles'],
    },
    // the claims of the granted scopes go into the ID token too, not only to the userinfo endpoint
    conformIdTokenClaims: false,
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'e2e', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    features: { devInteractions: { enabled: true } },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    async findAccount(_ctx, sub) {
      if (!accounts.has(sub)) return undefined;
      return {
        accountId: sub,
        async claims() {
          const claims = accounts.get(sub)!;
          return { sub, ...claims, email_verified: true };
        },
      };
    },
    // the portal is a first-party client: no consent screen, the requested scopes are granted
    async loadExistingGrant(ctx) {
      const grantId =
        ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId,
      });
      grant.addOIDCScope(String(ctx.oidc.params?.scope ?? 'openid'));
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  const oidc = provider.callback();

  handler = (req, res) => {
    const control = req.method === 'POST' && req.url?.match(/^\/test\/accounts\/([\w-]+)$/);
    if (!control) return void oidc(req, res);
    const login = control[1]!;
    const account = accounts.get(login);
    if (!account) return void res.writeHead(404).end();
    readJson(req).then(
      (changes) => {
        Object.assign(account, changes);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(account));
      },
      () => res.writeHead(400).end(),
    );
  };

  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
