import fs from 'node:fs/promises';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { capturingLogger } from '../../__fixtures__/capturingLogger';
import { createKfMeshOnboardAction } from './onboard';

const BASE_INPUT = {
  cluster: 'prod',
  namespace: 'team-a',
  mode: 'ambient',
  owner: 'alice@example.com',
  contributors: [{ user: 'bob@example.com', role: 'edit' }],
  currentMode: 'sidecar',
  targetPath: 'out',
};

describe('kf-mesh:onboard', () => {
  const root = createMockDirectory();
  const workspacePath = () => root.resolve('workspace');
  beforeEach(() => root.setContent({ workspace: {}, outside: {} }));

  async function run(
    input: Record<string, unknown>,
    extra: { isDryRun?: boolean } = {},
  ) {
    const { logger, lines } = capturingLogger();
    const ctx = createMockActionContext<any>({
      input,
      workspacePath: workspacePath(),
      logger,
    });
    await createKfMeshOnboardAction().handler({ ...ctx, ...extra });
    const outputs = Object.fromEntries((ctx.output as jest.Mock).mock.calls);
    return { outputs, lines };
  }

  function parsedFiles(dir = 'out') {
    const content = root.content({ path: `workspace/${dir}` }) as Record<
      string,
      string
    >;
    return Object.fromEntries(
      Object.entries(content).map(([name, text]) => [
        name,
        yaml.parseAllDocuments(text).map(d => d.toJS()),
      ]),
    );
  }

  it('writes the kustomize directory and outputs the pull request text', async () => {
    const { outputs } = await run(BASE_INPUT);
    const files = parsedFiles();
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        'kustomization.yaml',
        'namespace-labels.yaml',
        'namespace.yaml',
      ]),
    );
    const kustomization = files['kustomization.yaml'][0];
    expect(kustomization.kind).toBe('Kustomization');
    // every resource the kustomization names was written
    for (const resource of kustomization.resources)
      expect(files).toHaveProperty([resource]);
    const waypoint = Object.values(files)
      .flat()
      .find((o: any) => o?.kind === 'Gateway') as any;
    expect(waypoint).toMatchObject({
      metadata: { namespace: 'team-a' },
      spec: { gatewayClassName: 'istio-waypoint' },
    });
    expect(files['namespace-labels.yaml'][0].metadata.labels).toMatchObject({
      'istio.io/dataplane-mode': 'ambient',
    });
    expect(outputs).toMatchObject({
      branchName: 'kf-mesh/onboard/prod/team-a/ambient',
      title: expect.stringContaining('team-a'),
      description: expect.stringContaining('team-a'),
      summary: expect.any(String),
      filesToDelete: [],
      targetPath: 'out',
    });
    expect(outputs.files).toEqual(
      Object.keys(files)
        .sort()
        .map(f => `out/${f}`),
    );
  });

  it('lists the previous mode’s files to delete when the mode changes', async () => {
    const { outputs } = await run({
      ...BASE_INPUT,
      mode: 'sidecar-strict',
      currentMode: 'ambient',
    });
    expect(outputs.branchName).toBe(
      'kf-mesh/onboard/prod/team-a/sidecar-strict',
    );
    expect(outputs.filesToDelete.length).toBeGreaterThan(0);
    for (const file of outputs.filesToDelete) {
      expect(root.content({ path: 'workspace/out' })).not.toHaveProperty([
        file,
      ]);
    }
  });

  it('gives byte-identical files and outputs on a re-run', async () => {
    const first = await run(BASE_INPUT);
    const before = root.content({ path: 'workspace' });
    const second = await run(BASE_INPUT);
    expect(root.content({ path: 'workspace' })).toEqual(before);
    expect(second.outputs).toEqual(first.outputs);
  });

  it('writes nothing outside the workspace in dry-run mode', async () => {
    const { outputs } = await run(BASE_INPUT, { isDryRun: true });
    expect(root.content({ path: 'outside' })).toEqual({});
    expect(Object.keys(root.content() as object).sort()).toEqual([
      'outside',
      'workspace',
    ]);
    expect(outputs.branchName).toBe('kf-mesh/onboard/prod/team-a/ambient');
  });

  it('keeps YAML-special owner text as data', async () => {
    const owner = 'x: y #{{ "quoted" }} - [a, b] &anchor !tag |';
    await run({ ...BASE_INPUT, owner });
    const texts = Object.values(
      root.content({ path: 'workspace/out' }) as Record<string, string>,
    );
    const values = JSON.stringify(
      texts.flatMap(t => yaml.parseAllDocuments(t).map(d => d.toJS())),
    );
    expect(values).toContain(JSON.stringify(owner).slice(1, -1));
  });

  it.each([
    ['namespace', { namespace: '../x' }],
    ['namespace', { namespace: 'kubeflow' }],
    ['cluster', { cluster: 'prod\nevil: true' }],
    ['owner', { owner: 'alice\nkind: ClusterRoleBinding' }],
    [
      'contributors.0.user',
      { contributors: [{ user: 'bob\u202e', role: 'edit' }] },
    ],
    ['options.waypointName', { options: { waypointName: 'Way/Point' } }],
    ['owner', { owner: '*' }],
    ['owner', { owner: '*@example.com' }],
    ['contributors.0.user', { contributors: [{ user: '*', role: 'edit' }] }],
    ['options.userIdPrefix', { options: { userIdPrefix: '*' } }],
    ['gitopsPath', { gitopsPath: '..' }],
    ['gitopsPath', { gitopsPath: 'clusters/..' }],
    ['gitopsPath', { gitopsPath: 'clusters/./x' }],
    ['gitopsPath', { gitopsPath: 'a//b' }],
    ['gitopsPath', { gitopsPath: '' }],
    ['targetPath', { targetPath: '/etc/kf-mesh' }],
    ['targetPath', { targetPath: '../../outside' }],
  ])('rejects a bad %s naming it, writing nothing', async (field, override) => {
    const error = await run({ ...BASE_INPUT, ...override }).catch(e => e);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('InputError');
    expect(error.message).toContain(`'${field}'`);
    expect(root.content()).toEqual({ workspace: {}, outside: {} });
  });

  it("outputs the namespace's directory in the GitOps repository", async () => {
    const { outputs } = await run({
      ...BASE_INPUT,
      gitopsPath: 'gitops/clusters',
    });
    expect(outputs.repositoryPath).toBe('gitops/clusters/prod/team-a');
    const { outputs: defaults } = await run(BASE_INPUT);
    expect(defaults.repositoryPath).toBe('clusters/prod/team-a');
  });

  it('does not leave staging directories behind', async () => {
    await run(BASE_INPUT);
    await run(BASE_INPUT);
    expect(await fs.readdir(workspacePath())).toEqual(['out']);
  });
});
