import { objectFileName } from '../objects/fileName';
import type { KubeObject, PlannedObject } from './types';

/** Why a plan writes an object: the step that applies it, the reason, and what breaks without it. */
export type PlannedObjectRationale = Pick<
  PlannedObject,
  'reason' | 'ifSkipped' | 'stepId'
>;

/** An object of a plan, filed under the name the rendered kustomize directory gives it. */
export function plannedObject(
  object: KubeObject,
  action: PlannedObject['action'],
  rationale: PlannedObjectRationale,
): PlannedObject {
  return { object, action, fileName: objectFileName(object), ...rationale };
}
