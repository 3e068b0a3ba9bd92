import { GithubSim, startGithubSim } from './startGithubSim';
import { apiClient, startSeededSim, TOKEN } from './__fixtures__/api';

describe('startGithubSim', () => {
  let sim: GithubSim;
  let api: ReturnType<typeof apiClient>;
  beforeEach(async () => {
    ({ sim, api } = await startSeededSim());
  });
  afterEach(() => sim.close());

  it('requires the configured token and never records it', async () => {
    const anonymous = await apiClient(sim, null)('GET', '/repos/acme/gitops');
    expect(anonymous.status).toBe(401);
    expect(anonymous.json.message).toBe('Bad credentials');
    const wrong = await apiClient(sim, 'ghp_wrong')(
      'GET',
      '/repos/acme/gitops',
    );
    expect(wrong.status).toBe(401);
    const bearer = await fetch(`${sim.apiBaseUrl}/repos/acme/gitops`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(bearer.status).toBe(200);
    const recorded = sim.requests();
    expect(recorded.map(r => [r.status, r.authenticated])).toEqual([
      [401, false],
      [401, false],
      [200, true],
    ]);
    expect(JSON.stringify(recorded)).not.toContain(TOKEN);
  });

  it('works without a token when none is configured', async () => {
    const open = await startGithubSim();
    try {
      open.addRepo({ owner: 'o', repo: 'r' });
      const res = await apiClient(open, null)('GET', '/repos/o/r');
      expect(res.status).toBe(200);
    } finally {
      await open.close();
    }
  });

  it('answers conditional GETs with 304 until the resource changes', async () => {
    const first = await api('GET', '/repos/acme/gitops/pulls?state=all');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[0-9a-f]{40}"$/);
    const again = await api(
      'GET',
      '/repos/acme/gitops/pulls?state=all',
      undefined,
      {
        'if-none-match': etag,
      },
    );
    expect(again.status).toBe(304);
    const main = (await api('GET', '/repos/acme/gitops/git/ref/heads/main'))
      .json.object.sha;
    await api('POST', '/repos/acme/gitops/git/refs', {
      ref: 'refs/heads/x',
      sha: main,
    });
    const [latest] = (await api('GET', '/repos/acme/gitops/commits?sha=main'))
      .json;
    const tree = await api('POST', '/repos/acme/gitops/git/trees', {
      base_tree: latest.commit.tree.sha,
      tree: [{ path: 'n.yaml', content: 'n\n' }],
    });
    const commit = await api('POST', '/repos/acme/gitops/git/commits', {
      message: 'm',
      tree: tree.json.sha,
      parents: [main],
    });
    await api('PATCH', '/repos/acme/gitops/git/refs/heads/x', {
      sha: commit.json.sha,
    });
    await api('POST', '/repos/acme/gitops/pulls', {
      head: 'x',
      base: 'main',
      title: 't',
    });
    const changed = await api(
      'GET',
      '/repos/acme/gitops/pulls?state=all',
      undefined,
      {
        'if-none-match': etag,
      },
    );
    expect(changed.status).toBe(200);
    expect(changed.json).toHaveLength(1);
  });

  it('injects status faults for matching requests only, then recovers', async () => {
    sim.faults.fail({
      status: 502,
      method: 'GET',
      pathIncludes: '/pulls',
      times: 2,
    });
    expect((await api('GET', '/repos/acme/gitops')).status).toBe(200);
    const failed = await api('GET', '/repos/acme/gitops/pulls');
    expect(failed.status).toBe(502);
    expect(failed.json).toMatchObject({
      message: 'Server Error',
      documentation_url: expect.any(String),
    });
    expect((await api('GET', '/repos/acme/gitops/pulls')).status).toBe(502);
    expect((await api('GET', '/repos/acme/gitops/pulls')).status).toBe(200);
  });

  it.each([403, 429] as const)(
    'simulates rate limiting with status %s',
    async status => {
      sim.faults.rateLimit({ status, retryAfterSeconds: 30 });
      const limited = await api('GET', '/repos/acme/gitops');
      expect(limited.status).toBe(status);
      expect(limited.headers.get('retry-after')).toBe('30');
      expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(Number(limited.headers.get('x-ratelimit-reset'))).toBeGreaterThan(
        Date.now() / 1000,
      );
      expect(limited.json.message).toMatch(/rate limit/);
      expect((await api('GET', '/repos/acme/gitops')).status).toBe(200);
    },
  );

  it('toggles a rate limit that holds for every request until toggled off', async () => {
    expect(
      sim.faults.toggleRateLimit({ status: 429, retryAfterSeconds: 20 }),
    ).toBe(true);
    for (let i = 0; i < 5; i++) {
      const limited = await api(
        'GET',
        i % 2 ? '/repos/acme/gitops' : '/repos/acme/gitops/pulls',
      );
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('20');
      expect(Number(limited.headers.get('x-ratelimit-reset'))).toBeGreaterThan(
        Date.now() / 1000,
      );
    }
    expect(
      sim.faults.toggleRateLimit({ status: 429, retryAfterSeconds: 20 }),
    ).toBe(false);
    expect((await api('GET', '/repos/acme/gitops')).status).toBe(200);
    expect((await api('GET', '/repos/acme/gitops/pulls')).status).toBe(200);
  });

  it('drops connections while down', async () => {
    sim.faults.down();
    await expect(api('GET', '/repos/acme/gitops')).rejects.toThrow();
    sim.faults.up();
    expect((await api('GET', '/repos/acme/gitops')).status).toBe(200);
  });

  it('answers malformed JSON with 400', async () => {
    const res = await fetch(`${sim.apiBaseUrl}/repos/acme/gitops/pulls`, {
      method: 'POST',
      headers: { authorization: `token ${TOKEN}` },
      body: '{not json',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toBe('Problems parsing JSON');
  });

  it('renders repositories and pull requests as escaped HTML', async () => {
    sim.addRepo({ owner: 'acme', repo: '<script>x</script>' });
    const main = (await api('GET', '/repos/acme/gitops/git/ref/heads/main'))
      .json.object.sha;
    const [latest] = (await api('GET', '/repos/acme/gitops/commits')).json;
    const tree = await api('POST', '/repos/acme/gitops/git/trees', {
      base_tree: latest.commit.tree.sha,
      tree: [{ path: 'ns/<b>.yaml', content: 'value: "<img src=x>"\n' }],
    });
    const commit = await api('POST', '/repos/acme/gitops/git/commits', {
      message: 'm',
      tree: tree.json.sha,
      parents: [main],
    });
    await api('POST', '/repos/acme/gitops/git/refs', {
      ref: 'refs/heads/b',
      sha: commit.json.sha,
    });
    await api('POST', '/repos/acme/gitops/pulls', {
      head: 'b',
      title: 'Add <b> & co',
    });
    const index = await (await fetch(sim.url)).text();
    expect(index).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(index).not.toContain('<script>');
    expect(index).toContain('#1 Add &lt;b&gt; &amp; co');
    const page = await fetch(`${sim.url}/acme/gitops/pull/1`);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('ns/&lt;b&gt;.yaml');
    expect(html).toContain('value: &quot;&lt;img src=x&gt;&quot;');
    expect(html).not.toContain('<img');
  });
});

describe('startGithubSim secondaryLimits option', () => {
  it('is off by default: a burst of writes is never limited', async () => {
    const sim = await startGithubSim();
    try {
      sim.addRepo({ owner: 'o', repo: 'r' });
      const api = apiClient(sim, null);
      const statuses = [];
      for (let i = 0; i < 100; i++) {
        statuses.push(
          (
            await api('POST', '/repos/o/r/git/blobs', {
              content: `b${i}`,
              encoding: 'utf-8',
            })
          ).status,
        );
      }
      expect(new Set(statuses)).toEqual(new Set([201]));
      expect(sim.secondaryLimitStats()).toBeUndefined();
    } finally {
      await sim.close();
    }
  });

  it('when on, answers writes past the per-minute limit with GitHub-shaped 403s and counts them', async () => {
    const sim = await startGithubSim({
      secondaryLimits: { contentPerMinute: 3, minuteMs: 2_000 },
    });
    try {
      sim.addRepo({ owner: 'o', repo: 'r' });
      const api = apiClient(sim, null);
      const blob = () =>
        api('POST', '/repos/o/r/git/blobs', {
          content: 'x',
          encoding: 'utf-8',
        });
      const answers = [await blob(), await blob(), await blob(), await blob()];
      expect(answers.map(a => a.status)).toEqual([201, 201, 201, 403]);
      expect(answers[3].json.message).toMatch(
        /^You have exceeded a secondary rate limit/,
      );
      expect(answers[3].headers.get('retry-after')).toBe('2');
      // reads go on
      expect((await api('GET', '/repos/o/r')).status).toBe(200);
      expect(sim.secondaryLimitStats()).toMatchObject({
        contentRequests: 3,
        limited: 1,
        peakContentPerMinute: 3,
      });
      expect(sim.requests().every(r => typeof r.at === 'number')).toBe(true);
    } finally {
      await sim.close();
    }
  });
});
