import type { KubeObject } from '../store/KubeObject';
import { buildClusterObjects } from './clusterObjects';
import type { KfpVersion } from './kfpObjects';
import { generatePeople, profileNameFor } from './people';
import {
  buildProfileNamespace,
  type ScenarioNamespace,
} from './profileNamespace';
import { ScenarioContext } from './ScenarioContext';
import {
  NEWER_SCENARIO_STATES,
  statesFor,
  type ScenarioState,
} from './ScenarioState';
import { SeededRandom } from './random';

/** Options of {@link buildScenario}. */
export interface ScenarioOptions {
  /** `mixed`: every possible state at least twice (~30 namespaces); `fleet`: realistic proportions. */
  kind: 'mixed' | 'fleet';
  /**
   * Number of profile namespaces (mixed default 30, fleet default 100). A `mixed` scenario adds one
   * namespace per {@link NEWER_SCENARIO_STATES} state the cluster allows on top.
   */
  namespaces?: number;
  /** PRNG seed (default 1): same options and seed → same scenario. */
  seed?: number;
  clusterName?: string;
  /** Which optional API groups the cluster has (default: all). */
  features?: { istio?: boolean; gatewayApi?: boolean };
  /** Ambient profile installed (default: when Istio and the Gateway API are). */
  ambient?: boolean;
  /** KFP version of the cluster (default 2.14.3). */
  kfpVersion?: KfpVersion;
  /** Mesh-wide PeerAuthentication in istio-system (mixed default PERMISSIVE, fleet default none). */
  meshWideMtls?: 'STRICT' | 'PERMISSIVE' | 'none';
  /** Creation time of the cluster objects; profiles are created after it (default 2026-01-05T09:00:00Z). */
  baseTime?: string;
  /** Domain of generated owner emails (default example.com). */
  emailDomain?: string;
}

/** A generated cluster: objects to load plus what each profile namespace was built as. */
export interface Scenario {
  kind: 'mixed' | 'fleet';
  seed: number;
  clusterName: string;
  features: { istio: boolean; gatewayApi: boolean };
  ambient: boolean;
  kfpVersion: KfpVersion;
  meshWideMtls?: 'STRICT' | 'PERMISSIVE';
  /** Every object, namespaces before their contents. */
  objects: KubeObject[];
  /** One entry per profile namespace, in creation order. */
  namespaces: ScenarioNamespace[];
}

/** Share of each state in a `fleet` (renormalised over the states the cluster allows). */
const FLEET_WEIGHTS: Record<ScenarioState, number> = {
  sidecar: 40,
  'sidecar-native': 20,
  'sidecar-strict': 8,
  'sidecar-pa-workload': 2,
  'sidecar-pa-duplicate': 2,
  ambient: 15,
  'ambient-sidecar-pods': 3,
  'ambient-redirection-pending': 1,
  'ambient-injection-conflict': 1,
  'ambient-waypoint-not-programmed': 1,
  'ambient-selector-l7-policy': 2,
  'ambient-missing-waypoint-l4': 2,
  none: 3,
  // issue #18 states: only in `mixed`
  'ambient-sidecar-callers': 0,
  'ambient-ingress-bypass': 0,
  'sidecar-strict-kfp-optout': 0,
  'ambient-dry-run': 0,
  'ambient-waypoint-canary': 0,
  'ambient-agentgateway-waypoint': 0,
  'ambient-trust-domains': 0,
  'ambient-no-waypoint-l7': 0,
};

function mixedStates(
  allowed: ScenarioState[],
  count: number,
  ctx: ScenarioContext,
): ScenarioState[] {
  if (count < allowed.length * 2) {
    throw new Error(
      `A mixed scenario needs at least ${
        allowed.length * 2
      } namespaces (every state twice), got ${count}`,
    );
  }
  const states = [...allowed, ...allowed];
  const common = (['sidecar', 'ambient'] as ScenarioState[]).filter(st =>
    allowed.includes(st),
  );
  if (common.length === 0) common.push(allowed[0]);
  while (states.length < count)
    states.push(common[states.length % common.length]);
  // deterministic Fisher-Yates so states interleave
  for (let i = states.length - 1; i > 0; i--) {
    const j = Math.floor(ctx.random.next() * (i + 1));
    [states[i], states[j]] = [states[j], states[i]];
  }
  return states;
}

function fleetStates(
  allowed: ScenarioState[],
  count: number,
  ctx: ScenarioContext,
): ScenarioState[] {
  const total = allowed.reduce((sum, s) => sum + FLEET_WEIGHTS[s], 0);
  const states: ScenarioState[] = [];
  for (let i = 0; i < count; i++) {
    let r = ctx.random.next() * total;
    let chosen = allowed[allowed.length - 1];
    for (const s of allowed) {
      r -= FLEET_WEIGHTS[s];
      if (r < 0) {
        chosen = s;
        break;
      }
    }
    states.push(chosen);
  }
  return states;
}

/**
 * Builds a deterministic Kubeflow cluster: Istio control plane (sidecar or ambient), KFP in
 * `kubeflow`, Gateway API classes, and profile namespaces spread across {@link ScenarioState}s.
 */
export function buildScenario(options: ScenarioOptions): Scenario {
  if (options.kind !== 'mixed' && options.kind !== 'fleet') {
    throw new Error(
      `Unknown scenario kind ${JSON.stringify(
        options.kind,
      )}: use "mixed" or "fleet"`,
    );
  }
  const count = options.namespaces ?? (options.kind === 'mixed' ? 30 : 100);
  if (!Number.isInteger(count) || count < 0)
    throw new Error(`namespaces must be a non-negative integer, got ${count}`);
  const seed = options.seed ?? 1;
  const istio = options.features?.istio !== false;
  const gatewayApi = options.features?.gatewayApi !== false;
  const ambient = options.ambient ?? (istio && gatewayApi);
  if (ambient && (!istio || !gatewayApi))
    throw new Error('ambient needs both Istio and the Gateway API');
  const kfpVersion = options.kfpVersion ?? '2.14.3';
  const meshOption =
    options.meshWideMtls ?? (options.kind === 'mixed' ? 'PERMISSIVE' : 'none');
  const meshWideMtls = istio && meshOption !== 'none' ? meshOption : undefined;
  const ctx = new ScenarioContext(
    seed,
    Math.min(200, Math.max(3, Math.ceil(count / 25))),
    options.baseTime ?? '2026-01-05T09:00:00Z',
  );

  const allowed = statesFor({ istio, gatewayApi, ambient });
  const states =
    options.kind === 'mixed'
      ? mixedStates(allowed, count, ctx)
      : fleetStates(allowed, count, ctx);
  const people = generatePeople(ctx.random, count, options.emailDomain);

  const objects: KubeObject[] = buildClusterObjects(ctx, {
    istio,
    gatewayApi,
    ambient,
    kfpVersion,
    meshWideMtls,
  });
  const namespaces: ScenarioNamespace[] = [];
  const used = new Set(['default', 'kube-system', 'istio-system', 'kubeflow']);
  const newer =
    options.kind === 'mixed'
      ? statesFor({ istio, gatewayApi, ambient }, NEWER_SCENARIO_STATES)
      : [];
  // own random stream for the added namespaces' owners: the earlier namespaces of a seed stay as they were
  const newerPeople = generatePeople(
    new SeededRandom(seed + 18_000),
    newer.length,
    options.emailDomain,
  );
  const sidecarPeer = (): string | undefined =>
    namespaces.find(n => n.state === 'sidecar')?.name;
  [...states, ...newer].forEach((state, i) => {
    const owner =
      i < states.length ? people[i] : newerPeople[i - states.length];
    let name = profileNameFor(owner);
    if (used.has(name)) name = `${name}-${i}`;
    used.add(name);
    const contributors =
      ctx.random.next() < 0.3
        ? Array.from(
            { length: ctx.random.int(1, 2) },
            () => ctx.random.pick(people).email,
          ).filter(e => e !== owner.email)
        : [];
    const notebooks = Math.max(
      state === 'sidecar-pa-workload' ? 1 : 0,
      ctx.random.int(0, 2),
    );
    const built = buildProfileNamespace({
      ctx,
      name,
      state,
      owner,
      contributors: [...new Set(contributors)],
      kfpVersion,
      createdAtMinutes: 60 + i * 7,
      istio,
      meshWideMtls,
      notebooks,
      ...(state === 'ambient-sidecar-callers'
        ? { sidecarPeer: sidecarPeer() }
        : {}),
    });
    objects.push(...built.objects);
    namespaces.push(built.info);
  });

  return {
    kind: options.kind,
    seed,
    clusterName: options.clusterName ?? 'kube-sim',
    features: { istio, gatewayApi },
    ambient,
    kfpVersion,
    ...(meshWideMtls ? { meshWideMtls } : {}),
    objects,
    namespaces,
  };
}
