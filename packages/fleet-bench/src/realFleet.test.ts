import { requestTotalsByVerb } from './realFleet';

describe('requestTotalsByVerb', () => {
  it('sums resource requests by verb, without leases and non-resource requests', () => {
    const metrics = [
      '# HELP apiserver_request_total [STABLE] Counter of apiserver requests',
      '# TYPE apiserver_request_total counter',
      'apiserver_request_total{code="200",component="apiserver",dry_run="",group="",resource="pods",scope="namespace",subresource="",verb="LIST",version="v1"} 12',
      'apiserver_request_total{code="200",component="apiserver",dry_run="",group="security.istio.io",resource="authorizationpolicies",scope="namespace",subresource="",verb="LIST",version="v1"} 3',
      'apiserver_request_total{code="0",component="apiserver",dry_run="",group="",resource="pods",scope="cluster",subresource="",verb="WATCH",version="v1"} 2',
      'apiserver_request_total{code="200",component="apiserver",dry_run="",group="coordination.k8s.io",resource="leases",scope="namespace",subresource="",verb="PUT",version="v1"} 40',
      'apiserver_request_total{code="200",component="",dry_run="",group="",resource="",scope="",subresource="/metrics",verb="GET",version=""} 5',
      'apiserver_request_duration_seconds_count{resource="pods",verb="LIST"} 99',
    ].join('\n');
    expect(requestTotalsByVerb(metrics)).toEqual({ list: 15, watch: 2 });
  });
});
