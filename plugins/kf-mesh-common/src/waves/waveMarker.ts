import { WAVE_ID_PATTERN, type OnboardingWaveRef } from '../api/waves';

const MARKER = /^<!-- kf-mesh-wave: (.*) -->$/m;
const TASK_ID = /^[A-Za-z0-9-]{1,64}$/;

/**
 * The line the wave actions append to each onboarding PR body to say which wave
 * opened it: `<!-- kf-mesh-wave: id=<waveId> task=<taskId> [rollback-of=<waveId>] -->`
 * (an HTML comment: GitHub does not render it). A body marker rather than a label:
 * the stock `publish:github:pull-request` sets no labels, and a label would cost one
 * more content-creating request per PR.
 * @throws Error when an id does not match {@link WAVE_ID_PATTERN} or the task id is not a UUID-like token
 * @public
 */
export function waveMarker(ref: OnboardingWaveRef): string {
  const fields: Array<[string, string | undefined, RegExp]> = [
    ['id', ref.id, WAVE_ID_PATTERN],
    ['task', ref.taskId, TASK_ID],
    ['rollback-of', ref.rollbackOf, WAVE_ID_PATTERN],
  ];
  const parts: string[] = [];
  for (const [key, value, pattern] of fields) {
    if (value === undefined && key !== 'id') continue;
    if (value === undefined || !pattern.test(value)) {
      throw new Error(`waveMarker: ${key} must match ${pattern}`);
    }
    parts.push(`${key}=${value}`);
  }
  return `<!-- kf-mesh-wave: ${parts.join(' ')} -->`;
}

/**
 * Inverse of {@link waveMarker}: the wave of a PR body, `undefined` when the body
 * has no (valid) marker.
 * @public
 */
export function parseWaveMarker(
  body: string | null | undefined,
): OnboardingWaveRef | undefined {
  const match = body ? MARKER.exec(body) : null;
  if (!match) return undefined;
  const fields = new Map<string, string>();
  for (const part of match[1].split(' ')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq), part.slice(eq + 1));
  }
  const id = fields.get('id');
  if (!id || !WAVE_ID_PATTERN.test(id)) return undefined;
  const taskId = fields.get('task');
  const rollbackOf = fields.get('rollback-of');
  return {
    id,
    ...(taskId && TASK_ID.test(taskId) ? { taskId } : {}),
    ...(rollbackOf && WAVE_ID_PATTERN.test(rollbackOf) ? { rollbackOf } : {}),
  };
}
