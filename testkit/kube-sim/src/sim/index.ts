export { KubeSim, startKubeSim } from './KubeSim';
export type { KubeSimOptions, ObjectRef, ListSelector } from './KubeSim';
export { kubeconfigYaml, writeKubeconfig } from './kubeconfig';
export type { KubeconfigOptions } from './kubeconfig';
export type { ClusterFeatures } from './registryCache';
