import type { OnboardingInput } from '../input/inputSchema';
import type { KubeObject } from '../plan/types';
import { API_VERSIONS } from './apiVersions';
import { kfamBindingName } from './kfamBindingName';
import { OBJECT_NAMES } from './names';
import {
  contributorRules,
  kubernetesTokenRules,
  ownerAccessRules,
} from './ownerAccessRules';

/** An object of the sidecar-STRICT plan. */
export interface SidecarObject {
  object: KubeObject;
  role: 'peer-authentication' | 'owner' | 'k8s-token' | 'contributor';
}

/** Namespace-wide STRICT mTLS (docs/mesh-semantics.md#a2). */
export function strictPeerAuthentication(input: OnboardingInput): KubeObject {
  return {
    apiVersion: API_VERSIONS.peerAuthentication,
    kind: 'PeerAuthentication',
    metadata: {
      name: OBJECT_NAMES.peerAuthentication,
      namespace: input.namespace,
    },
    spec: { mtls: { mode: 'STRICT' } },
  };
}

/**
 * Every object of the sidecar-STRICT plan: the PeerAuthentication, then the selector-less
 * policies exactly as the profile controller and KFAM write them (sidecars enforce L7 rules).
 */
export function sidecarObjects(input: OnboardingInput): SidecarObject[] {
  const objects: SidecarObject[] = [
    { role: 'peer-authentication', object: strictPeerAuthentication(input) },
    {
      role: 'owner',
      object: {
        apiVersion: API_VERSIONS.authorizationPolicy,
        kind: 'AuthorizationPolicy',
        metadata: {
          name: OBJECT_NAMES.ownerAccess,
          namespace: input.namespace,
          // profile_controller.go writes these annotations on its policy
          annotations: { role: 'admin', user: input.owner },
        },
        spec: { action: 'ALLOW', rules: ownerAccessRules(input) },
      },
    },
  ];
  if (input.options.kubernetesTokenAccess) {
    objects.push({
      role: 'k8s-token',
      object: {
        apiVersion: API_VERSIONS.authorizationPolicy,
        kind: 'AuthorizationPolicy',
        metadata: {
          name: OBJECT_NAMES.kubernetesTokenL7,
          namespace: input.namespace,
        },
        spec: { action: 'ALLOW', rules: kubernetesTokenRules(input) },
      },
    });
  }
  for (const contributor of input.contributors) {
    objects.push({
      role: 'contributor',
      object: {
        apiVersion: API_VERSIONS.authorizationPolicy,
        kind: 'AuthorizationPolicy',
        metadata: {
          name: kfamBindingName(contributor.user, contributor.role),
          namespace: input.namespace,
          annotations: { role: contributor.role, user: contributor.user },
        },
        // KFAM sets no action (ALLOW is the default)
        spec: { rules: contributorRules(input, contributor.user) },
      },
    });
  }
  return objects;
}
