import { SeededRandom } from './random';

/**
 * The cluster's Service range: kubeadm's default `--service-cluster-ip-range`, which the real-cluster launcher
 * passes to kube-apiserver too.
 */
const SERVICE_CIDR = { first: [10, 96, 0, 0], prefixLength: 12 } as const;
/** Addresses below this offset stay free (`.1` is the `kubernetes` Service, `.10` kubeadm's DNS Service). */
const FIRST_SERVICE_OFFSET = 16;

/** Deterministic allocators shared while one scenario is built. */
export class ScenarioContext {
  readonly random: SeededRandom;
  readonly nodes: string[];
  private podIps = 0;
  private serviceIps = 0;
  private readonly baseMs: number;

  constructor(seed: number, nodeCount: number, baseTime: string) {
    this.random = new SeededRandom(seed);
    this.nodes = Array.from({ length: nodeCount }, (_, i) => `node-${i + 1}`);
    this.baseMs = Date.parse(baseTime);
    if (Number.isNaN(this.baseMs))
      throw new Error(`Invalid scenario baseTime: ${JSON.stringify(baseTime)}`);
  }

  /** RFC 3339 time `minutes` after the scenario's base time. */
  at(minutes: number): string {
    return `${new Date(this.baseMs + Math.round(minutes * 60_000))
      .toISOString()
      .slice(0, 19)}Z`;
  }

  podIP(): string {
    const n = this.podIps++;
    return `10.244.${Math.floor(n / 250) % 250}.${(n % 250) + 2}`;
  }

  /** The next unused ClusterIP inside {@link SERVICE_CIDR} (never its network or broadcast address). */
  serviceIP(): string {
    const offset = FIRST_SERVICE_OFFSET + this.serviceIps;
    const size = 2 ** (32 - SERVICE_CIDR.prefixLength);
    if (offset >= size - 1)
      throw new Error(
        `Scenario Service IP range ${SERVICE_CIDR.first.join('.')}/${
          SERVICE_CIDR.prefixLength
        } is used up (${this.serviceIps} Services)`,
      );
    this.serviceIps++;
    const base = SERVICE_CIDR.first.reduce<number>(
      (acc, o) => acc * 256 + o,
      0,
    );
    const address = base + offset;
    return [24, 16, 8, 0]
      .map(shift => Math.floor(address / 2 ** shift) % 256)
      .join('.');
  }

  node(): string {
    return this.random.pick(this.nodes);
  }
}
