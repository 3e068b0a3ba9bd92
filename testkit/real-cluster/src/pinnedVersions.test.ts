import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kfMeshRepoRoot } from '@kf-mesh/kube-sim';
import { controlPlaneBinary, readPinnedVersions } from './pinnedVersions';

describe('pinned control-plane versions', () => {
  it('reads tools/versions.env of the checkout', () => {
    const versions = readPinnedVersions();
    expect(versions.KUBERNETES_VERSION).toMatch(/^v1\.\d+\.\d+$/);
    expect(versions.ETCD_VERSION).toMatch(/^v3\.6\.\d+$/);
    expect(versions.GATEWAY_API_CHANNEL).toBe('experimental');
  });

  it('names the component, version and build command when a binary is not built', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-mesh-no-bin-'));
    fs.mkdirSync(path.join(root, 'tools'));
    fs.writeFileSync(
      path.join(root, 'tools', 'versions.env'),
      '# pinned\nKUBERNETES_VERSION=v1.36.3\n',
    );
    expect(() => controlPlaneBinary('kube-apiserver', root)).toThrow(
      `kube-apiserver v1.36.3 is not built (no ${root}/.bin/kube-apiserver-v1.36.3/kube-apiserver): run scripts/control-plane/build.sh kube-apiserver`,
    );
    expect(() => controlPlaneBinary('etcd', root)).toThrow(
      'tools/versions.env has no ETCD_VERSION (the etcd version)',
    );
  });

  it('build.sh stops at once, naming what is missing, without Go on PATH', () => {
    const script = path.join(
      kfMeshRepoRoot(),
      'scripts',
      'control-plane',
      'build.sh',
    );
    // the caller's PATH without the directories that hold a `go`
    const withoutGo = (process.env.PATH ?? '')
      .split(path.delimiter)
      .filter(dir => dir && !fs.existsSync(path.join(dir, 'go')))
      .join(path.delimiter);
    const res = spawnSync('/bin/bash', [script, 'etcd'], {
      encoding: 'utf8',
      env: { PATH: withoutGo },
    });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain("control-plane: no 'go' on PATH");
  });
});
