/**
 * The Kubeflow `Profile` CRD (kubeflow.org/v1, cluster-scoped), reduced to the fields the
 * profile controller reads (kubeflow/dashboard `components/profile-controller/api/v1`).
 */
export const profileCrd = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'profiles.kubeflow.org' },
  spec: {
    group: 'kubeflow.org',
    names: {
      kind: 'Profile',
      listKind: 'ProfileList',
      plural: 'profiles',
      singular: 'profile',
      categories: [],
      shortNames: [],
    },
    scope: 'Cluster',
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        subresources: { status: {} },
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              apiVersion: { type: 'string' },
              kind: { type: 'string' },
              metadata: { type: 'object' },
              spec: {
                type: 'object',
                properties: {
                  owner: {
                    type: 'object',
                    required: ['kind', 'name'],
                    properties: {
                      apiGroup: { type: 'string' },
                      kind: { type: 'string' },
                      name: { type: 'string' },
                    },
                  },
                  plugins: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        apiVersion: { type: 'string' },
                        kind: { type: 'string' },
                        spec: {
                          type: 'object',
                          'x-kubernetes-preserve-unknown-fields': true,
                        },
                      },
                    },
                  },
                  resourceQuotaSpec: {
                    type: 'object',
                    'x-kubernetes-preserve-unknown-fields': true,
                  },
                },
              },
              status: {
                type: 'object',
                properties: {
                  conditions: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        type: { type: 'string' },
                        status: { type: 'string' },
                        message: { type: 'string' },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    ],
  },
};
