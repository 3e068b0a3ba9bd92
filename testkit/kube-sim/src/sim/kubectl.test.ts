import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { buildScenario } from '../scenario/buildScenario';
import { startKubeSim, type KubeSim } from './KubeSim';

const KUBECTL = '/usr/bin/kubectl';
const TOKEN = 'kubectl-admin-token';
const READER = 'kubectl-reader-token';

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

// real servers, real clients and ~1 MB of CRD schemas: generous limits for busy CI machines
jest.setTimeout(30_000);

describe('kubectl 1.32 against kube-sim', () => {
  let sim: KubeSim;
  let dir: string;
  let caFile: string;

  const kubectl = (args: string[], token = TOKEN): Promise<Result> =>
    new Promise(resolve => {
      execFile(
        KUBECTL,
        [
          '--server',
          sim.url,
          '--token',
          token,
          '--certificate-authority',
          caFile,
          '--cache-dir',
          path.join(dir, 'cache'),
          ...args,
        ],
        {
          env: {
            PATH: process.env.PATH ?? '',
            HOME: dir,
            KUBECONFIG: path.join(dir, 'empty-kubeconfig'),
          },
          timeout: 30_000,
        },
        (error, stdout, stderr) =>
          resolve({
            code: error ? Number((error as any).code ?? 1) : 0,
            stdout,
            stderr,
          }),
      );
    });

  beforeAll(async () => {
    if (!fs.existsSync(KUBECTL)) {
      throw new Error(
        `${KUBECTL} is missing: install kubectl 1.32 (these tests need a real client)`,
      );
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-sim-kubectl-'));
    fs.writeFileSync(path.join(dir, 'empty-kubeconfig'), '');
    // kubectl only sends bearer tokens over https, so this simulator serves TLS
    sim = await startKubeSim({
      tls: true,
      scenario: buildScenario({ kind: 'mixed', seed: 7 }),
      auth: {
        tokens: {
          [TOKEN]: 'admin',
          [READER]: {
            user: 'viewer',
            rules: [
              {
                verbs: ['get', 'list'],
                groups: ['security.istio.io'],
                resources: ['authorizationpolicies'],
              },
            ],
          },
        },
      },
    });
    caFile = path.join(dir, 'ca.pem');
    fs.writeFileSync(caFile, sim.caCert!);
  });
  afterAll(async () => {
    await sim.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gets namespaces as a server-side table', async () => {
    const { code, stdout, stderr } = await kubectl(['get', 'namespaces']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+STATUS\s+AGE$/);
    const names = lines.slice(1).map(l => l.split(/\s+/)[0]);
    expect(names).toEqual(
      sim
        .list({ apiVersion: 'v1', kind: 'Namespace' })
        .map(n => n.metadata.name),
    );
    expect(lines[1]).toMatch(/\sActive\s/);
  });

  it('gets pods in all namespaces with a label selector', async () => {
    const { code, stdout } = await kubectl([
      'get',
      'pods',
      '-A',
      '-l',
      'app=ml-pipeline-ui-artifact',
    ]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/,
    );
    const expected = sim.list({
      apiVersion: 'v1',
      kind: 'Pod',
      labelSelector: 'app=ml-pipeline-ui-artifact',
    });
    expect(lines).toHaveLength(expected.length + 1);
    expect(lines.slice(1).every(l => /\sRunning\s/.test(l))).toBe(true);
  });

  it('gets authorizationpolicies.security.istio.io -A with the CRD printer columns, and by short name', async () => {
    const full = await kubectl([
      'get',
      'authorizationpolicies.security.istio.io',
      '-A',
    ]);
    expect(full.code).toBe(0);
    expect(full.stdout.split('\n')[0]).toMatch(
      /^NAMESPACE\s+NAME\s+ACTION\s+AGE$/,
    );
    expect(full.stdout).toMatch(/istio-system\s+global-deny-all\s/);
    const short = await kubectl(['get', 'ap', '-A']);
    expect(short.stdout).toBe(full.stdout);
  });

  it('prints -o json that matches the store, with set-based selectors', async () => {
    const { code, stdout } = await kubectl([
      'get',
      'namespaces',
      '-l',
      'istio.io/dataplane-mode in (ambient),app.kubernetes.io/part-of',
      '-o',
      'json',
    ]);
    expect(code).toBe(0);
    const list = JSON.parse(stdout);
    expect(list.kind).toBe('List');
    const expected = sim.list({
      apiVersion: 'v1',
      kind: 'Namespace',
      labelSelector:
        'istio.io/dataplane-mode=ambient,app.kubernetes.io/part-of',
    });
    expect(list.items.map((n: any) => n.metadata.name)).toEqual(
      expected.map(n => n.metadata.name),
    );
    expect(list.items.length).toBeGreaterThan(0);
  });

  it('applies a generated manifest (create, then configure with a merge patch)', async () => {
    const ns = 'kubectl-apply';
    const manifest = (action: string) =>
      [
        {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: {
            name: ns,
            labels: { 'istio.io/dataplane-mode': 'ambient' },
          },
        },
        {
          apiVersion: 'gateway.networking.k8s.io/v1',
          kind: 'Gateway',
          metadata: {
            name: 'waypoint',
            namespace: ns,
            labels: { 'istio.io/waypoint-for': 'service' },
          },
          spec: {
            gatewayClassName: 'istio-waypoint',
            listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }],
          },
        },
        {
          apiVersion: 'security.istio.io/v1beta1',
          kind: 'AuthorizationPolicy',
          metadata: { name: 'ns-l4-waypoint', namespace: ns },
          spec: {
            action,
            rules: [
              {
                from: [
                  {
                    source: {
                      principals: [`cluster.local/ns/${ns}/sa/waypoint`],
                    },
                  },
                ],
              },
            ],
          },
        },
      ]
        .map(o => stringify(o))
        .join('---\n');
    const file = path.join(dir, 'onboarding.yaml');
    fs.writeFileSync(file, manifest('ALLOW'));
    const created = await kubectl(['apply', '-f', file]);
    expect(created.stderr).toBe('');
    expect(created.stdout.trim().split('\n')).toEqual([
      `namespace/${ns} created`,
      'gateway.gateway.networking.k8s.io/waypoint created',
      'authorizationpolicy.security.istio.io/ns-l4-waypoint created',
    ]);
    const gw = sim.get({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      namespace: ns,
      name: 'waypoint',
    });
    expect(
      gw?.metadata.annotations?.[
        'kubectl.kubernetes.io/last-applied-configuration'
      ],
    ).toContain('istio-waypoint');

    fs.writeFileSync(file, manifest('DENY'));
    const configured = await kubectl(['apply', '-f', file]);
    expect(configured.stdout).toContain(
      'authorizationpolicy.security.istio.io/ns-l4-waypoint configured',
    );
    // kubectl's JSON merge patch replaces the listeners list without the server-defaulted
    // allowedRoutes; after defaulting the object is identical, so nothing is written
    const gwAfter = sim.get({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      namespace: ns,
      name: 'waypoint',
    });
    expect(gwAfter?.metadata.resourceVersion).toBe(
      gw?.metadata.resourceVersion,
    );
    expect((gwAfter?.spec as any).listeners[0].allowedRoutes).toEqual({
      namespaces: { from: 'Same' },
    });
    const policy = sim.get({
      apiVersion: 'security.istio.io/v1',
      kind: 'AuthorizationPolicy',
      namespace: ns,
      name: 'ns-l4-waypoint',
    });
    expect(policy?.spec).toMatchObject({ action: 'DENY' });
    expect(policy?.metadata.generation).toBe(2);
  });

  it('applies a changed Deployment with a strategic merge patch that keeps untouched list fields', async () => {
    const deployment = (image: string) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'kubeflow' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            containers: [
              {
                name: 'web',
                image,
                ports: [{ containerPort: 8080 }],
                env: [{ name: 'MODE', value: 'x' }],
              },
            ],
          },
        },
      },
    });
    const file = path.join(dir, 'deployment.yaml');
    fs.writeFileSync(file, stringify(deployment('web:1')));
    expect((await kubectl(['apply', '-f', file])).stdout).toContain(
      'deployment.apps/web created',
    );
    fs.writeFileSync(file, stringify(deployment('web:2')));
    expect((await kubectl(['apply', '-f', file])).stdout).toContain(
      'deployment.apps/web configured',
    );
    const live = sim.get({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      namespace: 'kubeflow',
      name: 'web',
    });
    expect((live?.spec as any).template.spec.containers).toEqual([
      {
        name: 'web',
        image: 'web:2',
        ports: [{ containerPort: 8080 }],
        env: [{ name: 'MODE', value: 'x' }],
      },
    ]);
    expect(live?.metadata.generation).toBe(2);
  });

  it('reports a custom resource the CRD schema rejects, and unknown fields under strict validation', async () => {
    const file = path.join(dir, 'invalid.yaml');
    fs.writeFileSync(
      file,
      stringify({
        apiVersion: 'security.istio.io/v1',
        kind: 'AuthorizationPolicy',
        metadata: { name: 'bad', namespace: 'kubeflow' },
        spec: { action: 'FOO' },
      }),
    );
    const invalid = await kubectl(['apply', '-f', file]);
    expect(invalid.code).not.toBe(0);
    expect(invalid.stderr).toContain(
      // kubectl lists the causes one a line
      'The AuthorizationPolicy "bad" is invalid: \n* spec.action: Unsupported value: "FOO": supported values: "ALLOW", "DENY", "AUDIT", "CUSTOM"\n* <nil>: Invalid value: null: some validation rules were not checked',
    );

    fs.writeFileSync(
      file,
      stringify({
        apiVersion: 'security.istio.io/v1',
        kind: 'AuthorizationPolicy',
        metadata: { name: 'typo', namespace: 'kubeflow' },
        spec: { acton: 'ALLOW' },
      }),
    );
    const unknown = await kubectl(['apply', '-f', file]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('unknown field "spec.acton"');
    expect(
      sim.get({
        apiVersion: 'security.istio.io/v1',
        kind: 'AuthorizationPolicy',
        namespace: 'kubeflow',
        name: 'typo',
      }),
    ).toBeUndefined();
  });

  it('shows the apiserver Forbidden message to a limited token', async () => {
    const allowed = await kubectl(['get', 'ap', '-n', 'istio-system'], READER);
    expect(allowed.code).toBe(0);
    const denied = await kubectl(['get', 'pods', '-n', 'kubeflow'], READER);
    expect(denied.code).not.toBe(0);
    expect(denied.stderr).toContain(
      'Error from server (Forbidden): pods is forbidden: User "viewer" cannot list resource "pods" in API group "" in the namespace "kubeflow"',
    );
    expect(denied.stderr).not.toContain(READER);
  });
});
