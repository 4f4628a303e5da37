import { readFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import { ProviderError } from '../types';
import type { KubernetesConnection } from './connection';
import { apiError, transportError } from './errors';

/** One call to the Kubernetes API. */
export type KubernetesRequest = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** the API path, e.g. `/api/v1/namespaces/dc-app-1a2b3c4d/resourcequotas` */
  path: string;
  query?: Record<string, string>;
  /** sent as JSON */
  body?: unknown;
  /** a PATCH needs its patch type; everything else is plain JSON */
  contentType?: 'application/json' | 'application/merge-patch+json';
  /** what the call does, for error messages ("create namespace dc-app-1a2b3c4d") */
  what: string;
};

/** A minimal Kubernetes REST client: JSON in and out, errors as ProviderError. */
export type KubernetesClient = {
  /** The parsed JSON answer of a 2xx response; a ProviderError otherwise. */
  request(request: KubernetesRequest): Promise<unknown>;
};

// an answer larger than this is not one the portal asked for (lists are label-selected)
const MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * A client over node:http/node:https rather than fetch: the API server's CA and a client
 * certificate are options of an https.Agent, which the global fetch cannot take without undici.
 */
export function createKubernetesClient(
  connection: KubernetesConnection,
  timeoutMs: number,
): KubernetesClient {
  const base = new URL(connection.server);
  const secure = base.protocol === 'https:';
  // one agent per client: keep-alive spares a TLS handshake on every poll
  const agent = secure
    ? new https.Agent({
        keepAlive: true,
        ca: connection.caPem,
        cert: connection.clientCertPem,
        key: connection.clientKeyPem,
        rejectUnauthorized: !connection.insecureSkipTlsVerify,
        servername: connection.tlsServerName,
      })
    : new http.Agent({ keepAlive: true });
  const prefix = base.pathname.replace(/\/+$/, '');
  // URL keeps an IPv6 host in brackets ("[fd00::1]"), which node:http would look up as a name
  const hostname = base.hostname.replace(/^\[(.*)\]$/, '$1');

  async function bearerToken(): Promise<string | undefined> {
    if (connection.token) return connection.token;
    if (!connection.tokenFile) return undefined;
    try {
      // read on every call: the kubelet rotates a projected service-account token in place
      return (await readFile(connection.tokenFile, 'utf8')).trim();
    } catch (error) {
      throw new ProviderError(
        'auth_failed',
        `Kubernetes API: cannot read the token file ${connection.tokenFile}`,
        {
          cause: error,
        },
      );
    }
  }

  return {
    async request(request) {
      const token = await bearerToken();
      const search = request.query ? `?${new URLSearchParams(request.query)}` : '';
      const payload = request.body === undefined ? undefined : Buffer.from(JSON.stringify(request.body));
      const headers: http.OutgoingHttpHeaders = { Accept: 'application/json', 'User-Agent': 'dcloud-portal' };
      if (token) headers.Authorization = `Bearer ${token}`;
      if (payload) {
        headers['Content-Type'] = request.contentType ?? 'application/json';
        headers['Content-Length'] = payload.length;
      }
      const { status, body } = await send(
        secure ? https : http,
        {
          agent,
          protocol: base.protocol,
          hostname,
          port: base.port,
          method: request.method,
          path: `${prefix}${request.path}${search}`,
          headers,
        },
        payload,
        timeoutMs,
        request.what,
      );
      if (status < 200 || status > 299) throw apiError(request.what, status, body);
      if (!body) return {};
      try {
        return JSON.parse(body) as unknown;
      } catch (error) {
        throw new ProviderError(
          'unavailable',
          `Kubernetes API: ${request.what} answered with something that is not JSON`,
          {
            status,
            cause: error,
          },
        );
      }
    },
  };
}

/** One HTTP exchange with a deadline covering connect, send and the whole answer. */
function send(
  transport: typeof http | typeof https,
  options: http.RequestOptions,
  payload: Buffer | undefined,
  timeoutMs: number,
  what: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    let timedOut = false;
    const req = transport.request(options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) req.destroy(new Error(`answer larger than ${MAX_BODY_BYTES} bytes`));
        else chunks.push(chunk);
      });
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', (error) => {
        clearTimeout(timer);
        reject(transportError(what, error, timeoutMs, timedOut));
      });
    });
    const timer = setTimeout(() => {
      timedOut = true;
      req.destroy(new Error('timed out'));
    }, timeoutMs);
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(transportError(what, error, timeoutMs, timedOut));
    });
    req.end(payload);
  });
}
