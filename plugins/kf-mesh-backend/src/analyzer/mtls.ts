import type {
  DataplaneIntent,
  EffectiveMtlsStatus,
  MeshFinding,
  MtlsExplanationStep,
  MtlsMode,
} from '@kf-mesh/plugin-kf-mesh-common';
import { finding, selectorMatches } from './finding';
import type {
  MeshContext,
  PeerAuthenticationProjection,
  PodProjection,
} from '../model';

/** Oldest first; ties broken by name for a stable answer. */
function byAge(
  a: PeerAuthenticationProjection,
  b: PeerAuthenticationProjection,
) {
  if (a.createdAt === b.createdAt) return a.name.localeCompare(b.name);
  return a.createdAt < b.createdAt ? -1 : 1;
}

function ref(pa: PeerAuthenticationProjection) {
  return { kind: 'PeerAuthentication', namespace: pa.namespace, name: pa.name };
}

/**
 * Resolves one scope: the oldest policy applies ("if several policies at the
 * same level apply, the oldest wins", istio.io peer_authentication reference;
 * ambient `getOldestPeerAuthn`), the newer ones are ignored, `UNSET` inherits.
 */
function resolveScope(
  scope: 'mesh' | 'namespace',
  policies: PeerAuthenticationProjection[],
  inherited: Exclude<MtlsMode, 'UNSET'>,
  chain: MtlsExplanationStep[],
): Exclude<MtlsMode, 'UNSET'> {
  const sorted = [...policies].sort(byAge);
  sorted.forEach((pa, i) => {
    if (i === 0) {
      chain.push({
        scope,
        policy: ref(pa),
        mode: pa.mode,
        effect: pa.mode === 'UNSET' ? 'inherited' : 'applied',
        note:
          pa.mode === 'UNSET'
            ? `UNSET inherits ${inherited} from the parent scope`
            : `${scope}-wide policy sets ${pa.mode}`,
      });
    } else {
      chain.push({
        scope,
        policy: ref(pa),
        mode: pa.mode,
        effect: 'ignored',
        note: `newer than ${sorted[0].name}; the oldest ${scope}-wide policy wins`,
      });
    }
  });
  const winner = sorted[0];
  return winner && winner.mode !== 'UNSET' ? winner.mode : inherited;
}

/** Inputs of the mTLS analysis. */
export interface MtlsInputs {
  namespace: string;
  intent: DataplaneIntent;
  peerAuthentications: PeerAuthenticationProjection[];
  pods: PodProjection[];
  mesh: MeshContext;
}

/** Result of the mTLS analysis. */
export interface MtlsAnalysis {
  status: EffectiveMtlsStatus;
  findings: MeshFinding[];
}

/**
 * Effective mTLS of a namespace with its explanation chain (docs/mesh-semantics.md#b4):
 * default PERMISSIVE → mesh (selector-less PA in the root namespace) →
 * namespace (selector-less PA) → workload overrides (selector PAs).
 */
export function analyzeMtls(input: MtlsInputs): MtlsAnalysis {
  const { namespace, mesh } = input;
  const findings: MeshFinding[] = [];
  const chain: MtlsExplanationStep[] = [
    {
      scope: 'default',
      mode: 'PERMISSIVE',
      effect: 'applied',
      note: 'no PeerAuthentication: Istio defaults to PERMISSIVE',
    },
  ];
  let mode = resolveScope(
    'mesh',
    mesh.meshPeerAuthentications,
    'PERMISSIVE',
    chain,
  );
  const isRoot = namespace === mesh.rootNamespace;
  const nsWide = input.peerAuthentications.filter(pa => !pa.selector);
  const selectorPas = input.peerAuthentications.filter(pa => pa.selector);
  if (!isRoot) {
    mode = resolveScope('namespace', nsWide, mode, chain);
    if (nsWide.length > 1) {
      findings.push(
        finding(
          'KFM402',
          `${
            nsWide.length
          } selector-less PeerAuthentications in ${namespace}: ${[...nsWide]
            .sort(byAge)
            .map(p => p.name)
            .join(', ')}; only the oldest applies.`,
          ref([...nsWide].sort(byAge)[0]),
        ),
      );
    }
  }

  for (const pa of nsWide) {
    if (pa.hasPortLevelMtls) {
      findings.push(
        finding(
          'KFM405',
          `PeerAuthentication ${pa.name} has portLevelMtls but no selector.`,
          ref(pa),
        ),
      );
    }
  }

  const workloadOverrides: EffectiveMtlsStatus['workloadOverrides'] = [];
  for (const pa of selectorPas) {
    if (isRoot) {
      findings.push(
        finding(
          'KFM404',
          `PeerAuthentication ${pa.name} has a selector in the root namespace ${namespace}; Istio ignores it.`,
          ref(pa),
        ),
      );
      continue;
    }
    const matched = input.pods.filter(p =>
      selectorMatches(pa.selector!, p.labels),
    );
    workloadOverrides.push({
      policy: ref(pa),
      selector: { ...pa.selector },
      mode: pa.mode,
      matchedPods: matched.length,
    });
    chain.push({
      scope: 'workload',
      policy: ref(pa),
      mode: pa.mode,
      effect: pa.mode === 'UNSET' ? 'inherited' : 'applied',
      note: `overrides the namespace mode for ${matched.length} pod(s)`,
    });
    if (matched.length === 0 && mesh.availability.pods === 'synced') {
      findings.push(
        finding(
          'KFM307',
          `PeerAuthentication ${pa.name} selects no pod.`,
          ref(pa),
        ),
      );
    }
  }

  if (!isRoot && input.intent === 'sidecar' && mode !== 'STRICT') {
    findings.push(
      finding(
        'KFM401',
        `Sidecar namespace ${namespace} has effective mTLS ${mode}.`,
        { kind: 'Namespace', namespace, name: namespace },
      ),
    );
  }
  if (input.intent === 'ambient') {
    const disabled = input.peerAuthentications.filter(
      pa => pa.mode === 'DISABLE',
    );
    if (mode === 'DISABLE' || disabled.length > 0) {
      findings.push(
        finding(
          'KFM403',
          `Ambient namespace ${namespace} asks for mTLS DISABLE${
            disabled.length
              ? ` (${disabled.map(p => p.name).join(', ')})`
              : ' (inherited from the mesh)'
          }.`,
          disabled[0] ? ref(disabled[0]) : undefined,
        ),
      );
    }
  }

  return { status: { mode, chain, workloadOverrides }, findings };
}
