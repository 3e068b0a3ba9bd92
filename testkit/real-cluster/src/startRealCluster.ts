import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kubeconfigYaml, upstreamCrdPaths } from '@kf-mesh/kube-sim';
import { ApiClient } from './ApiClient';
import { freePort } from './freePort';
import { installCrds } from './installCrds';
import { controlPlaneBinary } from './pinnedVersions';
import { ProcessGroup } from './ProcessGroup';
import { waitFor } from './waitFor';
import { Watchdog } from './Watchdog';

/** Options of {@link startRealCluster}. */
export interface RealClusterOptions {
  /** CRD files to install and wait for (default: the pinned Istio and Gateway API CRDs); `[]` for none. */
  crds?: string[];
  /** More CRD objects to install (e.g. kube-sim's Kubeflow `Profile` CRD, which no pinned module ships). */
  extraCrds?: unknown[];
  /** How long each process may take to become ready (default 60 s). */
  readyTimeoutMs?: number;
}

/** A ServiceAccount to get a TokenRequest token for. */
export interface ServiceAccountRef {
  namespace: string;
  name: string;
  /** Token lifetime (default 3600 s; the apiserver's minimum is 600 s). */
  expirationSeconds?: number;
}

/** A running etcd + kube-apiserver pair on 127.0.0.1. */
export interface RealCluster {
  /** The apiserver's https URL. */
  readonly url: string;
  /** PEM bundle that verifies the apiserver's serving certificate. */
  readonly caData: string;
  /** Bearer token of a static admin (group `system:masters`). */
  readonly adminToken: string;
  /** An admin kubeconfig file (mode 0600) for kubectl and client-node. */
  readonly kubeconfigPath: string;
  /** etcd's client URL (plain http on loopback). */
  readonly etcdUrl: string;
  /** Milliseconds each start phase took. */
  readonly timings: { etcdMs: number; apiServerMs: number; crdsMs: number };
  /** Raw admin HTTPS calls (setup only; tests should use real clients). */
  readonly admin: ApiClient;
  /** A kubeconfig (YAML) for this cluster with the given bearer token (default: the admin's). */
  kubeconfig(token?: string): string;
  /** Creates the namespace and ServiceAccount when missing and returns a token from the TokenRequest API. */
  token(account: ServiceAccountRef): Promise<string>;
  /** Stops and restarts kube-apiserver on the same port (etcd keeps the data); open watches break. */
  restartApiServer(): Promise<void>;
  /** Compacts etcd's history up to its current revision; returns that revision. */
  compact(): Promise<number>;
  /** Process ids of every process the cluster started (etcd, apiserver, watchdog). */
  pids(): number[];
  /** Stops every process and removes the work directory. */
  stop(): Promise<void>;
}

/**
 * Starts etcd and kube-apiserver from the binaries of `scripts/control-plane/build.sh` on free loopback
 * ports: TLS (the apiserver self-signs into its cert dir), RBAC, a service-account issuer and signing key
 * (TokenRequest works), a static admin token, the ServiceAccount admission plugin off (no controller
 * manager creates default ServiceAccounts), and the CRDs installed and Established.
 */
export async function startRealCluster(
  options: RealClusterOptions = {},
): Promise<RealCluster> {
  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  const etcdBinary = controlPlaneBinary('etcd');
  const apiServerBinary = controlPlaneBinary('kube-apiserver');
  const crdFiles = options.crds ?? upstreamCrdPaths();

  const workDir = fs.mkdtempSync(
    path.join(os.tmpdir(), 'kf-mesh-real-cluster-'),
  );
  const watchdog = new Watchdog(path.join(workDir, 'process-groups'), workDir);
  const groups: ProcessGroup[] = [];
  const track = (group: ProcessGroup) => {
    groups.push(group);
    watchdog.watch(group.pid);
    return group;
  };
  const untrack = async (group: ProcessGroup) => {
    await group.stop();
    watchdog.forget(group.pid);
    groups.splice(groups.indexOf(group), 1);
  };
  const stopAll = async () => {
    for (const group of [...groups].reverse()) await untrack(group);
    watchdog.dismiss();
    fs.rmSync(workDir, { recursive: true, force: true });
  };

  try {
    const t0 = Date.now();
    const [clientPort, peerPort, apiPort] = await distinctFreePorts(3);
    const etcdUrl = `http://127.0.0.1:${clientPort}`;
    const etcd = track(
      new ProcessGroup(
        'etcd',
        etcdBinary,
        etcdArgs(workDir, clientPort, peerPort),
        path.join(workDir, 'etcd.log'),
      ),
    );
    await waitFor('etcd /health', readyTimeoutMs, etcd, async () => {
      const res = await fetch(`${etcdUrl}/health`).catch(() => undefined);
      return res?.ok ? (await res.json()).health === 'true' : false;
    });
    const etcdMs = Date.now() - t0;

    const adminToken = crypto.randomBytes(24).toString('hex');
    writeAuthFiles(workDir, adminToken);
    const url = `https://127.0.0.1:${apiPort}`;
    const apiArgs = apiServerArgs(workDir, etcdUrl, apiPort);
    const certFile = path.join(workDir, 'certs', 'apiserver.crt');
    let apiServer!: ProcessGroup;
    let caData = '';
    let admin!: ApiClient;
    const startApiServer = async () => {
      apiServer = track(
        new ProcessGroup(
          'kube-apiserver',
          apiServerBinary,
          apiArgs,
          path.join(workDir, 'kube-apiserver.log'),
        ),
      );
      await waitFor(
        'kube-apiserver serving certificate',
        readyTimeoutMs,
        apiServer,
        async () => fs.existsSync(certFile),
      );
      // self-signed serving certificate followed by the CA that signed it
      caData = fs.readFileSync(certFile, 'utf8');
      admin = new ApiClient(url, caData, adminToken);
      await waitFor(
        'kube-apiserver /readyz',
        readyTimeoutMs,
        apiServer,
        async () => {
          const res = await admin
            .request('GET', '/readyz', undefined, 2_000)
            .catch(() => undefined);
          return res?.status === 200;
        },
      );
    };
    const t1 = Date.now();
    await startApiServer();
    const apiServerMs = Date.now() - t1;

    const t2 = Date.now();
    await installCrds(admin, crdFiles, readyTimeoutMs, options.extraCrds);
    const crdsMs = Date.now() - t2;

    const kubeconfig = (token: string = adminToken) =>
      kubeconfigYaml({
        url,
        token,
        caCert: caData,
        clusterName: 'real-cluster',
      });
    const kubeconfigPath = path.join(workDir, 'admin.kubeconfig');
    fs.writeFileSync(kubeconfigPath, kubeconfig(), { mode: 0o600 });

    return {
      url,
      get caData() {
        return caData;
      },
      adminToken,
      kubeconfigPath,
      etcdUrl,
      timings: { etcdMs, apiServerMs, crdsMs },
      get admin() {
        return admin;
      },
      kubeconfig,
      token: account => requestToken(admin, account),
      async restartApiServer() {
        await untrack(apiServer);
        await startApiServer();
      },
      compact: () => compactEtcd(etcdUrl),
      pids: () => [...groups.map(g => g.pid), watchdog.pid],
      stop: stopAll,
    };
  } catch (e) {
    await stopAll();
    throw e;
  }
}

async function distinctFreePorts(n: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < n) ports.add(await freePort());
  return [...ports];
}

function etcdArgs(
  workDir: string,
  clientPort: number,
  peerPort: number,
): string[] {
  const client = `http://127.0.0.1:${clientPort}`;
  const peer = `http://127.0.0.1:${peerPort}`;
  return [
    '--name=default',
    `--data-dir=${path.join(workDir, 'etcd')}`,
    `--listen-client-urls=${client}`,
    `--advertise-client-urls=${client}`,
    `--listen-peer-urls=${peer}`,
    `--initial-advertise-peer-urls=${peer}`,
    `--initial-cluster=default=${peer}`,
    // tests only: durability does not matter, speed does
    '--unsafe-no-fsync',
  ];
}

function writeAuthFiles(workDir: string, adminToken: string): void {
  // static token file: token,user,uid,"groups"
  fs.writeFileSync(
    path.join(workDir, 'tokens.csv'),
    `${adminToken},kf-mesh-admin,kf-mesh-admin,"system:masters"\n`,
    { mode: 0o600 },
  );
  const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', {
    modulusLength: 2048,
  });
  fs.writeFileSync(
    path.join(workDir, 'sa.pub'),
    publicKey.export({ type: 'spki', format: 'pem' }),
  );
  fs.writeFileSync(
    path.join(workDir, 'sa.key'),
    privateKey.export({ type: 'pkcs8', format: 'pem' }),
    {
      mode: 0o600,
    },
  );
}

function apiServerArgs(
  workDir: string,
  etcdUrl: string,
  port: number,
): string[] {
  return [
    `--etcd-servers=${etcdUrl}`,
    '--bind-address=127.0.0.1',
    `--secure-port=${port}`,
    // loopback is not a valid address for the `kubernetes` Endpoints: with no reconciler the apiserver
    // does not try to publish it (see docs/real-control-plane.md)
    '--advertise-address=127.0.0.1',
    '--endpoint-reconciler-type=none',
    `--cert-dir=${path.join(workDir, 'certs')}`,
    // kubeadm's default range: the scenarios' Services carry ClusterIPs from it
    '--service-cluster-ip-range=10.96.0.0/12',
    '--allow-privileged=true',
    '--authorization-mode=RBAC',
    // no kube-controller-manager creates the `default` ServiceAccount that this plugin would require
    '--disable-admission-plugins=ServiceAccount',
    `--token-auth-file=${path.join(workDir, 'tokens.csv')}`,
    `--service-account-issuer=https://127.0.0.1:${port}`,
    `--service-account-key-file=${path.join(workDir, 'sa.pub')}`,
    `--service-account-signing-key-file=${path.join(workDir, 'sa.key')}`,
  ];
}

async function requestToken(
  admin: ApiClient,
  account: ServiceAccountRef,
): Promise<string> {
  const { namespace, name } = account;
  await createIfMissing(admin, '/api/v1/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: namespace },
  });
  await createIfMissing(
    admin,
    `/api/v1/namespaces/${namespace}/serviceaccounts`,
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name, namespace },
    },
  );
  const res = await admin.request(
    'POST',
    `/api/v1/namespaces/${namespace}/serviceaccounts/${name}/token`,
    {
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'TokenRequest',
      spec: { expirationSeconds: account.expirationSeconds ?? 3600 },
    },
  );
  if (res.status !== 201 || !res.body?.status?.token) {
    throw new Error(
      `TokenRequest for ${namespace}/${name} failed: ${res.status} ${
        res.body?.message ?? ''
      }`,
    );
  }
  return res.body.status.token;
}

/** POSTs an object; an existing one (409 AlreadyExists) is fine. */
export async function createIfMissing(
  admin: ApiClient,
  collection: string,
  obj: unknown,
): Promise<void> {
  const res = await admin.request('POST', collection, obj);
  if (res.status !== 201 && res.status !== 409) {
    throw new Error(
      `POST ${collection} failed: ${res.status} ${
        res.body?.message ?? res.body
      }`,
    );
  }
}

async function compactEtcd(etcdUrl: string): Promise<number> {
  const post = async (p: string, body: unknown) => {
    const res = await fetch(`${etcdUrl}${p}`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    if (!res.ok)
      throw new Error(`etcd ${p} failed: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const status = await post('/v3/maintenance/status', {});
  const revision = Number(status.header.revision);
  await post('/v3/kv/compaction', {
    revision: String(revision),
    physical: true,
  });
  return revision;
}
