import { execFile } from 'node:child_process';
import { istioBuild, requireBinary, type IstioBuild } from './istioBinaries';

/** Output of one istioctl run. */
export interface IstioctlResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the pinned istioctl with `args`. Resolves with the exit code for codes in
 * `okCodes` (istioctl analyze exits 79 when it found issues); rejects otherwise
 * with the command and its stderr.
 */
export function runIstioctl(
  args: string[],
  options: {
    okCodes?: number[];
    build?: IstioBuild;
    env?: NodeJS.ProcessEnv;
  } = {},
): Promise<IstioctlResult> {
  const build = options.build ?? istioBuild();
  const bin = requireBinary(build, 'istioctl');
  const okCodes = options.okCodes ?? [0];
  return new Promise((resolve, reject) => {
    execFile(
      bin,
      args,
      {
        maxBuffer: 256 * 1024 * 1024,
        // no $HOME/.kube/config or istioctl defaults from the developer's machine
        env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
      },
      (error, stdout, stderr) => {
        let code = 0;
        if (error) code = typeof error.code === 'number' ? error.code : -1;
        if (!okCodes.includes(code)) {
          reject(
            new Error(
              `istioctl ${args.join(' ')} exited ${code}: ${
                stderr.trim() || error?.message
              }`,
            ),
          );
          return;
        }
        resolve({ code, stdout, stderr });
      },
    );
  });
}
