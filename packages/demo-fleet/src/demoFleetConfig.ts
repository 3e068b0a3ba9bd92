/**
 * Fixed loopback addresses and tokens of the demo fleet. `packages/backend/app-config.yaml` points at the same
 * values; nothing here is used outside the demo.
 */
export const DEMO_CLUSTERS = [
  {
    name: 'kubeflow-prod',
    port: 16551,
    seed: 1,
    token: 'demo-kf-mesh-reader-prod',
  },
  {
    name: 'kubeflow-dev',
    port: 16552,
    seed: 2,
    token: 'demo-kf-mesh-reader-dev',
  },
] as const;

/** The loopback GitHub Enterprise API and the GitOps repository the template opens pull requests on. */
export const DEMO_GITHUB = {
  port: 16560,
  token: 'demo-github-token',
  owner: 'kubeflow-platform',
  repo: 'gitops',
} as const;

/** The platform team that reviews onboarding pull requests (a catalog Group and a GitHub team slug). */
export const PLATFORM_TEAM = 'kubeflow-platform';
