import { GitObjects, TreeEntry } from './GitObjects';
import { AddRepoOptions, SimPullRequest, SimRepo } from './types';
import { GithubApiError } from '../http/errors';

const SIM_AUTHOR = {
  name: 'github-sim',
  email: 'github-sim@example.test',
};

/** In-memory repositories, git objects and pull requests. */
export class SimStore {
  readonly git = new GitObjects();
  private readonly repos = new Map<string, SimRepo>();
  private nextRepoId = 1;

  private static key(owner: string, repo: string) {
    return `${owner.toLowerCase()}/${repo.toLowerCase()}`;
  }

  addRepo(options: AddRepoOptions): SimRepo {
    const key = SimStore.key(options.owner, options.repo);
    if (this.repos.has(key)) {
      throw new Error(`Repository ${key} already exists in the simulator`);
    }
    const defaultBranch = options.defaultBranch ?? 'main';
    const entries = new Map<string, TreeEntry>();
    for (const [path, content] of Object.entries(options.files ?? {})) {
      entries.set(path, {
        mode: '100644',
        sha: this.git.putBlob(Buffer.from(content, 'utf8')),
      });
    }
    const now = new Date().toISOString();
    const commit = this.git.putCommit({
      tree: this.git.putTree(entries),
      parents: [],
      message: 'Initial commit',
      author: { ...SIM_AUTHOR, date: now },
      committer: { ...SIM_AUTHOR, date: now },
    });
    const repo: SimRepo = {
      id: this.nextRepoId++,
      owner: options.owner,
      name: options.repo,
      defaultBranch,
      branches: new Map([[defaultBranch, commit.sha]]),
      pulls: [],
      checkRuns: new Map(),
    };
    this.repos.set(key, repo);
    return repo;
  }

  listRepos(): SimRepo[] {
    return [...this.repos.values()];
  }

  findRepo(owner: string, repo: string): SimRepo | undefined {
    return this.repos.get(SimStore.key(owner, repo));
  }

  repo(owner: string, repo: string): SimRepo {
    const found = this.findRepo(owner, repo);
    if (!found) throw new GithubApiError(404, 'Not Found');
    return found;
  }

  pull(repo: SimRepo, number: number): SimPullRequest {
    const pr = repo.pulls.find(p => p.number === number);
    if (!pr) throw new GithubApiError(404, 'Not Found');
    return pr;
  }

  /** Resolves a branch name or commit SHA to a commit SHA. */
  resolveCommit(repo: SimRepo, ref: string): string | undefined {
    const name = ref.replace(/^refs\/heads\//, '').replace(/^heads\//, '');
    const branch = repo.branches.get(name);
    if (branch) return branch;
    return this.git.getCommit(ref) ? ref : undefined;
  }

  /** Full file content (path → UTF-8 text) at a branch or commit. */
  filesAt(
    owner: string,
    repoName: string,
    ref: string,
  ): Record<string, string> {
    const repo = this.repo(owner, repoName);
    const sha = this.resolveCommit(repo, ref);
    if (!sha)
      throw new Error(`No branch or commit ${ref} in ${owner}/${repoName}`);
    const tree = this.git.getTree(this.git.getCommit(sha)!.tree)!;
    const files: Record<string, string> = {};
    for (const [path, entry] of [...tree.entries()].sort()) {
      files[path] = this.git.getBlob(entry.sha)!.toString('utf8');
    }
    return files;
  }

  /** Paths whose content differs between two trees. */
  changedPaths(fromTree: string, toTree: string): string[] {
    const a = this.git.getTree(fromTree) ?? new Map();
    const b = this.git.getTree(toTree) ?? new Map();
    const paths = new Set([...a.keys(), ...b.keys()]);
    return [...paths]
      .filter(
        p =>
          a.get(p)?.sha !== b.get(p)?.sha || a.get(p)?.mode !== b.get(p)?.mode,
      )
      .sort();
  }

  /**
   * Points a branch at `sha`; the open pull requests of that branch get the new head (GitHub
   * moves a PR with its branch) and a new revision.
   */
  moveBranch(repo: SimRepo, branch: string, sha: string): void {
    repo.branches.set(branch, sha);
    for (const pr of repo.pulls) {
      if (pr.headRef === branch && pr.state === 'open') {
        pr.revision++;
        pr.updatedAt = new Date().toISOString();
      }
    }
  }

  /** Records a new open pull request (number = next in the repository). */
  addPull(
    repo: SimRepo,
    fields: Pick<
      SimPullRequest,
      | 'title'
      | 'body'
      | 'draft'
      | 'author'
      | 'headOwner'
      | 'headRef'
      | 'baseRef'
    > &
      Partial<Pick<SimPullRequest, 'requestedReviewers' | 'requestedTeams'>> & {
        createdAt?: string;
      },
  ): SimPullRequest {
    const at = fields.createdAt ?? new Date().toISOString();
    const pr: SimPullRequest = {
      number: repo.pulls.length + 1,
      title: fields.title,
      body: fields.body,
      state: 'open',
      merged: false,
      mergeCommitSha: null,
      draft: fields.draft,
      author: fields.author,
      headOwner: fields.headOwner,
      headRef: fields.headRef,
      baseRef: fields.baseRef,
      requestedReviewers: [...(fields.requestedReviewers ?? [])],
      requestedTeams: [...(fields.requestedTeams ?? [])],
      reviews: [],
      createdAt: at,
      updatedAt: at,
      mergedAt: null,
      closedAt: null,
      revision: 1,
    };
    repo.pulls.push(pr);
    return pr;
  }

  /** Commits file changes on top of a commit; returns the new commit SHA. */
  commitChanges(
    parentSha: string,
    changes: { files: Record<string, string>; deletePaths?: string[] },
    message: string,
    date: string,
  ): string {
    const entries = new Map(
      this.git.getTree(this.git.getCommit(parentSha)!.tree)!,
    );
    for (const [path, content] of Object.entries(changes.files)) {
      entries.set(path, {
        mode: '100644',
        sha: this.git.putBlob(Buffer.from(content, 'utf8')),
      });
    }
    for (const path of changes.deletePaths ?? []) entries.delete(path);
    return this.git.putCommit({
      tree: this.git.putTree(entries),
      parents: [parentSha],
      message,
      author: { ...SIM_AUTHOR, date },
      committer: { ...SIM_AUTHOR, date },
    }).sha;
  }

  /** Merges an open pull request into its base with a merge commit. */
  merge(
    owner: string,
    repoName: string,
    number: number,
    message?: string,
    mergedAt?: string,
  ) {
    const repo = this.repo(owner, repoName);
    const pr = this.pull(repo, number);
    if (pr.state !== 'open') {
      throw new GithubApiError(405, 'Pull Request is not mergeable');
    }
    const baseSha = repo.branches.get(pr.baseRef);
    const headSha = repo.branches.get(pr.headRef);
    if (!baseSha || !headSha) {
      throw new GithubApiError(422, 'Head or base branch was deleted');
    }
    const mergeBase = this.git.mergeBase(baseSha, headSha);
    const baseTree = this.git.getTree(this.git.getCommit(baseSha)!.tree)!;
    const headTree = this.git.getTree(this.git.getCommit(headSha)!.tree)!;
    const ancestorTree = mergeBase
      ? this.git.getTree(this.git.getCommit(mergeBase)!.tree)!
      : new Map<string, TreeEntry>();
    const result = new Map(baseTree);
    const paths = new Set([...headTree.keys(), ...ancestorTree.keys()]);
    for (const path of paths) {
      const head = headTree.get(path);
      const ancestor = ancestorTree.get(path);
      if (head?.sha === ancestor?.sha) continue;
      if (head) result.set(path, head);
      else result.delete(path);
    }
    const now = mergedAt ?? new Date().toISOString();
    const commit = this.git.putCommit({
      tree: this.git.putTree(result),
      parents: [baseSha, headSha],
      message:
        message ??
        `Merge pull request #${pr.number} from ${pr.headOwner}/${pr.headRef}`,
      author: { ...SIM_AUTHOR, date: now },
      committer: { ...SIM_AUTHOR, date: now },
    });
    repo.branches.set(pr.baseRef, commit.sha);
    pr.state = 'closed';
    pr.merged = true;
    pr.mergeCommitSha = commit.sha;
    pr.mergedAt = now;
    pr.closedAt = now;
    pr.updatedAt = now;
    pr.revision++;
    return {
      sha: commit.sha,
      merged: true,
      message: 'Pull Request successfully merged',
    };
  }
}
