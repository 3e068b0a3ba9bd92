import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';

/** What a kubeconfig for the simulator contains. */
export interface KubeconfigOptions {
  url: string;
  /** Bearer token (note: kubectl only sends tokens over https). */
  token?: string;
  clusterName?: string;
  /** PEM CA certificate for an https simulator. */
  caCert?: string;
}

/** A kubeconfig (YAML text) for one cluster URL and bearer token. */
export function kubeconfigYaml(options: KubeconfigOptions): string {
  const name = options.clusterName ?? 'kube-sim';
  const cluster: Record<string, unknown> = { server: options.url };
  if (options.caCert) {
    cluster['certificate-authority-data'] = Buffer.from(
      options.caCert,
    ).toString('base64');
  } else if (options.url.startsWith('http:')) {
    // client-node 1.x refuses plain http unless TLS verification is "skipped"
    cluster['insecure-skip-tls-verify'] = true;
  }
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name, cluster }],
    users: [
      {
        name: `${name}-user`,
        user: options.token ? { token: options.token } : {},
      },
    ],
    contexts: [{ name, context: { cluster: name, user: `${name}-user` } }],
    'current-context': name,
  });
}

/** Writes a kubeconfig for (url, token) to `file` with mode 0600 and returns the path. */
export function writeKubeconfig(
  file: string,
  options: KubeconfigOptions,
): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, kubeconfigYaml(options), { mode: 0o600 });
  return file;
}
