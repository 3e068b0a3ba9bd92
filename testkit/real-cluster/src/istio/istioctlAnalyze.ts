import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { runIstioctl } from './runIstioctl';

/** One message of `istioctl analyze -o json` (pkg/config/analysis/diag). */
export interface AnalyzeMessage {
  code: string;
  level: 'Error' | 'Warning' | 'Info';
  /** e.g. `Namespace team-a` or `Gateway team-a/waypoint`. */
  origin: string;
  message: string;
  documentationUrl?: string;
  reference?: string;
}

/** istioctl analyze exits 79 when it reports issues (istioctl/cmd/sysexits.go). */
const ANALYZE_OK = [0, 79];

const parse = (stdout: string): AnalyzeMessage[] => {
  const text = stdout.trim();
  // with no messages it prints an empty array or nothing at all
  return text ? (JSON.parse(text) as AnalyzeMessage[]) : [];
};

/**
 * `istioctl analyze --use-kube=false` on objects (no cluster): what Istio says about
 * manifests on their own, plus its built-in default resources.
 */
export async function analyzeOffline(
  objects: object[],
  options: { meshConfigFile?: string } = {},
): Promise<AnalyzeMessage[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-mesh-analyze-'));
  try {
    const file = path.join(dir, 'objects.yaml');
    fs.writeFileSync(file, objects.map(o => stringify(o)).join('---\n'));
    // -A: without it only namespace `default` is reported (file objects keep their namespace)
    const args = ['analyze', '--use-kube=false', '-A', '-o', 'json'];
    if (options.meshConfigFile)
      args.push('--meshConfigFile', options.meshConfigFile);
    args.push('--failure-threshold', 'Error', file);
    const { stdout } = await runIstioctl(args, { okCodes: ANALYZE_OK });
    return parse(stdout);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `istioctl analyze` against a live API server, one namespace or all (`-A`). */
export async function analyzeLive(
  kubeconfig: string,
  scope: { namespace: string } | 'all',
): Promise<AnalyzeMessage[]> {
  const args = ['analyze', '--kubeconfig', kubeconfig, '-o', 'json'];
  if (scope === 'all') args.push('-A');
  else args.push('-n', scope.namespace);
  const { stdout } = await runIstioctl(args, { okCodes: ANALYZE_OK });
  return parse(stdout);
}
