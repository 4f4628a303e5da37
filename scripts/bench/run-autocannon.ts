import autocannon from 'autocannon';

export type Target = {
  method: 'GET' | 'POST';
  path: string;
  /** personal access tokens, one per connection in turn */
  tokens?: string[];
  /** a session cookie (pages) */
  cookie?: string;
  /** a fresh body and Idempotency-Key for every request */
  body?: () => { key: string; body: string };
  /** keep the `id` of every 201 answer */
  collectIds?: boolean;
  /** a short unrecorded run first: the route's code loaded and warm */
  warmup?: boolean;
  /** send exactly this many requests and wait for every answer (instead of running for `duration`) */
  amount?: number;
};

export type Measured = {
  rps: number;
  p50: number;
  p99: number;
  /** answers other than 2xx, connection errors and timeouts */
  failed: number;
  created: number;
  ids: string[];
};

export type MeasureOptions = { base: string; duration: number; connections: number; target: Target };

/** One autocannon run against one route: throughput, latency percentiles, failures, created ids. */
export async function measure({ base, duration, connections, target }: MeasureOptions): Promise<Measured> {
  const ids: string[] = [];
  let created = 0;
  let connection = 0;
  const result = await autocannon({
    url: base,
    connections: target.warmup ? Math.min(connections, 4) : connections,
    ...(target.amount && !target.warmup
      ? { amount: target.amount }
      : { duration: target.warmup ? 3 : duration }),
    requests: [
      {
        method: target.method,
        path: target.path,
        setupRequest: (request, context: { token?: string }) => {
          const headers: Record<string, string> = { accept: 'application/json' };
          if (target.tokens?.length) {
            context.token ??= target.tokens[connection++ % target.tokens.length];
            headers.authorization = `Bearer ${context.token}`;
          }
          if (target.cookie) headers.cookie = target.cookie;
          if (!target.body) return { ...request, headers };
          const { key, body } = target.body();
          return {
            ...request,
            headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': key },
            body,
          };
        },
        onResponse: target.collectIds
          ? (status, body) => {
              if (status !== 201) return;
              created++;
              ids.push((JSON.parse(body) as { id: string }).id);
            }
          : undefined,
      },
    ],
  });
  return {
    // answers per second over the whole run (a run for `duration` cuts off the requests still in flight)
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
    created,
    ids,
  };
}
