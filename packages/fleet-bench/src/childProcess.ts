import { fork, type ChildProcess } from 'node:child_process';

/** A request without its `id` (distributes over unions of request types). */
export type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** Options of {@link ChildClient.start}. */
export interface ChildOptions {
  /** Extra Node.js flags, e.g. `--cpu-prof`. */
  nodeFlags?: string[];
  /** Arguments after the script. */
  args?: string[];
  env?: NodeJS.ProcessEnv;
  /** Where the child's stdout/stderr go: inherited, or ignored (default). */
  output?: 'inherit' | 'ignore';
}

/**
 * A TypeScript module run in a child Node.js process (through `@swc-node/register`) with a
 * request/reply protocol over IPC: each request carries an `id`, the reply echoes it.
 */
export class ChildClient<
  Req extends { id: number },
  Rep extends { id?: number },
> {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (r: Rep) => void; reject: (e: Error) => void }
  >();
  private readonly listeners = new Set<(message: Rep) => void>();
  private exited = false;

  private constructor(readonly child: ChildProcess) {
    child.on('message', (message: Rep) => {
      if (message.id !== undefined && this.pending.has(message.id)) {
        const p = this.pending.get(message.id)!;
        this.pending.delete(message.id);
        const error = (message as { error?: string }).error;
        if (error) p.reject(new Error(error));
        else p.resolve(message);
      } else {
        for (const l of this.listeners) l(message);
      }
    });
    child.on('exit', code => {
      this.exited = true;
      for (const p of this.pending.values())
        p.reject(new Error(`child exited with code ${code}`));
      this.pending.clear();
    });
  }

  /** Forks `script` (a .ts file) with `--expose-gc -r @swc-node/register`. */
  static start<Req extends { id: number }, Rep extends { id?: number }>(
    script: string,
    options: ChildOptions = {},
  ): ChildClient<Req, Rep> {
    const child = fork(script, options.args ?? [], {
      execArgv: [
        '--expose-gc',
        '-r',
        '@swc-node/register',
        ...(options.nodeFlags ?? []),
      ],
      env: { ...process.env, ...options.env },
      stdio: [
        'ignore',
        options.output ?? 'ignore',
        options.output ?? 'ignore',
        'ipc',
      ],
    });
    return new ChildClient<Req, Rep>(child);
  }

  /** Sends a request and resolves with its reply (rejects on an `error` reply or exit). */
  request(message: WithoutId<Req>, timeoutMs = 600_000): Promise<Rep> {
    if (this.exited) return Promise.reject(new Error('child has exited'));
    const id = this.nextId++;
    return new Promise<Rep>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(
          new Error(`no reply to ${JSON.stringify(message).slice(0, 80)}`),
        );
      }, timeoutMs);
      this.pending.set(id, {
        resolve: r => {
          clearTimeout(timer);
          resolve(r);
        },
        reject: e => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.child.send({ ...message, id });
    });
  }

  /** Waits for the first unsolicited message that passes `match`. */
  waitFor(match: (message: Rep) => boolean, timeoutMs: number): Promise<Rep> {
    return new Promise((resolve, reject) => {
      const pending: { timer?: NodeJS.Timeout } = {};
      const cleanup = () => {
        clearTimeout(pending.timer);
        this.listeners.delete(listener);
        this.child.off('exit', onExit);
      };
      function onExit(code: number | null) {
        cleanup();
        reject(new Error(`child exited with code ${code}`));
      }
      function listener(message: Rep) {
        if (!match(message)) return;
        cleanup();
        resolve(message);
      }
      pending.timer = setTimeout(() => {
        cleanup();
        reject(new Error('timed out waiting for the child'));
      }, timeoutMs);
      this.listeners.add(listener);
      this.child.once('exit', onExit);
    });
  }

  /** Resolves when the child has exited; kills it after `graceMs`. */
  async exit(graceMs = 10_000): Promise<void> {
    if (this.exited) return;
    await new Promise<void>(resolve => {
      const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
