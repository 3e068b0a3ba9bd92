import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { invalidInput } from '../inputs';

/** One file to write, relative to the target directory. */
export interface DirectoryFile {
  path: string;
  content: string;
}

const SEGMENT = /^[A-Za-z0-9._-]+$/;

/** Checks a workspace-relative directory: relative, no `..`, no empty or odd segments. */
export function assertRelativeDirectory(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 255) {
    invalidInput(
      field,
      'must be a non-empty relative path of at most 255 characters',
      value,
    );
  }
  if (path.posix.isAbsolute(value) || path.win32.isAbsolute(value)) {
    invalidInput(
      field,
      'must be relative to the workspace, not absolute',
      value,
    );
  }
  const segments = value.replace(/\/+$/, '').split('/');
  if (segments.some(s => s === '.' || s === '..' || !SEGMENT.test(s))) {
    invalidInput(
      field,
      'segments may only contain letters, digits, ".", "_" and "-", and may not be "." or ".."',
      value,
    );
  }
  return segments.join('/');
}

/**
 * Replaces `targetPath` inside the workspace with exactly `files`.
 *
 * Files are written to a staging directory next to the target first and
 * swapped in with a rename, so a failure leaves the previous content (or
 * nothing) rather than a half-written directory; re-running with the same
 * files gives an identical directory. Every path goes through
 * `resolveSafeChildPath`.
 */
export async function writeDirectory(
  workspacePath: string,
  targetPath: string,
  files: DirectoryFile[],
): Promise<string[]> {
  const relative = assertRelativeDirectory('targetPath', targetPath);
  const target = resolveSafeChildPath(workspacePath, relative);
  const parent = path.dirname(target);
  await fs.mkdir(parent, { recursive: true });
  resolveSafeChildPath(workspacePath, path.relative(workspacePath, parent));
  const staging = resolveSafeChildPath(
    parent,
    `.${path.basename(target)}.staging-${randomBytes(6).toString('hex')}`,
  );
  const written: string[] = [];
  try {
    await fs.mkdir(staging);
    for (const file of [...files].sort((a, b) =>
      a.path.localeCompare(b.path),
    )) {
      if (
        path.posix.isAbsolute(file.path) ||
        file.path.split('/').includes('..')
      ) {
        throw new Error(
          `Refusing to write '${file.path}': not a relative path inside ${relative}`,
        );
      }
      const destination = resolveSafeChildPath(staging, file.path);
      await fs.mkdir(path.dirname(destination), { recursive: true });
      await fs.writeFile(destination, file.content, {
        encoding: 'utf8',
        flag: 'wx',
      });
      written.push(path.posix.join(relative, file.path));
    }
    await fs.rm(target, { recursive: true, force: true });
    await fs.rename(staging, target);
    return written;
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}
