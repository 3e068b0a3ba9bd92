import type { NamespaceDetailResponse } from '../../api';
import type { TargetMode } from '../../planner/input/modes';

/** What one preflight rule found: errors block the onboarding, warnings are for the reviewer. */
export interface PreflightFindings {
  errors: string[];
  warnings: string[];
}

/** A preflight rule: a pure function of the backend's namespace answer and the target mode. */
export type PreflightRule = (
  detail: NamespaceDetailResponse,
  mode: TargetMode,
) => PreflightFindings;
