import type { HumanDuration } from '@backstage/types';

export interface Config {
  /** kf-mesh backend configuration. */
  kfMesh?: {
    /**
     * Istio root namespace (mesh-wide PeerAuthentications and the global
     * allow-nothing policy live there). Default `istio-system`.
     */
    rootNamespace?: string;
    /** Timeout of one Kubernetes API request, in milliseconds. Default 10000. */
    requestTimeoutMs?: number;
    /** Debounce of the per-namespace analysis after cache changes, in ms. Default 200. */
    analysisDebounceMs?: number;
    /**
     * Clusters to watch. When absent, the `config` clusters of
     * `kubernetes.clusterLocatorMethods` with server-side service-account auth are used.
     */
    clusters?: Array<{
      /** Name used in `backstage.io/kubernetes-cluster` annotations and the API. */
      name: string;
      /** API server URL. Not used with `authProvider: inCluster` (taken from the pod). */
      url?: string;
      /**
       * `serviceAccount` (token below, default), `inCluster` (the Backstage pod's
       * service account), or `kubeconfig` (a context of a kubeconfig file).
       */
      authProvider?: 'serviceAccount' | 'inCluster' | 'kubeconfig';
      /**
       * Service-account bearer token.
       * @visibility secret
       */
      serviceAccountToken?: string;
      /** Kubeconfig file (default: KUBECONFIG / ~/.kube/config) for `authProvider: kubeconfig`. */
      kubeconfigPath?: string;
      /** Kubeconfig context for `authProvider: kubeconfig` (default: current context). */
      kubeconfigContext?: string;
      /**
       * Base64 PEM CA bundle of the API server.
       * @visibility secret
       */
      caData?: string;
      /** Path to a PEM CA bundle. */
      caFile?: string;
      /** Skip TLS verification (required by client-node for plain `http://` URLs). */
      skipTLSVerify?: boolean;
    }>;
    /**
     * Onboarding lifecycle: read the kf-mesh template's pull requests from the
     * GitOps repositories (through `integrations.github`) and follow each one
     * to a converged namespace. Absent = no lifecycle.
     */
    onboardings?: {
      /** GitOps repositories the template opens PRs on, e.g. `https://github.com/acme/gitops`. */
      repositories: Array<{
        /** Repository URL; its host must match an `integrations.github` entry. */
        url: string;
        /**
         * Directory of the namespaces in the repository: the template writes `<directory>/<cluster>/<namespace>`.
         * Relative, no `.` or `..` segments. Default `clusters`.
         */
        directory?: string;
        /**
         * Clusters whose onboardings go to this repository (the template's target). Absent = every cluster not
         * listed by another repository; the first matching repository wins.
         */
        clusters?: string[];
      }>;
      /** How often the PRs are re-read (once per fleet, by whichever replica holds the task). Default 60 seconds. */
      refreshInterval?: HumanDuration | string;
      /**
       * A refresh running longer than this is abandoned; if the replica running it died, another replica takes the
       * task after this long at most. Default 5 minutes.
       */
      refreshTimeout?: HumanDuration | string;
      /** After this long since merge, a namespace that has not converged is `stuck`. Default 30 minutes. */
      stuckAfter?: HumanDuration | string;
      /** Closed/merged PRs older than this are not read. Default 30 days. */
      lookback?: HumanDuration | string;
      /** At most this many PRs are read per repository and refresh. Default 500. */
      maxPullRequests?: number;
    };
  };
}
