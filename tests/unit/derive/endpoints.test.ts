// EndpointSlice conditions from a pod: kubernetes staging/src/k8s.io/endpointslice/utils.go
// podToEndpoint (serving = pod Ready; terminating = deletionTimestamp set; ready = serving && !terminating).
import { describe, expect, it } from 'vitest';
import { endpointConditions, endpointSliceEndpoints, serviceEndpoints } from '../../../src/derive/endpoints.ts';
import { threeNodeCluster } from './fixtures.ts';

describe('endpointConditions', () => {
  it('publishes a running ready pod as ready and serving', () => {
    expect(endpointConditions({})).toEqual({ ready: true, serving: true, terminating: false });
  });
  it('publishes a terminating ready pod as serving and terminating, not ready', () => {
    expect(endpointConditions({ terminating: true })).toEqual({ ready: false, serving: true, terminating: true });
  });
  it('publishes a not-ready pod as neither ready nor serving', () => {
    expect(endpointConditions({ ready: false })).toEqual({ ready: false, serving: false, terminating: false });
    expect(endpointConditions({ ready: false, terminating: true })).toEqual({ ready: false, serving: false, terminating: true });
  });
});

describe('endpointSliceEndpoints / serviceEndpoints', () => {
  it('lists every selected pod with conditions; serviceEndpoints keeps the ready ones', () => {
    const c = threeNodeCluster();
    const svc = c.services.find((s) => s.clusterIP && s.clusterIP !== 'None' && s.selector && s.ports.length > 0 && s.namespace !== 'kube-system')!;
    const all = endpointSliceEndpoints(c, svc, svc.ports[0]!);
    expect(all.length).toBeGreaterThan(0);
    all[0]!.pod.terminating = true;
    const after = endpointSliceEndpoints(c, svc, svc.ports[0]!);
    expect(after[0]!.conditions).toEqual({ ready: false, serving: true, terminating: true });
    expect(serviceEndpoints(c, svc, svc.ports[0]!).map((e) => e.ip)).toEqual(after.slice(1).map((e) => e.ip));
  });
});
