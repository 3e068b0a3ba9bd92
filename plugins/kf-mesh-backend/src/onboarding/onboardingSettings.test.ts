import { ConfigReader } from '@backstage/config';
import { readOnboardingSettings } from './onboardingSettings';

const read = (onboardings: unknown) =>
  readOnboardingSettings(new ConfigReader({ kfMesh: { onboardings } } as any));

describe('kfMesh.onboardings settings', () => {
  it('is off when absent', () => {
    expect(readOnboardingSettings(new ConfigReader({}))).toBeUndefined();
  });

  it('reads repositories and durations with defaults', () => {
    const s = read({
      repositories: [{ url: 'https://ghe.example.test/acme/gitops.git' }],
      stuckAfter: { minutes: 10 },
      refreshInterval: '45s',
    })!;
    expect(s.repositories).toEqual([
      {
        url: 'https://ghe.example.test/acme/gitops.git',
        host: 'ghe.example.test',
        directory: 'clusters',
        owner: 'acme',
        repo: 'gitops',
      },
    ]);
    expect(s.stuckAfterMs).toBe(600_000);
    expect(s.lookbackMs).toBe(30 * 24 * 3600_000);
    expect(s.maxPullRequests).toBe(500);
    expect(s.refreshTimeout).toEqual({ minutes: 5 });
    expect(
      read({
        repositories: [{ url: 'https://ghe.example.test/acme/gitops' }],
        refreshTimeout: { seconds: 30 },
      })!.refreshTimeout,
    ).toEqual({ seconds: 30 });
  });

  it.each([
    [
      { repositories: [] },
      'kfMesh.onboardings.repositories must list at least one repository',
    ],
    [
      { repositories: [{ url: 'github.com/acme/gitops' }] },
      'kfMesh.onboardings.repositories[0].url must be an absolute URL',
    ],
    [
      { repositories: [{ url: 'https://github.com/acme' }] },
      'kfMesh.onboardings.repositories[0].url must name one repository',
    ],
    [
      { repositories: [{ url: 'https://github.com/acme/gitops/tree/main' }] },
      'kfMesh.onboardings.repositories[0].url must name one repository',
    ],
    [
      { repositories: [{ url: 'ftp://github.com/a/b' }] },
      'kfMesh.onboardings.repositories[0].url must use https://',
    ],
    [
      { repositories: [{ url: 'https://github.com/a/b' }], maxPullRequests: 0 },
      'kfMesh.onboardings.maxPullRequests must be an integer from 1 to 5000',
    ],
    [
      { repositories: [{ url: 'https://github.com/a/b' }], stuckAfter: 'soon' },
      'kfMesh.onboardings.stuckAfter must be a duration',
    ],
    [
      {
        repositories: [{ url: 'https://github.com/a/b' }],
        refreshTimeout: 'x',
      },
      'kfMesh.onboardings.refreshTimeout must be a duration',
    ],
  ])('rejects %j naming the field', (value, message) => {
    expect(() => read(value)).toThrow(message);
  });
});
