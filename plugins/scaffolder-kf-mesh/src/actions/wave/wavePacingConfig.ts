import type { Config } from '@backstage/config';
import type { WavePacing } from './contentBudget';

/**
 * `kfMesh.waves.pacing` (optional): `contentPerMinute`, `contentPerHour`
 * (content-generating GitHub requests a wave may make; defaults 60 and 450,
 * under GitHub's 80 and 500) and `minuteMs` (only for tests and benchmarks on a
 * scaled clock).
 */
export function readWavePacing(config: Config): Partial<WavePacing> {
  const pacing = config.getOptionalConfig('kfMesh.waves.pacing');
  if (!pacing) return {};
  const read = (key: keyof WavePacing) => {
    const value = pacing.getOptionalNumber(key);
    if (value !== undefined && !(value > 0)) {
      throw new Error(
        `Invalid config kfMesh.waves.pacing.${key}: must be a positive number`,
      );
    }
    return value === undefined ? {} : { [key]: value };
  };
  return {
    ...read('contentPerMinute'),
    ...read('contentPerHour'),
    ...read('minuteMs'),
  };
}
