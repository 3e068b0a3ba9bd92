import type { MeshFinding, ObjectRef } from '@kf-mesh/plugin-kf-mesh-common';
import { FINDINGS, FindingCode } from './findingsCatalog';

/** Builds a finding from the catalog entry of `code` plus a per-object message. */
export function finding(
  code: FindingCode,
  message: string,
  object?: ObjectRef,
  workloads?: string[],
): MeshFinding {
  const def = FINDINGS[code];
  return {
    code,
    severity: def.severity,
    title: def.title,
    message,
    remediation: def.remediation,
    ...('istioCode' in def ? { istioCode: def.istioCode } : {}),
    ...('kialiCode' in def ? { kialiCode: def.kialiCode } : {}),
    fixedByOnboarding: def.fixedByOnboarding,
    ...(object ? { object } : {}),
    ...(workloads && workloads.length > 0
      ? { workloads: [...workloads].sort() }
      : {}),
  };
}

/** Whether every key/value of `selector` is present in `labels`. */
export function selectorMatches(
  selector: Readonly<Record<string, string>>,
  labels: Readonly<Record<string, string>>,
): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/** Lists at most `max` names, then "and N more". */
export function listNames(names: string[], max = 5): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}
