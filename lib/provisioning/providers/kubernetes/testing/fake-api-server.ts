import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { RecordedRequest } from './api-shapes';
import { createFakeStore } from './fake-store';

// A stand-in for the Kubernetes API, for contract tests: it keeps Namespaces, ResourceQuotas,
// LimitRanges and RoleBindings in memory, answers in the API's documented v1 and
// rbac.authorization.k8s.io/v1 shapes (objects, lists, Status errors), refuses what the real API
// refuses (a wrong token, kind, content type or namespace) and records every request it gets.

/** An override for the next matching request(s): answer with this status and body, or never answer. */
export type Fault = { method: string; path: string; times?: number } & (
  | { status: number; body: unknown }
  | { hang: true }
);

export type FakeKubernetesOptions = {
  token: string;
  /** serve https with this key and certificate (and ask for a client certificate signed by `ca`) */
  tls?: { key: string; cert: string; ca?: string };
  /** the loopback address to listen on; 127.0.0.1 unless a test needs IPv6 (::1) */
  host?: '127.0.0.1' | '::1';
};

/** Starts the fake API on 127.0.0.1 and an ephemeral port. */
export async function startFakeKubernetes(options: FakeKubernetesOptions) {
  const requests: RecordedRequest[] = [];
  const store = createFakeStore(options.token);
  const faults: Fault[] = [];
  const hung: http.ServerResponse[] = [];

  const listener = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const socket = req.socket as http.IncomingMessage['socket'] & {
      getPeerCertificate?: () => { subject?: { CN?: string } };
    };
    const recorded: RecordedRequest = {
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: text ? (JSON.parse(text) as unknown) : undefined,
      clientCn: socket.getPeerCertificate?.()?.subject?.CN,
    };
    requests.push(recorded);
    const fault = faults.find((f) => f.method === recorded.method && f.path === recorded.path);
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) faults.splice(faults.indexOf(fault), 1);
      if ('hang' in fault) {
        hung.push(res);
        return;
      }
      const payload = typeof fault.body === 'string' ? fault.body : JSON.stringify(fault.body);
      res.writeHead(fault.status, {
        'Content-Type': typeof fault.body === 'string' ? 'text/html' : 'application/json',
      });
      res.end(payload);
      return;
    }
    const answer = store.handle(recorded);
    res.writeHead(answer.status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  };

  const server = options.tls
    ? https.createServer(
        { ...options.tls, requestCert: !!options.tls.ca, rejectUnauthorized: false },
        listener,
      )
    : http.createServer(listener);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    requests,
    ...store,
    /** the next matching request(s) get this answer instead */
    fault(fault: Fault) {
      faults.push(fault);
    },
    async close() {
      for (const res of hung) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeKubernetes = Awaited<ReturnType<typeof startFakeKubernetes>>;
