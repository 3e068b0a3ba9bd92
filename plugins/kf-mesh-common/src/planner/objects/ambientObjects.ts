import type { OnboardingInput } from '../input/inputSchema';
import type { KubeObject } from '../plan/types';
import { hasVisualizationServer } from '../plan/kfpVersion';
import { API_VERSIONS } from './apiVersions';
import { kfamBindingName } from './kfamBindingName';
import { OBJECT_NAMES, contributorL7Name } from './names';
import {
  contributorRules,
  kubernetesTokenRules,
  ownerAccessRules,
} from './ownerAccessRules';
import { MESH_LABELS, WAYPOINT_GATEWAY_CLASS } from '../../mesh/labels';
import { serviceAccountPrincipal } from '../../mesh/principals';

/** An object of the ambient plan, with why it exists. */
export interface AmbientObject {
  object: KubeObject;
  role:
    | 'waypoint'
    | 'waypoint-l4'
    | 'owner-l7'
    | 'k8s-token-l7'
    | 'visualization-l7'
    | 'contributor-l7';
  /** KFAM name of the contributor policy this one replaces. */
  replaces?: string;
}

function authorizationPolicy(
  input: OnboardingInput,
  name: string,
  spec: Record<string, unknown>,
  annotations?: Record<string, string>,
): KubeObject {
  return {
    apiVersion: API_VERSIONS.authorizationPolicy,
    kind: 'AuthorizationPolicy',
    metadata: {
      name,
      namespace: input.namespace,
      ...(annotations ? { annotations } : {}),
    },
    spec,
  };
}

function waypointTargetRefs(input: OnboardingInput) {
  return [
    {
      group: 'gateway.networking.k8s.io',
      kind: 'Gateway',
      name: input.options.waypointName,
    },
  ];
}

/** The per-namespace waypoint Gateway (docs/mesh-semantics.md#a1-step-2). */
export function waypointGateway(input: OnboardingInput): KubeObject {
  return {
    apiVersion: API_VERSIONS.gateway,
    kind: 'Gateway',
    metadata: {
      name: input.options.waypointName,
      namespace: input.namespace,
      labels: { [MESH_LABELS.waypointFor]: input.options.waypointFor },
    },
    spec: {
      gatewayClassName: WAYPOINT_GATEWAY_CLASS,
      listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }],
    },
  };
}

/** Every object of the ambient plan, in apply order (waypoint and L4 allow first). */
export function ambientObjects(input: OnboardingInput): AmbientObject[] {
  const o = input.options;
  const objects: AmbientObject[] = [
    { role: 'waypoint', object: waypointGateway(input) },
    {
      role: 'waypoint-l4',
      // Istio names the waypoint's ServiceAccount after the Gateway (docs/mesh-semantics.md#a1-step-2)
      object: authorizationPolicy(input, OBJECT_NAMES.waypointL4, {
        action: 'ALLOW',
        rules: [
          {
            from: [
              {
                source: {
                  principals: [
                    serviceAccountPrincipal(
                      o.trustDomain,
                      input.namespace,
                      o.waypointName,
                    ),
                  ],
                },
              },
            ],
          },
        ],
      }),
    },
    {
      role: 'owner-l7',
      object: authorizationPolicy(input, OBJECT_NAMES.ownerAccessL7, {
        action: 'ALLOW',
        rules: ownerAccessRules(input),
        targetRefs: waypointTargetRefs(input),
      }),
    },
  ];
  if (o.kubernetesTokenAccess) {
    objects.push({
      role: 'k8s-token-l7',
      object: authorizationPolicy(input, OBJECT_NAMES.kubernetesTokenL7, {
        action: 'ALLOW',
        rules: kubernetesTokenRules(input),
        targetRefs: waypointTargetRefs(input),
      }),
    });
  }
  if (hasVisualizationServer(o.kfpVersion)) {
    objects.push({
      role: 'visualization-l7',
      object: authorizationPolicy(input, OBJECT_NAMES.visualizationServerL7, {
        action: 'ALLOW',
        rules: [
          { from: [{ source: { principals: [o.kfpApiServerPrincipal] } }] },
        ],
        targetRefs: [
          {
            group: '',
            kind: 'Service',
            name: OBJECT_NAMES.visualizationServer,
          },
        ],
      }),
    });
  }
  for (const contributor of input.contributors) {
    const kfamName = kfamBindingName(contributor.user, contributor.role);
    objects.push({
      role: 'contributor-l7',
      replaces: kfamName,
      object: authorizationPolicy(
        input,
        contributorL7Name(kfamName),
        {
          action: 'ALLOW',
          rules: contributorRules(input, contributor.user),
          targetRefs: waypointTargetRefs(input),
        },
        { user: contributor.user, role: contributor.role },
      ),
    });
  }
  return objects;
}
