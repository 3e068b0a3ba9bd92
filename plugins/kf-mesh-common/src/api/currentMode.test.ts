import { currentModeOfStatus } from './currentMode';
import type { NamespaceMeshStatus } from './status';

const status = (
  verdict: NamespaceMeshStatus['dataplane']['verdict'],
  intent: NamespaceMeshStatus['dataplane']['intent'],
  mtls: NamespaceMeshStatus['mtls']['mode'] = 'PERMISSIVE',
) =>
  ({
    dataplane: { verdict, intent },
    mtls: { mode: mtls },
  } as unknown as Pick<NamespaceMeshStatus, 'dataplane' | 'mtls'>);

describe('currentModeOfStatus', () => {
  it.each([
    [status('ambient', 'ambient'), 'ambient'],
    [status('none', 'none'), 'none'],
    [status('sidecar', 'sidecar'), 'sidecar'],
    [status('sidecar', 'sidecar', 'STRICT'), 'sidecar-strict'],
    // migrating: the labels' intent decides (the pods follow after restarts)
    [status('migrating', 'ambient'), 'ambient'],
    [status('migrating', 'sidecar', 'STRICT'), 'sidecar-strict'],
    [status('migrating', 'none'), 'none'],
    // conflict (ambient label + injection): neither label wins, treated as sidecar
    [status('conflict', 'conflict'), 'sidecar'],
  ])('%j → %s', (s, mode) => {
    expect(currentModeOfStatus(s)).toBe(mode);
  });
});
