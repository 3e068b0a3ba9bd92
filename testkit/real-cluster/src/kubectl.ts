import { execFile } from 'node:child_process';
import path from 'node:path';

/** What a kubectl run printed, and its exit code. */
export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** kubectl of the machine (`KUBECTL` overrides; CI has it at /usr/bin/kubectl). */
export const KUBECTL = process.env.KUBECTL ?? 'kubectl';

/**
 * Runs kubectl against one kubeconfig (never the user's own: HOME is the kubeconfig's directory, so the
 * discovery cache lives there too), optionally with `stdin`. Never throws for a non-zero exit.
 */
export function runKubectl(
  kubeconfigPath: string,
  args: string[],
  stdin?: string,
): Promise<KubectlResult> {
  return new Promise(resolve => {
    const child = execFile(
      KUBECTL,
      ['--kubeconfig', kubeconfigPath, ...args],
      {
        timeout: 60_000,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: path.dirname(kubeconfigPath),
        },
      },
      (error, stdout, stderr) =>
        resolve({
          code: error ? Number((error as any).code ?? 1) : 0,
          stdout,
          stderr,
        }),
    );
    if (stdin !== undefined) child.stdin!.end(stdin);
  });
}
