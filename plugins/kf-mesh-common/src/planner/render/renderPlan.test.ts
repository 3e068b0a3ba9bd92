import { parse } from 'yaml';
import { kubectlKustomize } from '../__testUtils__/kubectlKustomize';
import {
  ambientProfileRequest,
  contributors,
  requestMatrix,
} from '../__fixtures__/requests';
import { planOnboarding } from '../plan/planOnboarding';
import { renderPlan } from './renderPlan';

const strip = (o: any) => JSON.parse(JSON.stringify(o));

describe('renderPlan: kustomize directory built with kubectl kustomize', () => {
  it.each(
    requestMatrix().map(r => [
      `${r.currentMode ?? 'unknown'}->${r.targetMode} KFP ${
        r.options!.kfpVersion
      }`,
      r,
    ]),
  )(
    '%s builds and yields exactly the planned objects and labels',
    (_, request) => {
      const plan = planOnboarding(request);
      const rendered = renderPlan(plan);
      const { docs, output } = kubectlKustomize(rendered.files);
      const namespace = docs.find(d => d.kind === 'Namespace');
      const others = docs.filter(d => d.kind !== 'Namespace');
      // every planned object, unchanged, in apply (step) order; nothing else
      const rank = (stepId: string) =>
        plan.steps.findIndex(st => st.id === stepId);
      const expected = plan.objects
        .map((o, i) => ({ o, i }))
        .sort((a, b) => rank(a.o.stepId) - rank(b.o.stepId) || a.i - b.i)
        .map(x => strip(x.o.object));
      expect(others).toEqual(expected);
      // labels: exactly the ones to set; removed keys absent, never the string "null"
      expect(namespace.metadata.name).toBe(plan.input.namespace);
      expect(namespace.metadata.labels).toEqual(plan.namespaceLabels.set);
      for (const key of plan.namespaceLabels.remove) {
        expect(namespace.metadata.labels).not.toHaveProperty(key);
      }
      expect(output).not.toMatch(/: "?null"?$/m);
      expect(
        namespace.metadata.annotations['argocd.argoproj.io/sync-options'],
      ).toBe('Prune=false');
    },
  );

  it('applies the waypoint and its L4 allow before the Namespace labels, then the L7 policies', () => {
    const { docs } = kubectlKustomize(
      renderPlan(planOnboarding(ambientProfileRequest)).files,
    );
    const order = docs.map(d => `${d.kind}/${d.metadata.name}`);
    expect(order.slice(0, 2)).toEqual([
      'Gateway/waypoint',
      'AuthorizationPolicy/waypoint-l4-access',
    ]);
    expect(order.indexOf('Namespace/my-profile')).toBe(order.length - 1);
  });

  it('round-trips legal values with ": ", "#", "{{", quotes and YAML 1.1 booleans literally', () => {
    for (const owner of [
      'team: ml #1 {{owner}}@example.com',
      'on',
      'yes',
      'null',
      '0755',
      'o\'brien "quoted" @x',
      '- dash | pipe > gt',
    ]) {
      const plan = planOnboarding({
        ...ambientProfileRequest,
        owner,
        contributors: [{ user: `${owner} (c)`, role: 'edit' }],
        options: { userIdPrefix: 'accounts.google.com: #{{' },
      });
      const rendered = renderPlan(plan);
      const file = rendered.files.find(
        f =>
          f.path === 'authorizationpolicy-ns-owner-access-istio-l7-allow.yaml',
      )!;
      const expected = `accounts.google.com: #{{${owner}`;
      // our YAML, read back as YAML 1.1 and 1.2
      for (const version of ['1.1', '1.2'] as const) {
        expect(
          parse(file.content, { version }).spec.rules[0].when[0].values,
        ).toEqual([expected]);
      }
      // and what kubectl makes of it
      const { docs } = kubectlKustomize(rendered.files);
      const ap = docs.find(
        d => d.metadata.name === 'ns-owner-access-istio-l7-allow',
      );
      expect(ap.spec.rules[0].when[0].values).toEqual([expected]);
      const contributor = docs.find(
        d => d.metadata.annotations?.role === 'edit',
      );
      expect(contributor.metadata.annotations.user).toBe(`${owner} (c)`);
      // never leaks into the YAML structure
      expect(docs).toHaveLength(plan.objects.length + 1);
    }
  });
});

describe('renderPlan output', () => {
  it('is deterministic: two plans and renders of the same input are byte-identical', () => {
    for (const request of requestMatrix()) {
      const a = renderPlan(planOnboarding(request));
      const b = renderPlan(planOnboarding(structuredClone(request)));
      expect(b).toEqual(a);
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    }
  });

  it('lists files sorted, one per object plus the namespace, its labels patch and kustomization', () => {
    const rendered = renderPlan(
      planOnboarding({ ...ambientProfileRequest, contributors }),
    );
    const paths = rendered.files.map(f => f.path);
    expect(paths).toEqual([...paths].sort());
    expect(paths).toEqual(
      expect.arrayContaining([
        'kustomization.yaml',
        'namespace.yaml',
        'namespace-labels.yaml',
      ]),
    );
    expect(paths).toHaveLength(7 + 3);
    for (const p of paths) expect(p).toMatch(/^[a-z0-9][a-z0-9.-]*\.yaml$/);
  });

  it('computes filesToDelete from the current mode directory', () => {
    const onboard = renderPlan(
      planOnboarding({
        ...ambientProfileRequest,
        contributors,
        currentMode: 'sidecar-strict',
      }),
    );
    expect(onboard.filesToDelete).toEqual([
      'authorizationpolicy-ns-owner-access-istio.yaml',
      'authorizationpolicy-user-alice-example-com-clusterrole-edit.yaml',
      'authorizationpolicy-user-bob-smith-example-com-clusterrole-view.yaml',
      'peerauthentication-default.yaml',
    ]);
    const rollback = renderPlan(
      planOnboarding({
        ...ambientProfileRequest,
        contributors,
        currentMode: 'ambient',
        targetMode: 'sidecar-strict',
      }),
    );
    expect(rollback.filesToDelete).toEqual([
      'authorizationpolicy-ml-pipeline-visualizationserver-l7-ml-pipeline.yaml',
      'authorizationpolicy-ns-owner-access-istio-l7-allow.yaml',
      'authorizationpolicy-user-alice-example-com-clusterrole-edit-l7-allow.yaml',
      'authorizationpolicy-user-bob-smith-example-com-clusterrole-view-l7-allow.yaml',
      'authorizationpolicy-waypoint-l4-access.yaml',
      'gateway-waypoint.yaml',
    ]);
    // the token policy keeps its file name across modes, so it is updated, not deleted
    expect(rollback.files.map(f => f.path)).toContain(
      'authorizationpolicy-ns-l7-allow-k8s-token.yaml',
    );
    for (const currentMode of [
      undefined,
      'none',
      'sidecar',
      'ambient',
    ] as const) {
      expect(
        renderPlan(planOnboarding({ ...ambientProfileRequest, currentMode }))
          .filesToDelete,
      ).toEqual([]);
    }
  });

  it('writes a PR description with summary, objects and why, risks, post-merge steps and rollback', () => {
    const plan = planOnboarding({ ...ambientProfileRequest, contributors });
    const { description, title, summary, branchName } = renderPlan(plan);
    expect(title).toBe('kf-mesh: Onboard my-profile (demo) to Istio ambient');
    expect(branchName).toBe('kf-mesh/onboard/demo/my-profile/ambient');
    expect(summary).toMatch(/7 object\(s\).*4 deletion\(s\)/);
    for (const heading of [
      'Summary',
      'Steps (in order)',
      'Objects',
      'Namespace labels',
      'Deletions',
      'Controller settings (apply before merging)',
      'Risks',
      'After merge',
      'Rollback',
    ]) {
      expect(description).toContain(`### ${heading}\n`);
    }
    for (const o of plan.objects)
      expect(description).toContain(`\`${o.fileName}\``);
    for (const d of plan.deletions)
      expect(description).toContain(`${d.namespace}/${d.name}`);
    for (const s of plan.controllerSettings)
      expect(description).toContain(s.key);
    for (const w of plan.warnings)
      expect(description).toContain(`**${w.code}**`);
    for (const a of plan.postMerge) expect(description).toContain(a.command!);
    expect(description).toMatch(/target mode `sidecar-strict`/);
  });

  // istio.io/latest/docs/ambient/migrate/ ("Each step is independently reversible"); docs/mesh-semantics.md#a1-order
  it('lists the per-step rollback of the migration guide in the PR description, in step order', () => {
    const plan = planOnboarding(ambientProfileRequest);
    const { description } = renderPlan(plan);
    const rollback = description.slice(description.indexOf('### Rollback'));
    const rows = rollback
      .split('\n')
      .filter(l => l.startsWith('| ') && !/^\| (Step|---) \|/.test(l));
    const withRollback = plan.steps.filter(s => s.rollback);
    expect(rows).toHaveLength(withRollback.length);
    withRollback.forEach((s, i) => expect(rows[i]).toContain(s.title));
    expect(rollback).toContain(
      'kubectl label namespace my-profile istio-injection=enabled --overwrite',
    );
    expect(rollback).toContain(
      'kubectl label namespace my-profile istio.io/dataplane-mode-',
    );
  });

  it('keeps user text inside code spans so it cannot break the Markdown tables', () => {
    const owner = 'a|b `x` <img src=y> __bold__';
    const { description } = renderPlan(
      planOnboarding({ ...ambientProfileRequest, owner }),
    );
    const row = description.split('\n').find(l => l.startsWith('| Owner |'))!;
    expect(row).toBe('| Owner | ``a\\|b `x` <img src=y> __bold__`` |');
    // unescaped cell separators: exactly the three of a two-column row
    expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(4);
  });

  it('names the rollback in the title', () => {
    const plan = planOnboarding({
      ...ambientProfileRequest,
      currentMode: 'ambient',
      targetMode: 'sidecar-strict',
    });
    expect(renderPlan(plan).title).toBe(
      'kf-mesh: Roll back my-profile (demo) to Istio sidecar STRICT mTLS',
    );
  });
});
