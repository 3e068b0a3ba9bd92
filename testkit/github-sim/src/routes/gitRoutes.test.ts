import { GithubSim } from '../startGithubSim';
import { apiClient, pushBranch, startSeededSim } from '../__fixtures__/api';

describe('git database routes', () => {
  let sim: GithubSim;
  let api: ReturnType<typeof apiClient>;
  beforeEach(async () => {
    ({ sim, api } = await startSeededSim());
  });
  afterEach(() => sim.close());

  it('describes the repository with push permissions and its default branch', async () => {
    const res = await api('GET', '/repos/acme/gitops');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      full_name: 'acme/gitops',
      default_branch: 'main',
      permissions: { push: true },
    });
  });

  it('answers unknown repositories with GitHub’s 404 shape', async () => {
    const res = await api('GET', '/repos/acme/nope');
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({
      message: 'Not Found',
      documentation_url: expect.any(String),
    });
  });

  it('builds a commit on a branch from a base tree, including deletions', async () => {
    const { commitSha, ref } = await pushBranch(api, 'feature', {
      'clusters/prod/ns/b.yaml': 'b: 2\n',
      'clusters/prod/ns/a.yaml': null,
    });
    expect(ref.status).toBe(201);
    expect(ref.json.object.sha).toBe(commitSha);
    expect(sim.filesAt('acme', 'gitops', 'feature')).toEqual({
      'README.md': '# gitops\n',
      'clusters/prod/ns/b.yaml': 'b: 2\n',
    });
    expect(sim.filesAt('acme', 'gitops', 'main')).toHaveProperty([
      'clusters/prod/ns/a.yaml',
    ]);
  });

  it('stores base64 blobs with real git blob SHAs', async () => {
    const res = await api('POST', '/repos/acme/gitops/git/blobs', {
      content: Buffer.from('hello\n').toString('base64'),
      encoding: 'base64',
    });
    expect(res.status).toBe(201);
    // `printf 'hello\n' | git hash-object --stdin`
    expect(res.json.sha).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
  });

  it('rejects a second ref with the same name like GitHub does', async () => {
    await pushBranch(api, 'feature', { 'x.yaml': 'x\n' });
    const main = await api('GET', '/repos/acme/gitops/git/ref/heads/main');
    const again = await api('POST', '/repos/acme/gitops/git/refs', {
      ref: 'refs/heads/feature',
      sha: main.json.object.sha,
    });
    expect(again.status).toBe(422);
    expect(again.json.message).toBe('Reference already exists');
  });

  it('refuses non-fast-forward ref updates unless forced', async () => {
    const { commitSha } = await pushBranch(api, 'feature', { 'x.yaml': 'x\n' });
    const main = (await api('GET', '/repos/acme/gitops/git/ref/heads/main'))
      .json.object.sha;
    const rewind = await api(
      'PATCH',
      '/repos/acme/gitops/git/refs/heads/feature',
      { sha: main },
    );
    expect(rewind.status).toBe(422);
    expect(rewind.json.message).toBe('Update is not a fast forward');
    const forced = await api(
      'PATCH',
      '/repos/acme/gitops/git/refs/heads/feature',
      {
        sha: main,
        force: true,
      },
    );
    expect(forced.status).toBe(200);
    expect(forced.json.object.sha).not.toBe(commitSha);
  });

  it('rejects deleting a path that is not in the base tree and traversal paths', async () => {
    const [latest] = (
      await api('GET', '/repos/acme/gitops/commits?sha=main&per_page=1')
    ).json;
    const del = await api('POST', '/repos/acme/gitops/git/trees', {
      base_tree: latest.commit.tree.sha,
      tree: [{ path: 'missing.yaml', mode: '100644', sha: null }],
    });
    expect(del.status).toBe(422);
    const traversal = await api('POST', '/repos/acme/gitops/git/trees', {
      tree: [{ path: '../etc/passwd', mode: '100644', content: 'x' }],
    });
    expect(traversal.status).toBe(422);
  });

  it('serves file contents at a ref and 404 for missing paths', async () => {
    const file = await api(
      'GET',
      '/repos/acme/gitops/contents/clusters/prod/ns/a.yaml?ref=main',
    );
    expect(file.status).toBe(200);
    expect(Buffer.from(file.json.content, 'base64').toString()).toBe('a: 1\n');
    const dir = await api(
      'GET',
      '/repos/acme/gitops/contents/clusters?ref=main',
    );
    expect(dir.json).toEqual([
      expect.objectContaining({ name: 'prod', type: 'dir' }),
    ]);
    const head = await api(
      'HEAD',
      '/repos/acme/gitops/contents/nope.yaml?ref=main',
    );
    expect(head.status).toBe(404);
  });
});
