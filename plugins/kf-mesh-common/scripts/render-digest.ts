/* eslint-disable no-console -- a CLI check: printing is its output */
/**
 * Prints a SHA-256 digest of everything the planner produces for a fixed, varied set of inputs:
 * plans (as JSON), rendered files, descriptions, titles, summaries, branch names, desired states,
 * and the error messages of invalid inputs. Performance work must leave the digest unchanged.
 *
 *   node -r @swc-node/register scripts/render-digest.ts [N=3000] [dump-file]
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import {
  CURRENT_MODES,
  desiredState,
  planOnboarding,
  renderPlan,
} from '../src/planner';
import type { OnboardingRequest } from '../src/planner';
import { fleetRequest } from './fleet';

const ODD_TEXT = [
  'team: ml #1 {{owner}}@example.com',
  'on',
  'yes',
  'null',
  '0755',
  'o\'brien "quoted" @x',
  '- dash | pipe > gt',
  'a|b `x` <img src=y> **bold**',
  '``lead` and trail`',
  '[link](x) _em_ \\ back',
  'ünïcödé 名前 😀',
];

function variants(): OnboardingRequest[] {
  const out: OnboardingRequest[] = [];
  const currents = [undefined, ...CURRENT_MODES] as const;
  let k = 0;
  for (const targetMode of ['ambient', 'sidecar-strict'] as const) {
    for (const currentMode of currents) {
      for (const kfpVersion of [
        '1.8.5',
        '2.5.0',
        '2.14.3',
        '2.15.0',
        '2.16.0-rc.1',
        '3.0.0',
      ]) {
        for (const waypointFor of ['service', 'workload', 'all'] as const) {
          const text = ODD_TEXT[k++ % ODD_TEXT.length];
          out.push({
            cluster: `c${k % 3}`,
            namespace: `ns-${k}`,
            owner: text,
            contributors: [
              { user: `${text} (c)`, role: 'edit' as const },
              { user: `other-${k}@x.io`, role: 'view' as const },
            ].slice(0, k % 3),
            currentMode,
            targetMode,
            options: {
              kfpVersion,
              waypointFor,
              kubernetesTokenAccess: k % 2 === 0,
              ...(k % 4 === 0
                ? {
                    waypointName: `wp-${k}`,
                    userIdPrefix: 'accounts.google.com: #{{',
                    userIdHeader: 'x-user',
                    trustDomain: 'td.example.org',
                    kubeflowNamespace: 'kf',
                    ingressGatewayPrincipal: 'example.org/ns/gw/sa/my-gateway',
                    kfpUiPrincipal: 'example.org/ns/kf/sa/ui',
                    notebookControllerPrincipal: 'example.org/ns/kf/sa/nb',
                    kfpApiServerPrincipal: 'example.org/ns/kf/sa/api',
                  }
                : {}),
            },
          });
        }
      }
    }
  }
  return out;
}

const INVALID: unknown[] = [
  null,
  'ambient',
  {},
  { cluster: 'A', namespace: '-x', owner: '', targetMode: 'x' },
  { cluster: 'c', namespace: 'kubeflow', owner: 'o', targetMode: 'ambient' },
  {
    cluster: 'c',
    namespace: 'x',
    owner: 'o',
    targetMode: 'ambient',
    extra: 1,
    options: { nope: 1, waypointName: 'A' },
  },
  {
    cluster: 'c',
    namespace: 'x',
    owner: ' o',
    targetMode: 'ambient',
    contributors: [
      { user: 'a.b@c', role: 'edit' },
      { user: 'a-b@c', role: 'edit' },
      { user: 'x', role: 'admin' },
    ],
  },
  {
    cluster: 'c',
    namespace: 'a'.repeat(64),
    owner: 'o\u202e',
    targetMode: 'sidecar-strict',
    options: {
      kfpVersion: 'v2',
      userIdHeader: 'a b',
      trustDomain: 'A_B',
      kubernetesTokenAccess: 'yes',
      ingressGatewayPrincipal: 'x/ns/y',
    },
  },
  {
    cluster: 'c',
    namespace: 'x',
    owner: 'o',
    targetMode: 'ambient',
    contributors: Array.from({ length: 201 }, (_, i) => ({
      user: `u${i}`,
      role: 'view',
    })),
  },
  {
    cluster: 'c',
    namespace: 'x',
    owner: 'o',
    targetMode: 'ambient',
    contributors: 'none',
  },
];

function main() {
  const n = Number(process.argv[2] ?? 3000);
  const dump = process.argv[3];
  const hash = createHash('sha256');
  const parts: string[] = [];
  const add = (s: string) => {
    hash.update(s);
    hash.update('\u0000');
    if (dump) parts.push(s);
  };
  const requests = [
    ...variants(),
    ...Array.from({ length: n }, (_, i) => fleetRequest(i)),
  ];
  // interleave re-renders so caches are exercised in a non-trivial order
  const order = requests.map((_, i) => i);
  for (let i = 0; i < requests.length; i += 7) order.push(i);
  for (const i of order) {
    let plan;
    try {
      plan = planOnboarding(requests[i]);
    } catch (e) {
      add(String(e));
      continue;
    }
    add(JSON.stringify(plan));
    const r = renderPlan(plan);
    add(JSON.stringify(r));
    add(JSON.stringify(desiredState(plan)));
  }
  for (const bad of INVALID) {
    try {
      planOnboarding(bad);
      add('no error');
    } catch (e) {
      const err = e as Error & { issues?: unknown };
      add(`${err.name}: ${err.message} ${JSON.stringify(err.issues)}`);
    }
  }
  if (dump) writeFileSync(dump, parts.join('\n'));
  console.log(
    `${order.length} renders + ${
      INVALID.length
    } invalid inputs: sha256 ${hash.digest('hex')}`,
  );
}

main();
