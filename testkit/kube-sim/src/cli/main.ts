/* eslint-disable no-console */
import os from 'node:os';
import path from 'node:path';
import { buildScenario } from '../scenario/buildScenario';
import { startKubeSim } from '../sim/KubeSim';
import { parseCliArgs, USAGE } from './parseCliArgs';

/** Entry point of `bin/kube-sim`: starts a simulator with a scenario and writes a kubeconfig. */
export async function main(argv: string[]): Promise<void> {
  let options;
  try {
    options = parseCliArgs(argv);
  } catch (e) {
    console.error((e as Error).message);
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const features = { istio: options.istio, gatewayApi: options.gatewayApi };
  const scenario =
    options.scenario === 'empty'
      ? undefined
      : buildScenario({
          kind: options.scenario,
          namespaces: options.namespaces,
          seed: options.seed,
          clusterName: options.clusterName,
          features,
        });
  const sim = await startKubeSim({
    port: options.port,
    scenario,
    features,
    clusterName: options.clusterName,
    tls: options.tls,
    auth: options.token ? { tokens: { [options.token]: 'admin' } } : false,
  });
  const kubeconfig = sim.writeKubeconfig(
    options.kubeconfig ??
      path.join(os.tmpdir(), `kube-sim-${sim.port}.kubeconfig`),
    options.token,
  );
  console.log(
    `kube-sim listening on ${sim.url} (${sim.objectCount()} objects, ${
      scenario?.namespaces.length ?? 0
    } profile namespaces)`,
  );
  console.log(`kubeconfig: ${kubeconfig}`);
  console.log(`try: KUBECONFIG=${kubeconfig} kubectl get ns`);
  const shutdown = () => {
    sim.close().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
