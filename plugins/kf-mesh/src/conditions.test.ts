import { isKfMeshAvailable } from './conditions';
import { profileEntity, unannotatedEntity } from './__fixtures__/entities';

describe('isKfMeshAvailable', () => {
  it('accepts an entity with a namespace annotation', () => {
    expect(isKfMeshAvailable(profileEntity)).toBe(true);
  });

  it('accepts an entity with only a Kubeflow profile annotation', () => {
    expect(
      isKfMeshAvailable({
        ...unannotatedEntity,
        metadata: {
          name: 'x',
          annotations: { 'kubeflow.org/profile': 'kubeflow-x' },
        },
      }),
    ).toBe(true);
  });

  it('rejects an entity without annotations or with blank ones', () => {
    expect(isKfMeshAvailable(unannotatedEntity)).toBe(false);
    expect(
      isKfMeshAvailable({
        ...unannotatedEntity,
        metadata: {
          name: 'x',
          annotations: {
            'backstage.io/kubernetes-namespace': ' ',
            'backstage.io/kubernetes-cluster': 'prod-eu',
          },
        },
      }),
    ).toBe(false);
  });
});
