import { ProviderError } from '../types';
import type { OpenStackConfig } from './config';
import { cloudMessage, errorFromResponse } from './errors';
import { type HttpAnswer, type HttpCall, sendHttp } from './http';
import { dropToken, getToken, selectEndpoint } from './keystone';

/** The services the provider calls, by the catalogue types that may name them (preferred first). */
export const SERVICE_TYPES = {
  compute: ['compute'],
  image: ['image'],
  'block-storage': ['block-storage', 'volumev3'],
} as const;

export type ServiceName = keyof typeof SERVICE_TYPES;

export type ServiceCall = {
  method: HttpCall['method'];
  /** path below the service's catalogue URL, starting with `/`, query included */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** statuses the caller handles itself (e.g. 404 on a delete); any other non-2xx throws */
  accept?: number[];
  /** what is being done, in words, for error messages */
  what: string;
};

/** Authenticated calls to the services of one OpenStack configuration. */
export type OpenStackSession = {
  readonly config: OpenStackConfig;
  /** Calls a service; renews the token and retries once when the service answers 401. */
  call(service: ServiceName, request: ServiceCall): Promise<HttpAnswer>;
  /** True when the catalogue has an endpoint for this service on the configured interface and region. */
  has(service: ServiceName): Promise<boolean>;
  /** The id of the project the token is scoped to (quota lives there). */
  projectId(): Promise<string>;
};

/**
 * A session over a configuration: the endpoint comes from the token's catalogue by type, interface
 * and region; every call carries X-Auth-Token; a 401 from any service (token revoked or expired
 * between calls) drops the token and retries once with a new one; a second refusal is auth_failed.
 */
export function createSession(config: OpenStackConfig): OpenStackSession {
  async function endpoint(service: ServiceName) {
    const token = await getToken(config);
    const url = selectEndpoint(token.catalog, [...SERVICE_TYPES[service]], config.interface, config.region);
    // Glance is catalogued unversioned (http://host:9292) or as …/v2; its paths here carry /v2 themselves
    return { token, url: service === 'image' && url ? url.replace(/\/v2(\.\d+)?$/, '') : url };
  }

  async function attempt(service: ServiceName, request: ServiceCall) {
    const { token, url } = await endpoint(service);
    if (!url) throw new ProviderError('not_found', `no ${service} service in the catalogue`);
    const answer = await sendHttp({
      method: request.method,
      url: `${url}${request.path}`,
      headers: { ...request.headers, 'X-Auth-Token': token.value },
      body: request.body,
      timeoutMs: config.timeoutMs,
      what: `${service}: ${request.what}`,
    });
    return { answer, token: token.value };
  }

  return {
    config,

    async call(service, request) {
      let { answer, token } = await attempt(service, request);
      if (answer.status === 401) {
        // keystonemiddleware refuses before the service acts, so even a POST is safe to send again
        await dropToken(config, token);
        ({ answer } = await attempt(service, request));
        if (answer.status === 401) {
          const message = cloudMessage(answer.body, answer.text);
          throw new ProviderError(
            'auth_failed',
            `OpenStack ${service}: ${request.what} refused a freshly issued token (HTTP 401): ${message}`,
            { status: 401 },
          );
        }
      }
      const ok = answer.status >= 200 && answer.status < 300;
      if (!ok && !request.accept?.includes(answer.status)) {
        throw errorFromResponse(`${service}: ${request.what}`, answer.status, answer.body, answer.text);
      }
      return answer;
    },

    async has(service) {
      return (await endpoint(service)).url !== null;
    },

    async projectId() {
      const token = await getToken(config);
      if (!token.projectId)
        throw new ProviderError('invalid_request', 'the Keystone token is not project-scoped');
      return token.projectId;
    },
  };
}
