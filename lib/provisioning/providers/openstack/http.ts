import { errorFromFailure } from './errors';

export type HttpAnswer = {
  status: number;
  headers: Headers;
  /** the parsed JSON body, or null when the body is empty or not JSON */
  body: unknown;
  /** the raw body, for plain-text error pages */
  text: string;
};

export type HttpCall = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  timeoutMs: number;
  /** what is being done, in words, for error messages ("compute: boot server x") */
  what: string;
};

/**
 * One HTTP call to an OpenStack API with Node's fetch. Never throws for an HTTP status (the caller
 * decides what 404 means); throws a ProviderError `timeout` or `unavailable` when no answer came.
 */
export async function sendHttp(call: HttpCall): Promise<HttpAnswer> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    // the WSGI servers of a small OpenStack drop idle keep-alive connections; a pooled socket they
    // closed would fail the next call with ECONNRESET, so every call gets its own connection
    Connection: 'close',
    ...call.headers,
  };
  if (call.body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    const response = await fetch(call.url, {
      method: call.method,
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      signal: AbortSignal.timeout(call.timeoutMs),
      redirect: 'error',
    });
    const text = await response.text();
    let body: unknown = null;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        // a plain-text or HTML error page; `text` keeps it
      }
    }
    return { status: response.status, headers: response.headers, body, text };
  } catch (error) {
    throw errorFromFailure(call.what, error, call.timeoutMs);
  }
}

/** A URL with query parameters, leaving out the undefined ones. */
export function withQuery(url: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const search = params.toString();
  return search ? `${url}?${search}` : url;
}
