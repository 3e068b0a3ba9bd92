import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

const liveGroups = new Set<ProcessGroup>();

// A test run that ends without stop() (a crash, a forgotten stop) still takes its servers down.
process.once('exit', () => {
  for (const group of liveGroups) signalGroup(group.pid, 'SIGKILL');
});

/**
 * A child process started as the leader of its own process group, with stdout and stderr appended to
 * `logFile`. `stop()` signals the whole group (SIGTERM, then SIGKILL after `graceMs`).
 */
export class ProcessGroup {
  readonly pid: number;
  private readonly child: ChildProcess;
  private readonly exit: Promise<void>;
  private exited = false;

  constructor(
    readonly name: string,
    binary: string,
    args: string[],
    readonly logFile: string,
  ) {
    const log = fs.openSync(logFile, 'a');
    this.child = spawn(binary, args, {
      detached: true,
      stdio: ['ignore', log, log],
    });
    fs.closeSync(log);
    if (this.child.pid === undefined) {
      throw new Error(`${name} did not start (${binary})`);
    }
    this.pid = this.child.pid;
    this.exit = new Promise(resolve => {
      this.child.once('exit', () => {
        this.exited = true;
        resolve();
      });
    });
    liveGroups.add(this);
  }

  /** True while the process has not exited. */
  get running(): boolean {
    return !this.exited;
  }

  /** The last lines of the log, for error messages. */
  logTail(lines = 20): string {
    try {
      return fs
        .readFileSync(this.logFile, 'utf8')
        .trimEnd()
        .split('\n')
        .slice(-lines)
        .join('\n');
    } catch {
      return '';
    }
  }

  /** Signals the process group and waits until the leader has exited. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.exited) {
      signalGroup(this.pid, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(this.pid, 'SIGKILL'), graceMs);
      await this.exit;
      clearTimeout(timer);
    }
    // children that outlived the leader (none expected) go too
    signalGroup(this.pid, 'SIGKILL');
    liveGroups.delete(this);
  }

  /** Resolves when the process exits. */
  whenExited(): Promise<void> {
    return this.exit;
  }
}
