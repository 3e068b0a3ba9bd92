import { SimStore } from '../model/SimStore';
import { SimPullRequest, SimRepo } from '../model/types';

/** Login of the token's user (`GET /user`) and author of API-created pull requests. */
export const SIM_USER = 'kf-mesh-bot';

/** A GitHub `simple-user` for a login. */
export function user(login: string) {
  return { login, id: loginId(login), type: 'User' };
}

function loginId(login: string) {
  let h = 0;
  for (const c of login) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h;
}

/** A GitHub `team` for a slug. */
export function team(slug: string) {
  return { slug, name: slug, id: loginId(slug) };
}

export function serializeRepo(repo: SimRepo, webUrl: string, apiUrl: string) {
  return {
    id: repo.id,
    name: repo.name,
    full_name: `${repo.owner}/${repo.name}`,
    owner: { ...user(repo.owner), type: 'Organization' },
    private: true,
    html_url: `${webUrl}/${repo.owner}/${repo.name}`,
    url: `${apiUrl}/repos/${repo.owner}/${repo.name}`,
    // URI templates, as GitHub serves them (Backstage's GitHub UrlReader fills them in)
    archive_url: `${apiUrl}/repos/${repo.owner}/${repo.name}/{archive_format}{/ref}`,
    trees_url: `${apiUrl}/repos/${repo.owner}/${repo.name}/git/trees{/sha}`,
    default_branch: repo.defaultBranch,
    permissions: {
      admin: true,
      maintain: true,
      push: true,
      triage: true,
      pull: true,
    },
  };
}

export function serializeCommit(
  store: SimStore,
  sha: string,
  apiUrl: string,
  repo: SimRepo,
) {
  const commit = store.git.getCommit(sha)!;
  const base = `${apiUrl}/repos/${repo.owner}/${repo.name}`;
  return {
    sha,
    url: `${base}/commits/${sha}`,
    commit: {
      message: commit.message,
      author: commit.author,
      committer: commit.committer,
      tree: { sha: commit.tree, url: `${base}/git/trees/${commit.tree}` },
    },
    parents: commit.parents.map(p => ({ sha: p, url: `${base}/commits/${p}` })),
  };
}

export function serializeGitCommit(
  store: SimStore,
  sha: string,
  apiUrl: string,
  repo: SimRepo,
) {
  const commit = store.git.getCommit(sha)!;
  const base = `${apiUrl}/repos/${repo.owner}/${repo.name}`;
  return {
    sha,
    url: `${base}/git/commits/${sha}`,
    message: commit.message,
    author: commit.author,
    committer: commit.committer,
    tree: { sha: commit.tree, url: `${base}/git/trees/${commit.tree}` },
    parents: commit.parents.map(p => ({
      sha: p,
      url: `${base}/git/commits/${p}`,
    })),
  };
}

export function serializePull(
  pr: SimPullRequest,
  repo: SimRepo,
  webUrl: string,
  apiUrl: string,
) {
  const full = `${repo.owner}/${repo.name}`;
  return {
    id: repo.id * 100000 + pr.number,
    number: pr.number,
    state: pr.state,
    title: pr.title,
    body: pr.body,
    draft: pr.draft,
    merged: pr.merged,
    merge_commit_sha: pr.mergeCommitSha,
    html_url: `${webUrl}/${full}/pull/${pr.number}`,
    url: `${apiUrl}/repos/${full}/pulls/${pr.number}`,
    user: user(pr.author),
    labels: [],
    head: {
      label: `${pr.headOwner}:${pr.headRef}`,
      ref: pr.headRef,
      sha: repo.branches.get(pr.headRef) ?? null,
      repo: { full_name: full },
    },
    base: {
      label: `${repo.owner}:${pr.baseRef}`,
      ref: pr.baseRef,
      sha: repo.branches.get(pr.baseRef) ?? null,
      repo: { full_name: full },
    },
    requested_reviewers: pr.requestedReviewers.map(user),
    requested_teams: pr.requestedTeams.map(team),
    created_at: pr.createdAt,
    updated_at: pr.updatedAt,
    closed_at: pr.closedAt,
    merged_at: pr.mergedAt,
  };
}
