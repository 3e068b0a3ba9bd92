/* eslint-disable no-console */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { parse } from 'yaml';
import { buildScenario } from '@kf-mesh/kube-sim';
import { onboardingBranchName } from '@kf-mesh/plugin-kf-mesh-common';
import { DEMO_CLUSTERS, DEMO_GITHUB, PLATFORM_TEAM } from '../demoFleetConfig';
import { Checks, expectThat } from './checks';
import { githubFile, githubGet, type PullRequest } from './githubApi';

/**
 * The demo's end-to-end test in a real browser (Debian Chromium through playwright-core), against a running demo
 * (`scripts/e2e-demo.sh` starts it). What it expects comes from the scenario the fleet was built from and from the
 * planner's branch naming, not from constants.
 *
 * Usage: demoBrowserTest.ts <screenshot-dir> [base-url]
 */
async function main() {
  const shotDir = path.resolve(process.argv[2] ?? 'screenshots');
  const baseUrl = process.argv[3] ?? 'http://localhost:7007';
  fs.mkdirSync(shotDir, { recursive: true });

  const cluster = DEMO_CLUSTERS[0];
  const scenario = buildScenario({
    kind: 'mixed',
    seed: cluster.seed,
    clusterName: cluster.name,
  });
  const migrating = scenario.namespaces.find(
    n => n.state === 'ambient-sidecar-pods',
  );
  const healthy = scenario.namespaces.find(n => n.state === 'ambient');
  expectThat(
    migrating && healthy,
    'the mixed scenario has a migrating and a healthy ambient namespace',
  );
  const entityPath = (ns: string) =>
    `/catalog/default/resource/${cluster.name}--${ns}`;

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const page = await browser.newPage({
    viewport: { width: 1400, height: 1000 },
  });
  page.setDefaultTimeout(60_000);
  const shot = (name: string) =>
    page.screenshot({
      path: path.join(shotDir, `${name}.png`),
      fullPage: true,
    });
  let failures = 0;
  const checks = new Checks(async () => {
    await shot(`failed-${++failures}`);
  });

  try {
    await checks.check('guest sign-in', async () => {
      await page.goto(`${baseUrl}/catalog`);
      await page.getByRole('button', { name: /enter/i }).click();
      await page.getByRole('link', { name: 'Mesh fleet' }).waitFor();
    });

    await checks.check(
      `mesh tab of a migrating namespace (${
        migrating!.name
      }) shows the verdict, the pods to restart and KFM102`,
      async () => {
        await page.goto(`${baseUrl}${entityPath(migrating!.name)}/kf-mesh`);
        await page.getByText('Migrating', { exact: true }).first().waitFor();
        await page.getByText('KFM102').first().waitFor();
        for (const pod of migrating!.podsNeedingRestart) {
          await page.getByText(pod).first().waitFor();
        }
        await shot('entity-mesh-tab-migrating');
      },
    );

    await checks.check(
      `overview card of a healthy ambient namespace (${healthy!.name})`,
      async () => {
        await page.goto(`${baseUrl}${entityPath(healthy!.name)}`);
        await page.getByText('Ambient', { exact: true }).first().waitFor();
        await shot('entity-overview-healthy');
      },
    );

    await checks.check('fleet page filters by mode', async () => {
      await page.goto(`${baseUrl}/kf-mesh`);
      await page.getByLabel('Mode').selectOption('migrating');
      await page.getByText(migrating!.name).first().waitFor();
      await expectNoText(page, healthy!.name);
      await shot('fleet-filtered-migrating');
    });

    const branch = onboardingBranchName({
      cluster: cluster.name,
      namespace: migrating!.name,
      targetMode: 'ambient',
    });
    const runTemplate = async (shotPrefix: string) => {
      const formData = {
        profile: `resource:default/${cluster.name}--${migrating!.name}`,
        mode: 'ambient',
        // The scenario shares the profile with KFAM contributors (all with the edit role); ambient onboarding must
        // list them or the preflight stops, as it would for a user.
        contributors: migrating!.contributors.map(user => ({
          user,
          role: 'edit',
        })),
        repoUrl: `github.kf-mesh.test?owner=${DEMO_GITHUB.owner}&repo=${DEMO_GITHUB.repo}`,
      };
      await page.goto(
        `${baseUrl}/create/templates/default/onboard-namespace?formData=${encodeURIComponent(
          JSON.stringify(formData),
        )}`,
      );
      for (let step = 0; step < 3; step++) {
        await page.getByRole('button', { name: /^next/i }).click();
      }
      await page.getByRole('button', { name: /^review/i }).click();
      await shot(`${shotPrefix}-review`);
      await page.getByRole('button', { name: /^create/i }).click();
      await page
        .getByRole('link', { name: 'Pull request' })
        .waitFor({ timeout: 120_000 });
      await shot(`${shotPrefix}-task-done`);
    };
    const pullsFromBranch = async () =>
      (await githubGet<PullRequest[]>('/pulls?state=all')).filter(
        p => p.head.ref === branch,
      );

    await checks.check(
      'the onboarding template opens a pull request with the manifests',
      async () => {
        await runTemplate('template-first-run');
        const pulls = await pullsFromBranch();
        expectThat(
          pulls.length === 1,
          `one pull request from ${branch} (got ${pulls.length})`,
        );
        const pr = pulls[0];
        expectThat(
          pr.requested_teams?.some(t => t.slug === PLATFORM_TEAM),
          'the platform team is asked to review',
        );
        const files = (
          await githubGet<{ filename: string }[]>(`/pulls/${pr.number}/files`)
        ).map(f => f.filename);
        const dir = `clusters/${cluster.name}/${migrating!.name}`;
        const kustomization = parse(
          await githubFile(`${dir}/kustomization.yaml`, branch),
        );
        const resources: string[] = kustomization.resources ?? [];
        expectThat(resources.length > 0, 'kustomization.yaml lists resources');
        for (const r of resources) {
          expectThat(
            files.includes(`${dir}/${r}`),
            `the pull request contains ${dir}/${r}`,
          );
        }
        const objects = await Promise.all(
          resources.map(async r =>
            parse(await githubFile(`${dir}/${r}`, branch)),
          ),
        );
        expectThat(
          objects.some(
            o =>
              o.kind === 'Gateway' &&
              o.spec?.gatewayClassName === 'istio-waypoint',
          ),
          'a waypoint Gateway is proposed',
        );
        expectThat(
          objects.some(
            o =>
              o.kind === 'AuthorizationPolicy' &&
              JSON.stringify(o.spec).includes(
                `cluster.local/ns/${migrating!.name}/sa/waypoint`,
              ),
          ),
          'an L4 allow for the waypoint identity is proposed',
        );
      },
    );

    await checks.check(
      'running the template again updates the pull request instead of opening a second one',
      async () => {
        const [first] = await pullsFromBranch();
        await runTemplate('template-second-run');
        const pulls = await pullsFromBranch();
        expectThat(
          pulls.length === 1,
          `still one pull request from ${branch} (got ${pulls.length})`,
        );
        expectThat(
          pulls[0].number === first.number,
          'the same pull request number',
        );
      },
    );

    await checks.check(
      'the recorded pull request is listed on the github-sim page',
      async () => {
        await page.goto(`http://127.0.0.1:${DEMO_GITHUB.port}/`);
        await page.getByText(branch).first().waitFor();
        await shot('github-sim-pull-requests');
      },
    );
  } finally {
    await browser.close();
  }
  process.exitCode = checks.finish() ? 0 : 1;
}

async function expectNoText(page: Page, text: string) {
  const count = await page.getByText(text, { exact: true }).count();
  expectThat(count === 0, `"${text}" is not listed (found ${count})`);
}

main().catch(error => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
