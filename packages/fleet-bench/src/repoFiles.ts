import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The repository root (this package lives in packages/fleet-bench). */
export const REPO_ROOT = resolvePackagePath('@kf-mesh/fleet-bench', '../..');

/**
 * Formats a generated file with the repository's Prettier setup (the root `prettier:check`
 * covers docs/), when Prettier is installed at the root; unformatted otherwise.
 */
export function formatLikeRepo(file: string, text: string): string {
  try {
    const prettier = createRequire(path.join(REPO_ROOT, 'package.json'))(
      'prettier',
    );
    const options = prettier.resolveConfig.sync(file) ?? {};
    return prettier.format(text, { ...options, filepath: file });
  } catch {
    return text;
  }
}
