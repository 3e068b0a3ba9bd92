/** Parsed command-line options of `bin/kube-sim`. */
export interface CliOptions {
  port: number;
  scenario: 'mixed' | 'fleet' | 'empty';
  namespaces?: number;
  seed: number;
  token?: string;
  tls: boolean;
  kubeconfig?: string;
  clusterName: string;
  istio: boolean;
  gatewayApi: boolean;
  help: boolean;
}

/** Usage text of `bin/kube-sim`. */
export const USAGE = `Usage: kube-sim [options]
  --port N            port on 127.0.0.1 (default 6443; 0 = any free port)
  --scenario S        mixed | fleet | empty (default mixed)
  --namespaces N      number of profile namespaces (mixed default 30, fleet default 100)
  --seed N            scenario seed (default 1)
  --token T           require this bearer token (admin); implies --tls since kubectl only sends tokens over https
  --tls / --no-tls    serve https with a self-signed certificate
  --kubeconfig PATH   where to write the kubeconfig (default: <tmpdir>/kube-sim-<port>.kubeconfig)
  --cluster-name N    cluster/context name in the kubeconfig (default kube-sim)
  --no-istio          do not serve Istio CRDs (and build the scenario without Istio)
  --no-gateway-api    do not serve the Gateway API
`;

const int = (
  flag: string,
  value: string | undefined,
  min: number,
  max: number,
): number => {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < min || n > max) {
    throw new Error(
      `${flag} needs an integer between ${min} and ${max}, got ${JSON.stringify(
        value,
      )}`,
    );
  }
  return n;
};

/** Parses `bin/kube-sim` arguments; throws a clear error for unknown or malformed flags. */
export function parseCliArgs(argv: string[]): CliOptions {
  const options: CliOptions = {
    port: 6443,
    scenario: 'mixed',
    seed: 1,
    tls: false,
    clusterName: 'kube-sim',
    istio: true,
    gatewayApi: true,
    help: false,
  };
  let tlsSet = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].includes('=')
      ? argv[i].split(/=(.*)/s, 2)
      : [argv[i], undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--port':
        options.port = int(flag, value(), 0, 65535);
        break;
      case '--scenario': {
        const v = value();
        if (v !== 'mixed' && v !== 'fleet' && v !== 'empty')
          throw new Error(
            `--scenario must be mixed, fleet or empty, got ${JSON.stringify(
              v,
            )}`,
          );
        options.scenario = v;
        break;
      }
      case '--namespaces':
        options.namespaces = int(flag, value(), 0, 100000);
        break;
      case '--seed':
        options.seed = int(flag, value(), 0, 2 ** 31 - 1);
        break;
      case '--token': {
        const v = value();
        if (!v) throw new Error('--token needs a value');
        options.token = v;
        break;
      }
      case '--tls':
        options.tls = true;
        tlsSet = true;
        break;
      case '--no-tls':
        options.tls = false;
        tlsSet = true;
        break;
      case '--kubeconfig':
        options.kubeconfig = value();
        if (!options.kubeconfig) throw new Error('--kubeconfig needs a path');
        break;
      case '--cluster-name':
        options.clusterName = value() ?? '';
        if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(options.clusterName))
          throw new Error('--cluster-name must be a DNS label');
        break;
      case '--no-istio':
        options.istio = false;
        break;
      case '--no-gateway-api':
        options.gatewayApi = false;
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new Error(`Unknown option ${JSON.stringify(flag)}\n${USAGE}`);
    }
  }
  if (options.token && !tlsSet) options.tls = true;
  return options;
}
