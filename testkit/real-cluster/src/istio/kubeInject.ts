import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { renderAmbientProfile, type AmbientProfile } from './ambientProfile';
import { runIstioctl } from './runIstioctl';

/** Options of {@link kubeInject}. */
export interface KubeInjectOptions {
  /**
   * Native sidecars (istio-proxy as an init container with restartPolicy Always). Offline
   * kube-inject has no nodes to detect support from, so istiod's `ENABLE_NATIVE_SIDECARS`
   * decides (pkg/kube/inject/inject.go); a pod's `sidecar.istio.io/nativeSidecar`
   * annotation takes precedence over it.
   */
  native?: boolean;
  profile?: AmbientProfile;
}

/**
 * Runs the real injector on `objects` offline: `istioctl kube-inject` with the rendered
 * injector config, values and mesh config files, so no cluster is contacted.
 */
export async function kubeInject(
  objects: object[],
  options: KubeInjectOptions = {},
): Promise<any[]> {
  const profile = options.profile ?? (await renderAmbientProfile());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-mesh-inject-'));
  try {
    const input = path.join(dir, 'in.yaml');
    fs.writeFileSync(input, objects.map(o => stringify(o)).join('---\n'));
    const { stdout } = await runIstioctl(
      [
        'kube-inject',
        // without a revision istioctl waits for a cluster to tell it the default one
        '--revision',
        'default',
        '-f',
        input,
        '--injectConfigFile',
        profile.injectConfigFile,
        '--valuesFile',
        profile.injectValuesFile,
        '--meshConfigFile',
        profile.meshFile,
      ],
      { env: { ENABLE_NATIVE_SIDECARS: options.native ? 'true' : 'false' } },
    );
    return parseAllDocuments(stdout)
      .map(d => d.toJS())
      .filter(d => d);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
