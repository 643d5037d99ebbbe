// Cases transcribed from kubernetes pkg/proxy/topology_test.go TestCategorizeEndpoints (the
// ones without topology hints, which the model does not have). isLocal there = nodeName 'me' here.
// Expected sets as upstream states them; allEndpoints falls back to the cluster or local set when
// the other is nil, and hasAnyEndpoints = allEndpoints non-empty || onlyRemoteEndpoints, as the test does.
import { describe, expect, it } from 'vitest';
import { categorizeEndpoints, usesClusterEndpoints, usesLocalEndpoints, type PolicyFacts, type ProxyEndpoint } from '../../../src/derive/kube-proxy-topology.ts';

interface Ep { n: number; ready?: boolean; serving?: boolean; terminating?: boolean; local?: boolean }
const ep = ({ n, ready = false, serving = false, terminating = false, local = false }: Ep): ProxyEndpoint => ({
  ip: `10.0.0.${n}`, port: 80, text: `10.0.0.${n}:80`, nodeName: local ? 'me' : 'other', conditions: { ready, serving, terminating },
});
const policy = (p: Partial<{ itp: boolean; etp: boolean; nodePort: boolean }>): PolicyFacts => ({
  internalPolicyLocal: p.itp ?? false, externalPolicyLocal: p.etp ?? false, externallyAccessible: p.nodePort ?? false,
});
const texts = (eps: ProxyEndpoint[]) => eps.map((e) => e.text).sort();
const set = (...ns: number[]) => ns.map((n) => `10.0.0.${n}:80`);

const CASES: Array<{ name: string; policy: PolicyFacts; endpoints: Ep[]; cluster: string[] | null; local: string[] | null; all?: string[]; onlyRemote?: boolean }> = [
  { name: 'internalTrafficPolicy: Local, with empty endpoints', policy: policy({ itp: true }), endpoints: [], cluster: null, local: [] },
  { name: 'internalTrafficPolicy: Local, but all endpoints are remote', policy: policy({ itp: true }), endpoints: [{ n: 0, ready: true }, { n: 1, ready: true }], cluster: null, local: [], onlyRemote: true },
  { name: 'internalTrafficPolicy: Local, all endpoints are local', policy: policy({ itp: true }), endpoints: [{ n: 0, ready: true, local: true }, { n: 1, ready: true, local: true }], cluster: null, local: set(0, 1) },
  { name: 'internalTrafficPolicy: Local, some endpoints are local', policy: policy({ itp: true }), endpoints: [{ n: 0, ready: true, local: true }, { n: 1, ready: true }], cluster: null, local: set(0) },
  { name: 'Cluster traffic policy, endpoints not Ready', policy: policy({}), endpoints: [{ n: 0 }, { n: 1 }], cluster: [], local: null },
  { name: 'Cluster traffic policy, some endpoints are Ready', policy: policy({}), endpoints: [{ n: 0 }, { n: 1, ready: true }], cluster: set(1), local: null },
  { name: 'Cluster traffic policy, all endpoints are terminating', policy: policy({}), endpoints: [{ n: 0, serving: true, terminating: true, local: true }, { n: 1, serving: true, terminating: true }], cluster: set(0, 1), local: null },
  { name: 'iTP: Local, eTP: Cluster, some endpoints local', policy: policy({ itp: true, nodePort: true }), endpoints: [{ n: 0, ready: true, local: true }, { n: 1, ready: true }], cluster: set(0, 1), local: set(0), all: set(0, 1) },
  { name: 'iTP: Cluster, eTP: Local, some endpoints local', policy: policy({ etp: true, nodePort: true }), endpoints: [{ n: 0, ready: true, local: true }, { n: 1, ready: true }], cluster: set(0, 1), local: set(0), all: set(0, 1) },
  { name: 'iTP: Local, eTP: Local, some endpoints local', policy: policy({ itp: true, etp: true, nodePort: true }), endpoints: [{ n: 0, ready: true, local: true }, { n: 1, ready: true }], cluster: set(0, 1), local: set(0), all: set(0, 1) },
  { name: 'iTP: Local, eTP: Local, all endpoints remote', policy: policy({ itp: true, etp: true, nodePort: true }), endpoints: [{ n: 0, ready: true }, { n: 1, ready: true }], cluster: set(0, 1), local: [], all: set(0, 1) },
  { name: 'iTP: Local, eTP: Local, all endpoints remote and terminating', policy: policy({ itp: true, etp: true, nodePort: true }), endpoints: [{ n: 0, serving: true, terminating: true }, { n: 1, serving: true, terminating: true }], cluster: set(0, 1), local: [], all: set(0, 1), onlyRemote: true },
  {
    name: 'iTP: Cluster, eTP: Local, with terminating endpoints', policy: policy({ etp: true, nodePort: true }),
    endpoints: [{ n: 0, ready: true }, { n: 1, local: true }, { n: 2, serving: true, terminating: true, local: true }, { n: 3, serving: true, terminating: true }],
    cluster: set(0), local: set(2), all: set(0, 2),
  },
  { name: 'externalTrafficPolicy ignored if not externally accessible', policy: policy({ etp: true }), endpoints: [{ n: 0, ready: true }, { n: 1, ready: true, local: true }], cluster: set(0, 1), local: null, all: set(0, 1) },
  { name: 'no cluster endpoints for iTP:Local internal-only service', policy: policy({ itp: true }), endpoints: [{ n: 0, ready: true }, { n: 1, ready: true, local: true }], cluster: null, local: set(1), all: set(1) },
];

describe('categorizeEndpoints (topology.go CategorizeEndpoints, upstream TestCategorizeEndpoints)', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const r = categorizeEndpoints(c.endpoints.map(ep), c.policy, 'me');
      // Upstream `nil` = the policy chain is not used at all; ours returns [] and the predicate says so.
      expect(c.cluster === null ? !usesClusterEndpoints(c.policy) : usesClusterEndpoints(c.policy)).toBe(true);
      expect(c.local === null ? !usesLocalEndpoints(c.policy) : usesLocalEndpoints(c.policy)).toBe(true);
      expect(texts(r.clusterEndpoints)).toEqual(c.cluster ?? []);
      expect(texts(r.localEndpoints)).toEqual(c.local ?? []);
      const all = c.cluster !== null && c.local === null ? c.cluster : c.local !== null && c.cluster === null ? c.local : c.all!;
      expect(texts(r.allReachableEndpoints)).toEqual(all);
      expect(r.hasAnyEndpoints).toBe(all.length > 0 || c.onlyRemote === true);
    });
  }
  it('returns reachable endpoints sorted by ip:port', () => {
    const r = categorizeEndpoints([ep({ n: 9, ready: true }), ep({ n: 10, ready: true })], policy({}), 'me');
    expect(r.allReachableEndpoints.map((e) => e.text)).toEqual(['10.0.0.10:80', '10.0.0.9:80']);
  });
});
