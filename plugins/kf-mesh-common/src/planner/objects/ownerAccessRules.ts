import type { OnboardingInput } from '../input/inputSchema';
import { headerKey } from './headerKey';

/**
 * `user` (with the userid prefix) through the ingress gateway or the KFP UI: the owner's rule of
 * ns-owner-access-istio and the one rule of a KFAM contributor policy.
 */
function userThroughIngressRule(
  input: OnboardingInput,
  user: string,
): Record<string, unknown> {
  const o = input.options;
  return {
    from: [
      {
        source: { principals: [o.ingressGatewayPrincipal, o.kfpUiPrincipal] },
      },
    ],
    when: [{ key: headerKey(o.userIdHeader), values: [o.userIdPrefix + user] }],
  };
}

/**
 * The four rules of the profile controller's `ns-owner-access-istio` (docs/mesh-semantics.md#a0):
 * owner via ingress gateway or KFP UI, same namespace, health/metrics probes, notebook
 * controller kernel probes. Ambient re-uses them on the waypoint (docs/mesh-semantics.md#a1-step-4).
 */
export function ownerAccessRules(
  input: OnboardingInput,
): Record<string, unknown>[] {
  const o = input.options;
  return [
    userThroughIngressRule(input, input.owner),
    { when: [{ key: 'source.namespace', values: [input.namespace] }] },
    {
      to: [
        { operation: { paths: ['/healthz', '/metrics', '/wait-for-drain'] } },
      ],
    },
    {
      from: [{ source: { principals: [o.notebookControllerPrincipal] } }],
      to: [{ operation: { methods: ['GET'], paths: ['*/api/kernels'] } }],
    },
  ];
}

/** KFAM's single contributor rule (bindings.go `getAuthorizationPolicy`). */
export function contributorRules(
  input: OnboardingInput,
  user: string,
): Record<string, unknown>[] {
  return [userThroughIngressRule(input, user)];
}

/**
 * Programmatic access with a Kubernetes token (docs/mesh-semantics.md#a1-step-5): the ingress
 * RequestAuthentication copies the token's `sub` claim into the header, so the value carries
 * no userid prefix.
 */
export function kubernetesTokenRules(
  input: OnboardingInput,
): Record<string, unknown>[] {
  const o = input.options;
  return [
    {
      from: [{ source: { principals: [o.ingressGatewayPrincipal] } }],
      when: [
        {
          key: headerKey(o.userIdHeader),
          values: [`system:serviceaccount:${input.namespace}:default-editor`],
        },
      ],
    },
  ];
}
