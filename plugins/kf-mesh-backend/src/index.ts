/**
 * Backend plugin for kf-mesh: watch-fed Istio mesh status of Kubeflow namespaces.
 *
 * @packageDocumentation
 */
export { kfMeshPlugin as default } from './plugin';
