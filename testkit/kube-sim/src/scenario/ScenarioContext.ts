import {
  SERVICE_CIDR_SIZE,
  SERVICE_CIDR_TEXT,
  serviceIpAt,
} from '../api/serviceCidr';
import { SeededRandom } from './random';

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

  /** The next unused ClusterIP inside the Service range (never its network or broadcast address). */
  serviceIP(): string {
    const offset = FIRST_SERVICE_OFFSET + this.serviceIps;
    if (offset >= SERVICE_CIDR_SIZE - 1)
      throw new Error(
        `Scenario Service IP range ${SERVICE_CIDR_TEXT} is used up (${this.serviceIps} Services)`,
      );
    this.serviceIps++;
    return serviceIpAt(offset);
  }

  node(): string {
    return this.random.pick(this.nodes);
  }
}
