import { readFileSync } from 'node:fs';

/** How to reach and authenticate to one Kubernetes API server (from a kubeconfig or in-cluster). */
export type KubernetesConnection = {
  /** the API server's base URL, without a trailing slash; may carry a path prefix (a proxy's) */
  server: string;
  /** PEM of the CA that signed the API server's certificate; the system's CAs when absent */
  caPem?: string;
  /** skip verifying the API server's certificate (kubeconfig's insecure-skip-tls-verify) */
  insecureSkipTlsVerify: boolean;
  /** the name to verify the server's certificate against, when it differs from the URL's host */
  tlsServerName?: string;
  /** a bearer token */
  token?: string;
  /** a file holding the bearer token, read again for each call: service-account tokens rotate */
  tokenFile?: string;
  /** PEM of a client certificate and its key (mutual TLS) */
  clientCertPem?: string;
  clientKeyPem?: string;
};

/** The text of a file that configuration names; the error says which file and who named it. */
export function readConfigFile(file: string, namedBy: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Error(`${namedBy}: cannot read ${file} (${code})`, { cause: error });
  }
}

/** A PEM block given as base64 (kubeconfig's *-data fields), checked so a wrong field fails early. */
export function decodePem(base64: string, namedBy: string): string {
  const pem = Buffer.from(base64, 'base64').toString('utf8');
  if (!pem.includes('-----BEGIN ')) throw new Error(`${namedBy}: not base64-encoded PEM`);
  return pem;
}

/** A readable PEM file, checked like decodePem. */
export function readPemFile(file: string, namedBy: string): string {
  const pem = readConfigFile(file, namedBy);
  if (!pem.includes('-----BEGIN ')) throw new Error(`${namedBy}: ${file} is not a PEM file`);
  return pem;
}
