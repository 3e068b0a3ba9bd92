import * as k8s from '@kubernetes/client-node';
import { startKubeSim, type KubeSim } from './KubeSim';

describe('client-node against kube-sim', () => {
  let sim: KubeSim;
  let kc: k8s.KubeConfig;

  beforeAll(async () => {
    sim = await startKubeSim({ auth: { tokens: { 'test-token': 'admin' } } });
    kc = new k8s.KubeConfig();
    kc.loadFromString(sim.kubeconfig('test-token'));
  });
  afterAll(() => sim.close());

  it('creates and lists namespaces', async () => {
    const core = kc.makeApiClient(k8s.CoreV1Api);
    await core.createNamespace({
      body: { metadata: { name: 'team-a', labels: { a: 'b' } } },
    });
    const list = await core.listNamespace({ labelSelector: 'a=b' });
    expect(list.items.map(n => n.metadata?.name)).toEqual(['team-a']);
  });
});
