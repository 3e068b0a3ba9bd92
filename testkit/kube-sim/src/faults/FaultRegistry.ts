import type {
  FaultEffect,
  FaultHandle,
  FaultMatch,
  FaultRequest,
  FaultSpec,
} from './Fault';

interface ActiveFault {
  spec: FaultSpec;
  hits: number;
  removed: boolean;
}

const matches = (match: FaultMatch | undefined, req: FaultRequest) =>
  !match ||
  ((match.verb === undefined || match.verb === req.verb) &&
    (match.group === undefined || match.group === req.group) &&
    (match.resource === undefined || match.resource === req.resource) &&
    (match.namespace === undefined || match.namespace === req.namespace) &&
    (match.name === undefined || match.name === req.name));

function applies(effect: FaultEffect, req: FaultRequest): boolean {
  if (effect.kind === 'expireContinue')
    return req.verb === 'list' && req.hasContinue;
  if (effect.kind === 'dropWatch') return req.verb === 'watch';
  return true;
}

function validate(spec: FaultSpec): void {
  const bad = (msg: string) => {
    throw new Error(`Invalid fault: ${msg}`);
  };
  switch (spec.kind) {
    case 'latency':
      if (!(spec.ms >= 0)) bad('latency.ms must be >= 0');
      break;
    case 'error':
      if (![500, 502, 503, 504].includes(spec.status))
        bad('error.status must be 500, 502, 503 or 504');
      break;
    case 'throttle':
      if (!(spec.retryAfterSeconds >= 0))
        bad('throttle.retryAfterSeconds must be >= 0');
      break;
    case 'dropWatch':
      if (!(spec.afterEvents >= 0)) bad('dropWatch.afterEvents must be >= 0');
      break;
    case 'hang':
    case 'expireContinue':
      break;
    default:
      bad(`unknown kind ${JSON.stringify((spec as { kind: unknown }).kind)}`);
  }
  if (spec.times !== undefined && !(spec.times > 0)) bad('times must be > 0');
}

/** Faults injected into the simulator, matched per request in insertion order. */
export class FaultRegistry {
  private faults: ActiveFault[] = [];
  private readonly dropListeners = new Set<(expired: boolean) => void>();

  /** Adds a fault; it applies to matching requests until removed (or `times` is used up). */
  add(spec: FaultSpec): FaultHandle {
    validate(spec);
    const fault: ActiveFault = { spec, hits: 0, removed: false };
    this.faults.push(fault);
    return {
      get hits() {
        return fault.hits;
      },
      remove: () => {
        fault.removed = true;
        this.faults = this.faults.filter(f => f !== fault);
      },
    };
  }

  /** Removes every fault. */
  clear(): void {
    for (const f of this.faults) f.removed = true;
    this.faults = [];
  }

  /**
   * Ends every open watch stream now (clients see the stream close and must re-watch).
   * With `expired`, each stream first gets an `ERROR` event with a 410 `Status`, as when etcd
   * compacted past the watch's resourceVersion.
   */
  dropWatches(options: { expired?: boolean } = {}): void {
    for (const drop of [...this.dropListeners]) drop(options.expired === true);
  }

  /** Used by watch handlers to be told about {@link FaultRegistry.dropWatches}. */
  onDropWatches(listener: (expired: boolean) => void): () => void {
    this.dropListeners.add(listener);
    return () => this.dropListeners.delete(listener);
  }

  /** The effects that apply to a request (each counted as a hit). */
  take(req: FaultRequest): FaultEffect[] {
    const effects: FaultEffect[] = [];
    for (const fault of [...this.faults]) {
      if (!matches(fault.spec.match, req) || !applies(fault.spec, req))
        continue;
      fault.hits++;
      effects.push(fault.spec);
      if (fault.spec.times !== undefined && fault.hits >= fault.spec.times) {
        this.faults = this.faults.filter(f => f !== fault);
      }
    }
    return effects;
  }
}
