import { SeededRandom } from './random';

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

  serviceIP(): string {
    const n = this.serviceIps++;
    return `10.96.${Math.floor(n / 250) % 250}.${(n % 250) + 10}`;
  }

  node(): string {
    return this.random.pick(this.nodes);
  }
}
