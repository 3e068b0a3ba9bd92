import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { istioBuild, type IstioBuild } from './istioBinaries';
import { runIstioctl } from './runIstioctl';

/**
 * Istio's ambient-profile control-plane config as istioctl renders it from its embedded
 * charts (`istioctl manifest generate --set profile=ambient`): the mesh config (ConfigMap
 * `istio` key `mesh`) and the injector's `config` / `values` (ConfigMap
 * `istio-sidecar-injector`). Files are the layout istiod and `istioctl kube-inject` read.
 */
export interface AmbientProfile {
  version: string;
  /** Directory holding `mesh`, `inject-config` and `inject-values`. */
  dir: string;
  meshFile: string;
  injectConfigFile: string;
  injectValuesFile: string;
  mesh: string;
  injectConfig: string;
  injectValues: string;
}

const FILES = {
  mesh: 'mesh',
  injectConfig: 'inject-config',
  injectValues: 'inject-values',
} as const;

function profileFrom(dir: string, version: string): AmbientProfile {
  const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
  return {
    version,
    dir,
    meshFile: path.join(dir, FILES.mesh),
    injectConfigFile: path.join(dir, FILES.injectConfig),
    injectValuesFile: path.join(dir, FILES.injectValues),
    mesh: read(FILES.mesh),
    injectConfig: read(FILES.injectConfig),
    injectValues: read(FILES.injectValues),
  };
}

/** Picks ConfigMap `name` key `key` out of rendered manifests; throws naming what is missing. */
export function configMapKey(docs: any[], name: string, key: string): string {
  const cm = docs.find(
    d => d?.kind === 'ConfigMap' && d.metadata?.name === name,
  );
  const value = cm?.data?.[key];
  if (typeof value !== 'string')
    throw new Error(
      `istioctl manifest generate: ConfigMap ${name} ${
        cm ? `has no data.${key}` : 'not rendered'
      }`,
    );
  return value;
}

/**
 * Renders the ambient profile with the pinned istioctl, cached per Istio version in the
 * git-ignored `.bin/istio-profile-<version>/ambient` (upstream output, never committed).
 */
export async function renderAmbientProfile(
  build: IstioBuild = istioBuild(),
): Promise<AmbientProfile> {
  const dir = path.join(
    build.repoRoot,
    '.bin',
    `istio-profile-${build.version}`,
    'ambient',
  );
  if (Object.values(FILES).every(f => fs.existsSync(path.join(dir, f))))
    return profileFrom(dir, build.version);
  const { stdout } = await runIstioctl(
    ['manifest', 'generate', '--set', 'profile=ambient'],
    { build },
  );
  const docs = parseAllDocuments(stdout).map(d => d.toJS());
  const tmp = `${dir}.tmp-${process.pid}`;
  fs.mkdirSync(tmp, { recursive: true });
  fs.writeFileSync(
    path.join(tmp, FILES.mesh),
    configMapKey(docs, 'istio', 'mesh'),
  );
  fs.writeFileSync(
    path.join(tmp, FILES.injectConfig),
    configMapKey(docs, 'istio-sidecar-injector', 'config'),
  );
  fs.writeFileSync(
    path.join(tmp, FILES.injectValues),
    configMapKey(docs, 'istio-sidecar-injector', 'values'),
  );
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(tmp, dir);
  return profileFrom(dir, build.version);
}
