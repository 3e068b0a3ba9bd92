import type { ServerResponse } from 'node:http';
import { errors } from '../api/status';
import type { FaultEffect } from '../faults/Fault';
import { sendStatus } from './responses';

/** Waits `ms`, or less when the client goes away first; resolves whether the client is still there. */
function delay(res: ServerResponse, ms: number): Promise<boolean> {
  return new Promise(resolve => {
    let timer: NodeJS.Timeout | undefined = undefined;
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(true);
    }, ms);
    res.once('close', onClose);
  });
}

/** Applies request-level faults; returns false when the request must not be served further. */
export async function applyFaults(
  ctx: { hung: Set<ServerResponse> },
  res: ServerResponse,
  effects: FaultEffect[],
): Promise<boolean> {
  for (const effect of effects) {
    switch (effect.kind) {
      case 'latency':
        if (!(await delay(res, effect.ms))) return false;
        break;
      case 'hang':
        ctx.hung.add(res);
        res.on('close', () => ctx.hung.delete(res));
        return false;
      case 'error':
        sendStatus(res, errors.server(effect.status, effect.message));
        return false;
      case 'throttle':
        sendStatus(res, errors.tooManyRequests(effect.retryAfterSeconds));
        return false;
      case 'expireContinue':
        sendStatus(res, errors.expiredContinue());
        return false;
      default:
        break;
    }
  }
  return true;
}
