/** Command-line options of `yarn bench`. */
export interface BenchArgs {
  /** Profile namespaces per cluster. */
  namespaces: number[];
  /** Cluster counts. */
  clusters: number[];
  /** Catalog entities (sampled namespaces) per cell. */
  entities: number;
  concurrencies: number[];
  /** Measured requests per kf-mesh series. */
  requests: number;
  /** Measured requests per Kubernetes backend series (capped by `k8sMaxSeconds`). */
  k8sRequests: number;
  k8sMaxSeconds: number;
  /** Event → status repetitions per cell. */
  propagationRuns: number;
  /** Measure the backend without profile namespaces, per cluster count. */
  baseline: boolean;
  /** Directory for benchmarks.md / benchmarks.json. */
  outDir: string;
  /** Write a CPU profile of each backend process to this directory. */
  cpuProfDir?: string;
  verbose: boolean;
  /** `sim`: kube-sim (default); `real`: a real kube-apiserver (`@kf-mesh/real-cluster`, 1 cluster). */
  server: 'sim' | 'real';
}

/** Defaults: the full matrix of issue #8. */
export const DEFAULT_ARGS: Omit<BenchArgs, 'outDir'> = {
  namespaces: [100, 1000, 5000],
  clusters: [1, 3],
  entities: 200,
  concurrencies: [1, 16],
  requests: 500,
  k8sRequests: 200,
  k8sMaxSeconds: 10,
  propagationRuns: 5,
  baseline: true,
  verbose: false,
  server: 'sim',
};

export const USAGE = `Usage: yarn bench [options]
  --n <list>              profile namespaces per cluster (default 100,1000,5000; 1k/5k notation ok)
  --c <list>              cluster counts (default 1,3)
  --entities <n>          catalog entities the entity queries cycle through (default 200)
  --concurrency <list>    concurrent requests (default 1,16)
  --requests <n>          measured requests per kf-mesh series (default 500)
  --k8s-requests <n>      measured requests per Kubernetes backend series (default 200)
  --k8s-max-seconds <s>   time cap of one Kubernetes backend series (default 10)
  --propagation <n>       event -> status repetitions per cell (default 5)
  --no-baseline           skip the backend memory baseline without profile namespaces
  --out <dir>             where benchmarks.md and benchmarks.json go (default: <repo>/docs)
  --cpu-prof <dir>        write a CPU profile of every backend process to <dir>
  --server <sim|real>     kube-sim (default) or a real kube-apiserver (1 cluster; writes the fleet
                          through the API, skips the baseline; tables go to the real-server section)
  --verbose               show the backend's warnings
`;

function numberList(flag: string, value: string | undefined): number[] {
  if (!value) throw new Error(`${flag} needs a value`);
  const list = value.split(',').map(v => {
    const m = /^(\d+(?:\.\d+)?)(k?)$/i.exec(v.trim());
    const n = m ? Number(m[1]) * (m[2] ? 1000 : 1) : NaN;
    if (!Number.isInteger(n) || n <= 0)
      throw new Error(`${flag}: '${v}' is not a positive integer`);
    return n;
  });
  return [...new Set(list)].sort((a, b) => a - b);
}

function positive(flag: string, value: string | undefined): number {
  const [n] = numberList(flag, value);
  return n;
}

/** Parses `yarn bench` arguments; throws with a message naming the bad flag. */
export function parseArgs(argv: string[], defaultOutDir: string): BenchArgs {
  const args: BenchArgs = { ...DEFAULT_ARGS, outDir: defaultOutDir };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case '--n':
      case '--namespaces':
        args.namespaces = numberList(flag, value());
        break;
      case '--c':
      case '--clusters':
        args.clusters = numberList(flag, value());
        break;
      case '--entities':
        args.entities = positive(flag, value());
        break;
      case '--concurrency':
        args.concurrencies = numberList(flag, value());
        break;
      case '--requests':
        args.requests = positive(flag, value());
        break;
      case '--k8s-requests':
        args.k8sRequests = positive(flag, value());
        break;
      case '--k8s-max-seconds':
        args.k8sMaxSeconds = positive(flag, value());
        break;
      case '--propagation':
        args.propagationRuns = positive(flag, value());
        break;
      case '--no-baseline':
        args.baseline = false;
        break;
      case '--out': {
        const dir = value();
        if (!dir) throw new Error('--out needs a directory');
        args.outDir = dir;
        break;
      }
      case '--cpu-prof': {
        const dir = value();
        if (!dir) throw new Error('--cpu-prof needs a directory');
        args.cpuProfDir = dir;
        break;
      }
      case '--server': {
        const server = value();
        if (server !== 'sim' && server !== 'real')
          throw new Error(`--server: '${server}' is not sim or real`);
        args.server = server;
        break;
      }
      case '--verbose':
        args.verbose = true;
        break;
      default:
        throw new Error(`unknown option ${argv[i]}`);
    }
  }
  if (args.server === 'real' && args.clusters.some(c => c !== 1))
    throw new Error('--server real: only 1 cluster per cell (--c 1)');
  return args;
}
