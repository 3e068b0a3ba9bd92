import { evaluatePreflight } from './evaluatePreflight';
import { evaluateUnattendedPreflight } from './unattendedPreflight';
import { namespaceDetail } from '../testUtils';

// The fixture's namespace shares the profile with bob@example.com through KFAM (its AuthorizationPolicy
// user-bob-example-com-clusterrole-edit); the RoleBinding of the same name is what the backend reads.
const bob = {
  user: 'bob@example.com',
  role: 'edit' as const,
  sources: [
    {
      kind: 'RoleBinding',
      namespace: 'team-a',
      name: 'user-bob-example-com-clusterrole-edit',
    },
  ],
};

describe('evaluateUnattendedPreflight (a wave: no form, the cluster names the contributors)', () => {
  it('without the cluster contributors, an ambient move of a shared profile is blocked, as the template preflight with an empty list', () => {
    const detail = namespaceDetail();
    const report = evaluateUnattendedPreflight(detail, 'ambient');
    expect(report.errors).toEqual(evaluatePreflight(detail, 'ambient').errors);
    expect(report.errors).toEqual([
      expect.stringContaining("'user-bob-example-com-clusterrole-edit'"),
    ]);
    expect(report.keptContributors).toEqual([]);
  });

  it('with the RoleBindings known, keeps the contributors the cluster names and passes', () => {
    const report = evaluateUnattendedPreflight(
      {
        ...namespaceDetail(),
        contributors: { contributors: [bob], state: { state: 'known' } },
      },
      'ambient',
    );
    expect(report.errors).toEqual([]);
    expect(report.keptContributors).toEqual([
      { user: 'bob@example.com', role: 'edit' },
    ]);
  });

  it('with the RoleBindings unknown, takes nobody as confirmed: the KFAM policies still block', () => {
    const report = evaluateUnattendedPreflight(
      {
        ...namespaceDetail(),
        contributors: {
          contributors: [bob],
          state: { state: 'unknown', reason: 'rolebindings forbidden' },
        },
      },
      'ambient',
    );
    expect(report.keptContributors).toEqual([]);
    expect(report.errors).toEqual([
      expect.stringContaining("'user-bob-example-com-clusterrole-edit'"),
    ]);
  });
});
