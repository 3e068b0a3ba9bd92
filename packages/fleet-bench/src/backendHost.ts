/**
 * Child process running a real Backstage backend (`createBackend()` from @backstage/backend-defaults,
 * default services, configuration from the `--config` files on the command line) with the catalog,
 * the permission backend (allow-all policy), @backstage/plugin-kubernetes-backend and kf-mesh-backend.
 * Reports when it has started; answers memory requests (after a full GC) over IPC.
 */
import { createBackend } from '@backstage/backend-defaults';
import type { BackendReply, BackendRequest } from './ipc';

function send(reply: BackendReply) {
  process.send?.(reply);
}

async function main() {
  const backend = createBackend();
  backend.add(import('@backstage/plugin-catalog-backend'));
  backend.add(import('@backstage/plugin-permission-backend'));
  backend.add(
    import('@backstage/plugin-permission-backend-module-allow-all-policy'),
  );
  backend.add(import('@backstage/plugin-kubernetes-backend'));
  // this process is a backend (the package is a node-library only because it holds the bench driver)
  // eslint-disable-next-line @backstage/no-mixed-plugin-imports
  backend.add(import('@kf-mesh/plugin-kf-mesh-backend'));

  process.on('message', async (request: BackendRequest) => {
    try {
      if (request.type === 'memory') {
        (globalThis as { gc?: () => void }).gc?.();
        const m = process.memoryUsage();
        send({
          id: request.id,
          memory: {
            rssBytes: m.rss,
            heapUsedBytes: m.heapUsed,
            heapTotalBytes: m.heapTotal,
          },
        });
      } else if (request.type === 'stop') {
        await backend.stop();
        send({ id: request.id });
        process.disconnect();
        // Some plugins keep timers; the benchmark is done with this process.
        setTimeout(() => process.exit(0), 500).unref();
      }
    } catch (err) {
      send({ id: request.id, error: String((err as Error)?.stack ?? err) });
    }
  });

  // a driver that died (a failed test, Ctrl-C) takes its backends with it
  process.on('disconnect', () => process.exit(0));

  const startCalledAt = Date.now();
  await backend.start();
  send({ type: 'started', startCalledAt, startedAt: Date.now() });
}

main().catch(err => {
  send({ type: 'started', error: String(err?.stack ?? err) });
  process.exitCode = 1;
});
