import {
  DNS1123_LABEL_RULE,
  isDns1123Label,
  MAX_WAVE_NAMESPACES,
  WAVE_ID_PATTERN,
  type WaveNamespaceRef,
} from '@kf-mesh/plugin-kf-mesh-common';
import { invalidInput } from '../inputs';

/** Checks a wave id against {@link WAVE_ID_PATTERN}. */
export function assertWaveId(field: string, value: unknown): string {
  if (typeof value !== 'string' || !WAVE_ID_PATTERN.test(value)) {
    invalidInput(
      field,
      'must be a DNS-1123 label of at most 40 characters (e.g. wave-20261201-1640)',
      value,
    );
  }
  return value;
}

/**
 * Checks the selected namespaces before anything is read: 1 to
 * {@link MAX_WAVE_NAMESPACES} entries (the documented wave limit, see
 * templates/README.md), DNS-1123 names, no namespace twice.
 */
export function assertWaveSelection(value: unknown): WaveNamespaceRef[] {
  if (!Array.isArray(value) || value.length === 0) {
    invalidInput(
      'namespaces',
      'select at least one namespace for the wave',
      value ?? [],
    );
  }
  if (value.length > MAX_WAVE_NAMESPACES) {
    invalidInput(
      'namespaces',
      `a wave has at most ${MAX_WAVE_NAMESPACES} namespaces (GitHub's secondary rate limits; see templates/README.md): split the selection into several waves`,
      `${value.length} entries`,
    );
  }
  const seen = new Set<string>();
  return value.map((entry, i) => {
    const { cluster, namespace } = (entry ?? {}) as Record<string, unknown>;
    if (!isDns1123Label(cluster))
      invalidInput(`namespaces[${i}].cluster`, DNS1123_LABEL_RULE, cluster);
    if (!isDns1123Label(namespace))
      invalidInput(`namespaces[${i}].namespace`, DNS1123_LABEL_RULE, namespace);
    const key = `${cluster}/${namespace}`;
    if (seen.has(key)) {
      invalidInput(
        `namespaces[${i}]`,
        'each namespace may be selected once',
        key,
      );
    }
    seen.add(key);
    return { cluster, namespace };
  });
}
