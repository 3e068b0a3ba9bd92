import { SimStore } from '../model/SimStore';
import { SimPullRequest, SimRepo } from '../model/types';

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function page(title: string, body: string) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:sans-serif;margin:2em;max-width:70em}pre{background:#f6f8fa;padding:.8em;overflow:auto}
.state{font-weight:bold}.open{color:#1a7f37}.merged{color:#8250df}.closed{color:#cf222e}</style></head>
<body>${body}</body></html>`;
}

function prState(pr: SimPullRequest) {
  return pr.merged ? 'merged' : pr.state;
}

function prSummary(repo: SimRepo, pr: SimPullRequest) {
  const link = `/${encodeURIComponent(repo.owner)}/${encodeURIComponent(
    repo.name,
  )}/pull/${pr.number}`;
  return `<li><a href="${escapeHtml(link)}">#${pr.number} ${escapeHtml(
    pr.title,
  )}</a>
 <span class="state ${prState(pr)}">${prState(pr)}</span>${
    pr.draft ? ' (draft)' : ''
  }
 — ${escapeHtml(pr.headRef)} → ${escapeHtml(pr.baseRef)}</li>`;
}

/** The index page: every repository with its branches and pull requests. */
export function renderIndex(store: SimStore): string {
  const repos = store.listRepos();
  const sections = repos.map(repo => {
    const branches = [...repo.branches.keys()]
      .map(b => `<li><code>${escapeHtml(b)}</code></li>`)
      .join('');
    const pulls = [...repo.pulls]
      .reverse()
      .map(pr => prSummary(repo, pr))
      .join('');
    return `<section><h2>${escapeHtml(`${repo.owner}/${repo.name}`)}</h2>
<h3>Branches</h3><ul>${branches}</ul>
<h3>Pull requests</h3>${
      pulls ? `<ul>${pulls}</ul>` : '<p>None yet.</p>'
    }</section>`;
  });
  return page(
    'github-sim',
    `<h1>github-sim</h1>${sections.join('') || '<p>No repositories.</p>'}`,
  );
}

/** One pull request with its metadata and the full content of every changed file. */
export function renderPullRequest(
  store: SimStore,
  repo: SimRepo,
  pr: SimPullRequest,
): string {
  const headSha = repo.branches.get(pr.headRef);
  const baseSha = repo.branches.get(pr.baseRef);
  let files = '<p>Head branch deleted.</p>';
  if (headSha && baseSha) {
    const base = store.git.mergeBase(baseSha, headSha) ?? baseSha;
    const fromTree = store.git.getCommit(
      pr.merged && pr.mergeCommitSha
        ? store.git.getCommit(pr.mergeCommitSha)!.parents[0]
        : base,
    )!.tree;
    const toTree = store.git.getCommit(headSha)!.tree;
    const after = store.git.getTree(toTree)!;
    files = store
      .changedPaths(fromTree, toTree)
      .map(path => {
        const entry = after.get(path);
        const content = entry
          ? store.git.getBlob(entry.sha)!.toString('utf8')
          : '(deleted)';
        return `<h4><code>${escapeHtml(path)}</code></h4><pre>${escapeHtml(
          content,
        )}</pre>`;
      })
      .join('');
  }
  const reviewers = [
    ...pr.requestedReviewers.map(r => `@${r}`),
    ...pr.requestedTeams.map(t => `team ${t}`),
  ];
  const reviews = pr.reviews
    .map(r => `<li>${escapeHtml(r.user)}: ${escapeHtml(r.state)}</li>`)
    .join('');
  return page(
    `#${pr.number} ${pr.title}`,
    `<p><a href="/">← all repositories</a></p>
<h1>${escapeHtml(pr.title)} <small>#${pr.number}</small></h1>
<p><span class="state ${prState(pr)}">${prState(pr)}</span>${
      pr.draft ? ' (draft)' : ''
    }
 ${escapeHtml(`${repo.owner}/${repo.name}`)}: <code>${escapeHtml(
      pr.headRef,
    )}</code> → <code>${escapeHtml(pr.baseRef)}</code></p>
<p>Reviewers requested: ${escapeHtml(reviewers.join(', ') || 'none')}</p>
${reviews ? `<ul>${reviews}</ul>` : ''}
<h2>Description</h2><pre>${escapeHtml(pr.body ?? '')}</pre>
<h2>Files</h2>${files}`,
  );
}
