import { spawn } from 'node:child_process';
import fs from 'node:fs';

const SCRIPT = `
parent="$1"; groups="$2"; workdir="$3"
while kill -0 "$parent" 2>/dev/null && [ -e "$groups" ]; do sleep 1; done
if [ -e "$groups" ]; then
  for g in $(cat "$groups"); do kill -KILL -- "-$g" 2>/dev/null; done
  rm -rf "$workdir"
fi
`;

/**
 * A detached shell that outlives a killed test process: when the parent dies (even by SIGKILL, which
 * skips exit handlers) it kills every process group listed in the file and removes the work dir.
 * `dismiss()` (deleting the list) ends it.
 */
export class Watchdog {
  private readonly groups = new Set<number>();
  readonly pid: number;

  constructor(private readonly listFile: string, workDir: string) {
    fs.writeFileSync(listFile, '');
    const child = spawn(
      'bash',
      [
        '-c',
        SCRIPT,
        'kf-mesh-real-cluster-watchdog',
        String(process.pid),
        listFile,
        workDir,
      ],
      { detached: true, stdio: 'ignore' },
    );
    child.unref();
    this.pid = child.pid!;
  }

  /** Adds a process group to kill if the parent dies. */
  watch(pgid: number): void {
    this.groups.add(pgid);
    this.write();
  }

  /** Removes a process group that was stopped normally. */
  forget(pgid: number): void {
    this.groups.delete(pgid);
    this.write();
  }

  /** Ends the watchdog (its whole process group, so no `sleep` is left behind). */
  dismiss(): void {
    fs.rmSync(this.listFile, { force: true });
    try {
      process.kill(-this.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }

  private write(): void {
    fs.writeFileSync(this.listFile, [...this.groups].join('\n'));
  }
}
