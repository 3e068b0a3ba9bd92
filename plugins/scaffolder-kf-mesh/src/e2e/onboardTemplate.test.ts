import yaml from 'yaml';
import {
  GITHUB_TOKEN,
  KUBE_TOKEN,
  startOnboardingBackend,
} from './__testUtils__/onboardingBackend';

jest.setTimeout(120_000);

/**
 * End to end through the real scaffolder: template → kf-mesh:preflight
 * (kf-mesh-backend on kube-sim) → kf-mesh:onboard → publish:github:pull-request
 * (github-sim).
 */
describe('onboard-namespace template, end to end', () => {
  let stack: Awaited<ReturnType<typeof startOnboardingBackend>>;
  beforeAll(async () => {
    stack = await startOnboardingBackend();
  });
  afterAll(() => stack?.stop());

  const values = (overrides: Record<string, unknown> = {}) => ({
    profile: `resource:default/${stack.prodNamespace.name}`,
    mode: 'ambient',
    teamReviewers: ['kubeflow-platform'],
    reviewers: [],
    contributors: stack.prodNamespace.contributors.map(user => ({
      user,
      role: 'edit',
    })),
    // what the review step stores; a run whose plan differs fails at kf-mesh:onboard
    planReview: { acknowledged: true, planDigest: '0000000000000000' },
    ...overrides,
  });

  /** The form values after the review step: the digest of the plan the backend previews for them. */
  const reviewed = async (overrides: Record<string, unknown> = {}) => {
    const v = values(overrides);
    const res = await stack.preview({
      entityRef: v.profile,
      mode: v.mode,
      contributors: v.contributors,
    });
    expect(res.status).toBe(200);
    expect(res.body.preflight.errors).toEqual([]);
    return {
      ...v,
      planReview: { acknowledged: true, planDigest: res.body.planDigest },
    };
  };

  const writes = () =>
    stack.github
      .requests()
      .filter(
        r => r.method !== 'GET' && r.method !== 'HEAD' && r.path !== '/graphql',
      );

  function expectNoSecrets(events: unknown) {
    const text = JSON.stringify(events);
    expect(text).not.toContain(GITHUB_TOKEN);
    expect(text).not.toContain(KUBE_TOKEN);
    // the on-behalf-of token the preflight sends to kf-mesh-backend
    expect(text).not.toContain('mock-service-token');
  }

  it('opens a reviewed pull request with the manifests, then updates it on a re-run', async () => {
    const ns = stack.prodNamespace.name;
    const branch = `kf-mesh/onboard/prod/${ns}/ambient`;

    const first = await stack.runTemplate(await reviewed());
    expect(first.status).toBe('completed');
    expectNoSecrets(first.events);

    expect(stack.github.branches('kubeflow-platform', 'gitops')).toEqual([
      'main',
      branch,
    ]);
    const files = stack.github.filesAt('kubeflow-platform', 'gitops', branch);
    const dir = `clusters/prod/${ns}/`;
    const written = Object.keys(files).filter(p => p.startsWith(dir));
    expect(written).toEqual(
      expect.arrayContaining([
        `${dir}kustomization.yaml`,
        `${dir}namespace-labels.yaml`,
      ]),
    );
    const kustomization = yaml.parse(files[`${dir}kustomization.yaml`]);
    for (const resource of kustomization.resources)
      expect(files).toHaveProperty([`${dir}${resource}`]);
    const objects = written.flatMap(p =>
      yaml.parseAllDocuments(files[p]).map(d => d.toJS()),
    );
    expect(objects).toContainEqual(
      expect.objectContaining({
        kind: 'Gateway',
        metadata: expect.objectContaining({ namespace: ns }),
        spec: expect.objectContaining({ gatewayClassName: 'istio-waypoint' }),
      }),
    );
    expect(JSON.stringify(objects)).toContain(stack.prodNamespace.owner.email);
    for (const contributor of stack.prodNamespace.contributors) {
      expect(JSON.stringify(objects)).toContain(contributor);
    }

    const [pr] = stack.github.pullRequests('kubeflow-platform', 'gitops');
    expect(pr).toMatchObject({
      number: 1,
      state: 'open',
      headRef: branch,
      baseRef: 'main',
      title: expect.stringContaining(ns),
      requestedTeams: ['kubeflow-platform'],
    });
    expect(pr.body).toContain(ns);
    expect(first.output?.links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          title: 'Pull request',
          url: `${stack.github.url}/kubeflow-platform/gitops/pull/1`,
        }),
        expect.objectContaining({ entityRef: `resource:default/${ns}` }),
      ]),
    );

    expect(first.output?.text).toEqual([
      expect.objectContaining({
        title: 'What the pull request does',
        content: expect.stringContaining(ns),
      }),
      expect.objectContaining({
        title: 'Preflight warnings',
        content: expect.any(String),
      }),
    ]);

    const patchesBefore = stack.github
      .requests()
      .filter(r => r.method === 'PATCH').length;
    const second = await stack.runTemplate(await reviewed());
    expect(second.status).toBe('completed');
    expect(
      stack.github
        .requests()
        .filter(r => r.method === 'PATCH')
        .slice(patchesBefore)
        .map(r => r.path),
    ).toEqual([
      `/repos/kubeflow-platform/gitops/git/refs/heads/${branch}`,
      '/repos/kubeflow-platform/gitops/pulls/1',
    ]);
    const prs = stack.github.pullRequests('kubeflow-platform', 'gitops');
    expect(prs).toHaveLength(1);
    expect(prs[0]).toMatchObject({ number: 1, state: 'open', headRef: branch });
    expect(stack.github.filesAt('kubeflow-platform', 'gitops', branch)).toEqual(
      files,
    );
  });

  it('stops at the preflight, before anything is pushed, when the cluster cannot run ambient', async () => {
    const before = writes().length;
    const run = await stack.runTemplate(
      values({ profile: `resource:default/${stack.legacyNamespace.name}` }),
    );
    expect(run.status).toBe('failed');
    const failure = run.events.find(
      e => e.body.stepId === 'preflight' && e.body.status === 'failed',
    );
    expect(failure).toBeDefined();
    expect(JSON.stringify(run.events)).toContain(
      "Cluster 'legacy' runs no ztunnel",
    );
    expect(writes()).toHaveLength(before);
    expectNoSecrets(run.events);
  });

  it('fails cleanly when GitHub rate-limits the pull request, and a re-run finishes the job', async () => {
    const ns = stack.prodNamespace.name;
    const branch = `kf-mesh/onboard/prod/${ns}/sidecar-strict`;
    stack.github.faults.fail({
      status: 403,
      method: 'POST',
      pathIncludes: '/pulls',
      message: 'API rate limit exceeded for installation.',
      headers: { 'retry-after': '60', 'x-ratelimit-remaining': '0' },
    });
    const limited = await stack.runTemplate(
      await reviewed({ mode: 'sidecar-strict' }),
    );
    expect(limited.status).toBe('failed');
    const failed = limited.events
      .filter(e => e.body.status === 'failed')
      .map(e => e.body.stepId);
    expect(failed).toEqual(['publish']);
    expect(JSON.stringify(limited.events)).toContain('API rate limit exceeded');
    expectNoSecrets(limited.events);
    // the branch was pushed before the limit hit; no pull request yet
    expect(stack.github.branches('kubeflow-platform', 'gitops')).toContain(
      branch,
    );
    expect(
      stack.github
        .pullRequests('kubeflow-platform', 'gitops')
        .filter(p => p.headRef === branch),
    ).toEqual([]);

    const retried = await stack.runTemplate(
      await reviewed({ mode: 'sidecar-strict' }),
    );
    expect(retried.status).toBe('completed');
    const prs = stack.github
      .pullRequests('kubeflow-platform', 'gitops')
      .filter(p => p.headRef === branch);
    expect(prs).toEqual([
      expect.objectContaining({
        state: 'open',
        requestedTeams: ['kubeflow-platform'],
      }),
    ]);
  });

  it('dry-runs the whole template without pushing anything', async () => {
    const before = writes().length;
    const res = await stack.dryRun(await reviewed());
    expect(res.status).toBe(200);
    const paths = (res.body.directoryContents as Array<{ path: string }>).map(
      f => f.path,
    );
    expect(paths).toEqual(
      expect.arrayContaining(['onboarding/kustomization.yaml']),
    );
    expect(paths.every(p => p.startsWith('onboarding/'))).toBe(true);
    expect(res.body.output.links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ title: 'Pull request' }),
      ]),
    );
    expect(writes()).toHaveLength(before);
    expectNoSecrets(res.body);
  });

  it.each([
    [
      'a wildcard contributor (the probe)',
      { contributors: [{ user: '*', role: 'edit' }] },
      'instance.contributors[0].user',
    ],
    [
      'a wildcard in a contributor id',
      { contributors: [{ user: '*@example.com', role: 'edit' }] },
      'instance.contributors[0].user',
    ],
    [
      'a wildcard userid prefix',
      { userIdPrefix: '*' },
      'instance.userIdPrefix',
    ],
    [
      'a plan not acknowledged',
      { planReview: { acknowledged: false, planDigest: '0000000000000000' } },
      'instance.planReview.acknowledged',
    ],
    [
      'a newline in the profile',
      { profile: 'resource:default/bob\n' },
      'instance.profile',
    ],
    [
      'a NUL in the profile',
      { profile: 'resource:default/bob\u0000' },
      'instance.profile',
    ],
    [
      'too many contributors',
      {
        contributors: Array.from({ length: 201 }, (_, i) => ({
          user: `u${i}@example.com`,
          role: 'view',
        })),
      },
      'instance.contributors',
    ],
  ])(
    'dry run refuses %s with a 400 naming the field, nothing pushed',
    async (_, overrides, property) => {
      const before = writes().length;
      const res = await stack.dryRun(values(overrides));
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ property })]),
      );
      expect(writes()).toHaveLength(before);
    },
  );

  it('dry run names an unknown profile clearly', async () => {
    const res = await stack.dryRun(
      values({ profile: 'resource:default/no-such-profile' }),
    );
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({
      name: 'NotFoundError',
      message: expect.stringMatching(
        /^Entity 'resource:default\/no-such-profile' was not found, or you may not onboard it/,
      ),
    });
  });

  it('stops at the preflight when a KFAM contributor would lose access, naming them', async () => {
    const before = writes().length;
    const run = await stack.runTemplate(values({ contributors: [] }));
    expect(run.status).toBe('failed');
    const [first] = stack.prodNamespace.contributors;
    expect(JSON.stringify(run.events)).toContain(
      `Contributor ${first} (edit) is shared on the cluster (KFAM RoleBinding`,
    );
    expect(writes()).toHaveLength(before);
  });

  it('refuses a stale contributor list, naming the user the cluster does not share the profile with', async () => {
    const before = writes().length;
    const stale = [
      ...values().contributors,
      { user: 'gone@example.com', role: 'edit' },
    ];
    const run = await stack.runTemplate(values({ contributors: stale }));
    expect(run.status).toBe('failed');
    expect(JSON.stringify(run.events)).toContain(
      'Contributor gone@example.com is not shared on the cluster (no KFAM RoleBinding user-gone-example-com-clusterrole-edit',
    );
    expect(writes()).toHaveLength(before);
  });

  it('refuses to open a PR from another plan than the one reviewed', async () => {
    const before = writes().length;
    const run = await stack.runTemplate(values());
    expect(run.status).toBe('failed');
    const failed = run.events
      .filter(e => e.body.status === 'failed')
      .map(e => e.body.stepId);
    expect(failed).toEqual(['onboard']);
    expect(JSON.stringify(run.events)).toContain(
      'The plan changed since it was reviewed (reviewed 0000000000000000, now ',
    );
    expect(writes()).toHaveLength(before);
  });

  it.each([
    [
      'a namespace the profile does not map to',
      { namespace: 'kubeflow' },
      /none is \*\/kubeflow \(only the entity's own namespaces can be onboarded\)/,
    ],
    ['a traversal namespace', { namespace: '../x' }, /namespace/],
    [
      'a newline in the namespace',
      { namespace: 'team\nkind: Secret' },
      /namespace/,
    ],
    ['an unknown mode', { mode: 'mesh' }, /mode/],
  ])(
    'refuses %s: clear error, nothing pushed',
    async (_, overrides, message) => {
      const before = writes().length;
      const branches = stack.github.branches('kubeflow-platform', 'gitops');
      const run = await stack.runTemplate(values(overrides));
      expect(run.status === 'rejected' || run.status === 'failed').toBe(true);
      const text =
        run.status === 'rejected'
          ? JSON.stringify(run.body)
          : JSON.stringify(run.events);
      expect(text).toMatch(message);
      expect(writes()).toHaveLength(before);
      expect(stack.github.branches('kubeflow-platform', 'gitops')).toEqual(
        branches,
      );
      expectNoSecrets(run.events);
    },
  );
});
