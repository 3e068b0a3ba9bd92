import {
  compareComponentVersions,
  imageTagVersion,
  parseComponentVersion,
} from './componentVersions';

describe('component versions (docs/mesh-semantics.md#version-preflight)', () => {
  it.each([
    ['docker.io/istio/pilot:1.29.0', '1.29.0'],
    ['gcr.io/istio-release/ztunnel:1.29.1-distroless', '1.29.1'],
    ['registry.local:5000/istio/pilot:1.30.0@sha256:abcd', '1.30.0'],
    ['istio/pilot:1.24', '1.24.0'],
    ['docker.io/istio/pilot@sha256:abcd', undefined],
    ['docker.io/istio/pilot:latest', undefined],
    ['docker.io/istio/pilot', undefined],
  ])('reads %s as %s', (image, version) => {
    expect(imageTagVersion(image)).toBe(version);
  });

  it('parses bundle versions with a leading v and orders versions numerically', () => {
    expect(parseComponentVersion('v1.4.0')).toEqual({
      major: 1,
      minor: 4,
      patch: 0,
    });
    expect(parseComponentVersion('1.x')).toBeUndefined();
    expect(
      compareComponentVersions(
        parseComponentVersion('1.10.0')!,
        parseComponentVersion('1.9.9')!,
      ),
    ).toBeGreaterThan(0);
  });
});
