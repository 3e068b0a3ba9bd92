import { createHash } from 'node:crypto';

/** One entry of a (flattened) git tree: a file path, its mode and its blob. */
export interface TreeEntry {
  mode: string;
  sha: string;
}

/** A commit as stored by the simulator. */
export interface CommitObject {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  author: { name: string; email: string; date: string };
  committer: { name: string; email: string; date: string };
}

function compare(a: string, b: string) {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function gitHash(kind: string, body: Buffer): string {
  return createHash('sha1')
    .update(`${kind} ${body.length}\0`)
    .update(body)
    .digest('hex');
}

/**
 * Content-addressed storage for blobs, trees and commits. Blob SHAs are real
 * git blob SHAs; trees are stored flattened (path → entry), which is all the
 * REST API needs.
 */
export class GitObjects {
  private readonly blobs = new Map<string, Buffer>();
  private readonly trees = new Map<string, Map<string, TreeEntry>>();
  private readonly commits = new Map<string, CommitObject>();

  putBlob(content: Buffer): string {
    const sha = gitHash('blob', content);
    this.blobs.set(sha, content);
    return sha;
  }

  getBlob(sha: string): Buffer | undefined {
    return this.blobs.get(sha);
  }

  putTree(entries: Map<string, TreeEntry>): string {
    const sorted = [...entries.entries()].sort(([a], [b]) => compare(a, b));
    const body = Buffer.from(
      sorted.map(([path, e]) => `${e.mode} ${path}\0${e.sha}\n`).join(''),
    );
    const sha = gitHash('tree', body);
    this.trees.set(sha, new Map(sorted));
    return sha;
  }

  getTree(sha: string): Map<string, TreeEntry> | undefined {
    const tree = this.trees.get(sha);
    return tree ? new Map(tree) : undefined;
  }

  putCommit(commit: Omit<CommitObject, 'sha'>): CommitObject {
    const body = Buffer.from(
      [
        `tree ${commit.tree}`,
        ...commit.parents.map(p => `parent ${p}`),
        `author ${commit.author.name} <${commit.author.email}> ${commit.author.date}`,
        `committer ${commit.committer.name} <${commit.committer.email}> ${commit.committer.date}`,
        '',
        commit.message,
      ].join('\n'),
    );
    const stored = { ...commit, sha: gitHash('commit', body) };
    this.commits.set(stored.sha, stored);
    return stored;
  }

  getCommit(sha: string): CommitObject | undefined {
    return this.commits.get(sha);
  }

  /** All commit SHAs reachable from `sha` (inclusive). */
  ancestors(sha: string): Set<string> {
    const seen = new Set<string>();
    const stack = [sha];
    while (stack.length) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      const commit = this.commits.get(next);
      if (!commit) continue;
      seen.add(next);
      stack.push(...commit.parents);
    }
    return seen;
  }

  /** Nearest common ancestor of two commits (breadth-first from `b`). */
  mergeBase(a: string, b: string): string | undefined {
    const fromA = this.ancestors(a);
    const queue = [b];
    const seen = new Set<string>();
    while (queue.length) {
      const next = queue.shift()!;
      if (fromA.has(next)) return next;
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(...(this.commits.get(next)?.parents ?? []));
    }
    return undefined;
  }
}
