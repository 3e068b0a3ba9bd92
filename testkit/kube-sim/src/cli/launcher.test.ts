import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BIN = path.resolve(__dirname, '../../bin/kube-sim');

// the launcher compiles TypeScript on start (swc), which takes seconds on a busy machine
jest.setTimeout(60_000);

describe('bin/kube-sim', () => {
  it('starts a scenario, writes a kubeconfig kubectl can use, and stops on SIGTERM', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-sim-bin-'));
    const kubeconfig = path.join(dir, 'kubeconfig');
    const child = spawn(
      process.execPath,
      [
        BIN,
        '--port',
        '0',
        '--scenario',
        'mixed',
        '--token',
        'bin-token',
        '--kubeconfig',
        kubeconfig,
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      let out = '';
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', chunk => {
          out += chunk;
          if (out.includes('kubeconfig:')) resolve();
        });
        child.on('exit', code =>
          reject(new Error(`kube-sim exited early (${code}): ${out}`)),
        );
      });
      expect(out).toMatch(
        /^kube-sim listening on https:\/\/127\.0\.0\.1:\d+ \(\d+ objects, 38 profile namespaces\)/,
      );
      expect(out).not.toContain('bin-token');
      expect(fs.statSync(kubeconfig).mode & 0o777).toBe(0o600);

      const profiles = await new Promise<string>((resolve, reject) =>
        execFile(
          '/usr/bin/kubectl',
          [
            'get',
            'profiles',
            '--no-headers',
            '--cache-dir',
            path.join(dir, 'cache'),
          ],
          {
            env: {
              PATH: process.env.PATH ?? '',
              HOME: dir,
              KUBECONFIG: kubeconfig,
            },
          },
          (error, stdout, stderr) =>
            error ? reject(new Error(stderr)) : resolve(stdout),
        ),
      );
      expect(profiles.trim().split('\n')).toHaveLength(38);
    } finally {
      const exited = new Promise(resolve => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects bad flags with exit code 2', async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>(
      resolve => {
        execFile(
          process.execPath,
          [BIN, '--scenario', 'huge'],
          (error, _stdout, stderr) =>
            resolve({ code: error ? (error as any).code : 0, stderr }),
        );
      },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--scenario must be mixed, fleet or empty');
  });
});
