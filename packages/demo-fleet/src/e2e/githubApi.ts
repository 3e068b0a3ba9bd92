import { DEMO_GITHUB } from '../demoFleetConfig';

const base = `http://127.0.0.1:${DEMO_GITHUB.port}/api/v3/repos/${DEMO_GITHUB.owner}/${DEMO_GITHUB.repo}`;

/** GETs a path of the demo GitOps repository from the loopback GitHub's REST API. */
export async function githubGet<T>(path: string): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    headers: {
      authorization: `token ${DEMO_GITHUB.token}`,
      accept: 'application/vnd.github+json',
    },
  });
  if (!response.ok) {
    throw new Error(`GET ${path}: HTTP ${response.status}`);
  }
  return (await response.json()) as T;
}

/** The text of a file at a ref, through the contents API (base64, like GitHub). */
export async function githubFile(path: string, ref: string): Promise<string> {
  const file = await githubGet<{ content: string }>(
    `/contents/${path}?ref=${encodeURIComponent(ref)}`,
  );
  return Buffer.from(file.content, 'base64').toString('utf8');
}

/** A pull request as the REST API returns it (the fields the test reads). */
export interface PullRequest {
  number: number;
  title: string;
  body: string;
  state: string;
  head: { ref: string };
  requested_teams?: { slug: string }[];
}
