import path from 'node:path';
import {
  APP_PLACEHOLDER,
  type InjectedContainer,
  type InjectedSidecar,
  type InjectedSidecarFixture,
} from '@kf-mesh/kube-sim';
import { istioBuild } from './istioBinaries';
import { renderAmbientProfile } from './ambientProfile';
import { kubeInject } from './kubeInject';

const APP = 'kf-mesh-workload';

/** The pod shape injected: one container named like its `app` label, as kube-sim's workloads. */
export const workloadPod = () => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: APP, namespace: 'default', labels: { app: APP } },
  spec: { containers: [{ name: APP, image: 'example.com/workload:1' }] },
});

const templ = (v: string) => (v === APP ? APP_PLACEHOLDER : v);

function addedEntries(
  before: Record<string, string> | undefined,
  after: Record<string, string> | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(after ?? {}).sort(([a], [b]) =>
    a.localeCompare(b),
  ))
    if (before?.[k] !== v) out[k] = templ(v);
  return out;
}

function container(c: any): InjectedContainer {
  return {
    name: c.name,
    image: c.image,
    ...(c.args ? { args: c.args } : {}),
    ...(c.ports
      ? {
          ports: c.ports.map((p: any) => ({
            containerPort: p.containerPort,
            ...(p.name ? { name: p.name } : {}),
            ...(p.protocol ? { protocol: p.protocol } : {}),
          })),
        }
      : {}),
    ...(c.restartPolicy ? { restartPolicy: c.restartPolicy } : {}),
  };
}

/** Pure: what injection added to `before`, reduced to the fields of {@link InjectedSidecar}. */
export function injectedParts(before: any, after: any): InjectedSidecar {
  const own = new Set(
    (before.spec.containers ?? []).map((c: any) => c.name as string),
  );
  return {
    labels: addedEntries(before.metadata.labels, after.metadata.labels),
    annotations: addedEntries(
      before.metadata.annotations,
      after.metadata.annotations,
    ),
    initContainers: (after.spec.initContainers ?? []).map(container),
    containers: (after.spec.containers ?? [])
      .filter((c: any) => !own.has(c.name))
      .map(container),
  };
}

/** Runs the real injector (classic and native) on {@link workloadPod} and reduces the output. */
export async function buildInjectedSidecarFixture(): Promise<InjectedSidecarFixture> {
  const build = istioBuild();
  const profile = await renderAmbientProfile(build);
  const parts = async (native: boolean) => {
    const [after] = await kubeInject([workloadPod()], { native, profile });
    return injectedParts(workloadPod(), after);
  };
  return {
    source: `istioctl kube-inject (offline, ambient profile injector config) from istio.io/istio ${build.moduleVersion} (Istio ${build.version}); regenerate with testkit/real-cluster/scripts/write-injected-sidecar-fixture.ts`,
    classic: await parts(false),
    native: await parts(true),
  };
}

/** kube-sim's committed copy of the fixture. */
export function injectedSidecarFixturePath(): string {
  return path.join(
    istioBuild().repoRoot,
    'testkit/kube-sim/src/scenario/istioInjectorOutput.json',
  );
}

/** The fixture as committed: 2-space JSON (prettier-stable) with a final newline. */
export const serializeFixture = (fixture: InjectedSidecarFixture) =>
  `${JSON.stringify(fixture, null, 2)}\n`;
