import { checkContributors } from './contributorCheck';
import { evaluatePreflight } from './evaluatePreflight';
import { namespaceDetail } from '../testUtils';

const rb = (user: string, role: 'edit' | 'view', name: string) => ({
  user,
  role,
  sources: [{ kind: 'RoleBinding', namespace: 'team-a', name }],
});
const cluster = {
  contributors: [
    rb('bob@example.com', 'edit', 'user-bob-example-com-clusterrole-edit'),
  ],
  state: { state: 'known' as const },
};

describe('checkContributors', () => {
  it('passes when the confirmed list is what the cluster shares', () => {
    expect(
      checkContributors(
        'team-a',
        'ambient',
        [{ user: 'bob@example.com', role: 'edit' }],
        cluster,
      ),
    ).toEqual({ errors: [], warnings: [] });
  });

  it('refuses a stale list for ambient, naming the user who is no longer shared', () => {
    const { errors } = checkContributors(
      'team-a',
      'ambient',
      [
        { user: 'bob@example.com', role: 'edit' },
        { user: 'carol@example.com', role: 'view' },
      ],
      cluster,
    );
    expect(errors).toEqual([
      "Contributor carol@example.com is not shared on the cluster (no KFAM RoleBinding user-carol-example-com-clusterrole-view in namespace 'team-a'): remove them from the list, or share the profile with them in the Central Dashboard first.",
    ]);
  });

  it('refuses a list that leaves out a contributor of the cluster, or changes a role', () => {
    expect(checkContributors('team-a', 'ambient', [], cluster).errors).toEqual([
      expect.stringMatching(
        /^Contributor bob@example.com \(edit\) is shared on the cluster/,
      ),
    ]);
    expect(
      checkContributors(
        'team-a',
        'ambient',
        [{ user: 'bob@example.com', role: 'view' }],
        cluster,
      ).errors,
    ).toEqual([
      expect.stringMatching(
        /^Contributor bob@example.com has role edit on the cluster, not view/,
      ),
    ]);
  });

  it('only warns for sidecar STRICT (KFAM policies stay as they are)', () => {
    expect(checkContributors('team-a', 'sidecar-strict', [], cluster)).toEqual({
      errors: [],
      warnings: [expect.stringContaining('bob@example.com')],
    });
  });

  it('warns, and refuses nothing, when the RoleBindings could not be read', () => {
    expect(
      checkContributors(
        'team-a',
        'ambient',
        [{ user: 'x@example.com', role: 'edit' }],
        {
          contributors: [],
          state: { state: 'unknown', reason: 'rolebindings forbidden' },
        },
      ),
    ).toEqual({
      errors: [],
      warnings: [expect.stringContaining('rolebindings forbidden')],
    });
  });
});

describe('evaluatePreflight with the cluster contributors', () => {
  it('checks by user instead of by policy name, once', () => {
    const report = evaluatePreflight(namespaceDetail(), 'ambient', [], {
      cluster,
    });
    expect(report.errors).toEqual([
      expect.stringMatching(/^Contributor bob@example.com \(edit\)/),
    ]);
  });

  it('falls back to the KFAM policy names when the RoleBindings are unknown', () => {
    const report = evaluatePreflight(namespaceDetail(), 'ambient', [], {
      cluster: {
        contributors: [],
        state: { state: 'unknown', reason: 'rolebindings forbidden' },
      },
    });
    expect(report.errors).toEqual([
      expect.stringContaining("'user-bob-example-com-clusterrole-edit'"),
    ]);
    expect(report.warnings).toEqual(
      expect.arrayContaining([
        expect.stringContaining('rolebindings forbidden'),
      ]),
    );
  });
});
