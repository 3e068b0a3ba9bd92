import { SimStore } from '../model/SimStore';

/**
 * Answers the one GraphQL query `octokit-plugin-create-pull-request` sends:
 * a branch's open associated pull requests. Anything else gets a GraphQL error.
 */
export function answerGraphql(store: SimStore, webUrl: string, body: any) {
  const query: unknown = body?.query;
  const variables = body?.variables ?? {};
  if (typeof query !== 'string' || !/associatedPullRequests/.test(query)) {
    return {
      errors: [
        {
          message: 'github-sim only supports the associatedPullRequests query',
        },
      ],
    };
  }
  const repo = store.findRepo(String(variables.owner), String(variables.repo));
  if (!repo) {
    return {
      data: { repository: null },
      errors: [
        {
          type: 'NOT_FOUND',
          path: ['repository'],
          message: `Could not resolve to a Repository with the name '${variables.owner}/${variables.repo}'.`,
        },
      ],
    };
  }
  const branch = String(variables.head ?? '').replace(/^refs\/heads\//, '');
  if (!repo.branches.has(branch))
    return { data: { repository: { ref: null } } };
  const open = repo.pulls
    .filter(p => p.state === 'open' && p.headRef === branch)
    .sort((a, b) => a.number - b.number)
    .slice(0, 1);
  return {
    data: {
      repository: {
        ref: {
          associatedPullRequests: {
            edges: open.map(p => ({
              node: {
                id: `PR_${repo.id}_${p.number}`,
                number: p.number,
                url: `${webUrl}/${repo.owner}/${repo.name}/pull/${p.number}`,
              },
            })),
          },
        },
      },
    },
  };
}
