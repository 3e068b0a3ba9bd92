// Regenerates testkit/kube-sim/src/scenario/istioInjectorOutput.json from the real injector
// (`istioctl kube-inject` of the pinned Istio; build it with scripts/control-plane/build-istio.sh):
//   node -r @swc-node/register testkit/real-cluster/scripts/write-injected-sidecar-fixture.ts
import fs from 'node:fs';
import {
  buildInjectedSidecarFixture,
  injectedSidecarFixturePath,
  serializeFixture,
} from '../src/istio/injectedSidecarFixture';

buildInjectedSidecarFixture().then(
  fixture => {
    const file = injectedSidecarFixturePath();
    fs.writeFileSync(file, serializeFixture(fixture));
    process.stdout.write(`wrote ${file}\n`);
  },
  error => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  },
);
