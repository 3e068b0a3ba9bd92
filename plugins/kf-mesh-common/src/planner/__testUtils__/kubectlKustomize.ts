import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { RenderedFile } from '../render/kustomizeFiles';

/** kubectl used by the tests; CI has it at /usr/bin/kubectl. */
export const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';

/**
 * Writes rendered files to a temp dir and runs `kubectl kustomize` on it. Throws (never
 * skips) when kubectl is missing, so CI cannot pass without the real build.
 */
export function kubectlKustomize(files: RenderedFile[]): {
  output: string;
  docs: any[];
} {
  if (!fs.existsSync(KUBECTL)) {
    throw new Error(
      `kubectl not found at ${KUBECTL} (CI=${
        process.env.CI ?? ''
      }): install it or set KUBECTL`,
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-mesh-plan-'));
  try {
    for (const file of files)
      fs.writeFileSync(path.join(dir, file.path), file.content);
    const output = execFileSync(KUBECTL, ['kustomize', dir], {
      encoding: 'utf8',
    });
    // kubectl emits YAML 1.1 (go-yaml): parse it the same way
    const docs = parseAllDocuments(output, { version: '1.1' }).map(d =>
      d.toJS(),
    );
    return { output, docs };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
