import type {
  FindingSeverity,
  MeshFinding,
} from '@kf-mesh/plugin-kf-mesh-common';

const rank: Record<FindingSeverity, number> = { error: 3, warning: 2, info: 1 };

/** The most severe finding (first of equals), or undefined when there is none. */
export function worstFinding(findings: MeshFinding[]): MeshFinding | undefined {
  return findings.reduce<MeshFinding | undefined>(
    (worst, f) =>
      !worst || rank[f.severity] > rank[worst.severity] ? f : worst,
    undefined,
  );
}
