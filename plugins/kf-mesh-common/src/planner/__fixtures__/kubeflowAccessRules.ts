/**
 * The rules Kubeflow writes into a profile namespace's access policies (docs/mesh-semantics.md#a0), written down
 * independently of the planner: the profile controller's ns-owner-access-istio and KFAM's contributor policies.
 * The upstream ambient demo (ambientProfileReference.ts) keeps the same four owner rules with the ambient ingress
 * gateway's principal.
 */

/** `user` through the ingress gateway or the KFP UI: the first owner rule, and the one rule of a contributor policy. */
export function userThroughIngressRule(ingressPrincipal: string, user: string) {
  return {
    from: [
      {
        source: {
          principals: [
            ingressPrincipal,
            'cluster.local/ns/kubeflow/sa/ml-pipeline-ui',
          ],
        },
      },
    ],
    when: [{ key: 'request.headers[kubeflow-userid]', values: [user] }],
  };
}

/** The four rules of ns-owner-access-istio: owner, same namespace, probe paths, notebook controller kernels. */
export function ownerAccessRules(
  ingressPrincipal: string,
  namespace: string,
  owner: string,
) {
  return [
    userThroughIngressRule(ingressPrincipal, owner),
    { when: [{ key: 'source.namespace', values: [namespace] }] },
    {
      to: [
        {
          operation: {
            paths: ['/healthz', '/metrics', '/wait-for-drain'],
          },
        },
      ],
    },
    {
      from: [
        {
          source: {
            principals: [
              'cluster.local/ns/kubeflow/sa/notebook-controller-service-account',
            ],
          },
        },
      ],
      to: [{ operation: { methods: ['GET'], paths: ['*/api/kernels'] } }],
    },
  ];
}
