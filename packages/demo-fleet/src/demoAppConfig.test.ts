import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { DEMO_GITHUB, PLATFORM_TEAM } from './demoFleetConfig';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const read = (file: string) =>
  yaml.parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'));

describe('the demo configuration (app-config.yaml)', () => {
  const config = read('app-config.yaml');

  it('binds the backend to loopback: its demo sign-in needs no password', () => {
    expect(config.backend.listen.host).toBe('127.0.0.1');
    expect(config.permission.enabled).toBe(true);
  });

  it('offers the two demo users at sign-in, and the platform team of the catalog reads the fleet', () => {
    expect(config.auth.providers).toEqual({
      'kf-mesh-demo': { users: ['profile-owner', 'platform-engineer'] },
    });
    expect(config.kfMeshDemo.platformGroup).toBe(
      `group:default/${PLATFORM_TEAM}`,
    );
  });

  it("follows the demo fleet's GitOps repository, the one the template's PRs go to (no repository field)", () => {
    const [repository] = config.kfMesh.onboardings.repositories;
    const url = new URL(repository.url);
    expect(
      config.integrations.github.map((g: { host: string }) => g.host),
    ).toContain(url.host);
    expect(url.pathname).toBe(`/${DEMO_GITHUB.owner}/${DEMO_GITHUB.repo}`);
    const template = read('templates/onboard-namespace/template.yaml');
    const parameters = Object.assign(
      {},
      ...template.spec.parameters.map(
        (p: { properties?: object }) => p.properties,
      ),
    );
    expect(parameters).not.toHaveProperty('repoUrl');
  });
});
