// Cases transcribed from kubernetes pkg/proxy/topology_test.go TestCategorizeEndpoints (first the
// ones without topology hints; the hint cases follow below). isLocal there = nodeName 'me' here.
// Expected sets as upstream states them; allEndpoints falls back to the cluster or local set when
// the other is nil, and hasAnyEndpoints = allEndpoints non-empty || onlyRemoteEndpoints, as the test does.
import { describe, expect, it } from 'vitest';
import { availableForTopology, categorizeEndpoints, topologyModeFromHints, usesClusterEndpoints, usesLocalEndpoints, type PolicyFacts, type ProxyEndpoint } from '../../../src/derive/kube-proxy-topology.ts';

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

// The topology-hint cases of upstream TestCategorizeEndpoints (pkg/proxy/topology_test.go), as
// upstream states them: node labels { topology.kubernetes.io/zone: ... } = the `zone` argument
// here, isLocal = nodeName 'me'. Expected sets copied literally.
interface HintEp { ep: string; zones?: string[]; ready?: boolean; local?: boolean }
const hinted = ({ ep: text, zones, ready = false, local = false }: HintEp): ProxyEndpoint => ({
  ip: text.split(':')[0]!, port: 80, text, nodeName: local ? 'me' : 'other',
  conditions: { ready, serving: ready, terminating: false },
  ...(zones ? { zoneHints: zones } : {}),
});
const abcA = (zoneOf6: string, ready6 = true): HintEp[] => [
  { ep: '10.1.2.3:80', zones: ['zone-a'], ready: true },
  { ep: '10.1.2.4:80', zones: ['zone-b'], ready: true },
  { ep: '10.1.2.5:80', zones: ['zone-c'], ready: true },
  { ep: '10.1.2.6:80', zones: [zoneOf6], ready: ready6 },
];
const HINT_CASES: Array<{ name: string; zone: string; policy: PolicyFacts; endpoints: HintEp[]; cluster: string[]; local: string[] | null; all?: string[] }> = [
  {
    name: "should use topology since all endpoints have hints, node has a zone label and and there are endpoints for the node's zone",
    zone: 'zone-a', policy: policy({}), endpoints: abcA('zone-a'), cluster: ['10.1.2.3:80', '10.1.2.6:80'], local: null,
  },
  {
    name: 'externalTrafficPolicy: Local, topology ignored for Local endpoints', zone: 'zone-a', policy: policy({ etp: true, nodePort: true }),
    endpoints: [{ ep: '10.1.2.3:80', zones: ['zone-a'], ready: true, local: true }, { ep: '10.1.2.4:80', zones: ['zone-b'], ready: true, local: true }, { ep: '10.1.2.5:80', zones: ['zone-c'], ready: true }, { ep: '10.1.2.6:80', zones: ['zone-a'], ready: true }],
    cluster: ['10.1.2.3:80', '10.1.2.6:80'], local: ['10.1.2.3:80', '10.1.2.4:80'], all: ['10.1.2.3:80', '10.1.2.4:80', '10.1.2.6:80'],
  },
  {
    name: 'internalTrafficPolicy: Local, topology ignored for Local endpoints', zone: 'zone-a', policy: policy({ itp: true, nodePort: true }),
    endpoints: [{ ep: '10.1.2.3:80', zones: ['zone-a'], ready: true, local: true }, { ep: '10.1.2.4:80', zones: ['zone-b'], ready: true, local: true }, { ep: '10.1.2.5:80', zones: ['zone-c'], ready: true }, { ep: '10.1.2.6:80', zones: ['zone-a'], ready: true }],
    cluster: ['10.1.2.3:80', '10.1.2.6:80'], local: ['10.1.2.3:80', '10.1.2.4:80'], all: ['10.1.2.3:80', '10.1.2.4:80', '10.1.2.6:80'],
  },
  { name: 'empty node labels', zone: '', policy: policy({}), endpoints: [{ ep: '10.1.2.3:80', zones: ['zone-a'], ready: true }], cluster: ['10.1.2.3:80'], local: null },
  { name: 'node in different zone, no endpoint filtering', zone: 'zone-b', policy: policy({}), endpoints: [{ ep: '10.1.2.3:80', zones: ['zone-a'], ready: true }], cluster: ['10.1.2.3:80'], local: null },
  { name: 'unready endpoint', zone: 'zone-a', policy: policy({}), endpoints: abcA('zone-a', false), cluster: ['10.1.2.3:80'], local: null },
  {
    name: 'only unready endpoints in same zone (should not filter)', zone: 'zone-a', policy: policy({}),
    endpoints: [{ ep: '10.1.2.3:80', zones: ['zone-a'] }, { ep: '10.1.2.4:80', zones: ['zone-b'], ready: true }, { ep: '10.1.2.5:80', zones: ['zone-c'], ready: true }, { ep: '10.1.2.6:80', zones: ['zone-a'] }],
    cluster: ['10.1.2.4:80', '10.1.2.5:80'], local: null,
  },
  {
    name: 'missing hints, no filtering applied', zone: 'zone-a', policy: policy({}),
    endpoints: [{ ep: '10.1.2.3:80', zones: ['zone-a'], ready: true }, { ep: '10.1.2.4:80', zones: ['zone-b'], ready: true }, { ep: '10.1.2.5:80', ready: true }, { ep: '10.1.2.6:80', zones: ['zone-a'], ready: true }],
    cluster: ['10.1.2.3:80', '10.1.2.4:80', '10.1.2.5:80', '10.1.2.6:80'], local: null,
  },
  {
    name: 'multiple hints per endpoint, filtering includes any endpoint with zone included', zone: 'zone-c', policy: policy({}),
    endpoints: [{ ep: '10.1.2.3:80', zones: ['zone-a', 'zone-b', 'zone-c'], ready: true }, { ep: '10.1.2.4:80', zones: ['zone-b', 'zone-c'], ready: true }, { ep: '10.1.2.5:80', zones: ['zone-b', 'zone-d'], ready: true }, { ep: '10.1.2.6:80', zones: ['zone-c'], ready: true }],
    cluster: ['10.1.2.3:80', '10.1.2.4:80', '10.1.2.6:80'], local: null,
  },
  {
    name: 'conflicting topology and localness require merging allEndpoints', zone: 'zone-a', policy: policy({ etp: true, nodePort: true }),
    endpoints: [{ ep: '10.0.0.0:80', zones: ['zone-a'], ready: true, local: true }, { ep: '10.0.0.1:80', zones: ['zone-b'], ready: true, local: true }, { ep: '10.0.0.2:80', zones: ['zone-a'], ready: true }, { ep: '10.0.0.3:80', zones: ['zone-b'], ready: true }],
    cluster: ['10.0.0.0:80', '10.0.0.2:80'], local: ['10.0.0.0:80', '10.0.0.1:80'], all: ['10.0.0.0:80', '10.0.0.1:80', '10.0.0.2:80'],
  },
];

describe('categorizeEndpoints with topology hints (upstream TestCategorizeEndpoints, hint cases)', () => {
  for (const c of HINT_CASES) {
    it(c.name, () => {
      const r = categorizeEndpoints(c.endpoints.map(hinted), c.policy, 'me', c.zone);
      expect(texts(r.clusterEndpoints)).toEqual(c.cluster);
      expect(texts(r.localEndpoints)).toEqual(c.local ?? []);
      expect(texts(r.allReachableEndpoints)).toEqual(c.all ?? (c.local === null ? c.cluster : c.local));
    });
  }
  it("reports the zone mode it filtered with, and '' when it did not filter", () => {
    expect(categorizeEndpoints(abcA('zone-a').map(hinted), policy({}), 'me', 'zone-a').topologyMode).toBe('PreferSameZone');
    expect(categorizeEndpoints(abcA('zone-a').map(hinted), policy({}), 'me', 'zone-z').topologyMode).toBe('');
  });
});

// PreferSameNode: topology.go topologyModeFromHints tries node hints before zone hints.
const nodeHinted = (text: string, node: string, zone: string, ready = true): ProxyEndpoint => ({
  ip: text.split(':')[0]!, port: 80, text, nodeName: node, conditions: { ready, serving: ready, terminating: false }, zoneHints: [zone], nodeHints: [node],
});
describe('topologyModeFromHints and availableForTopology (PreferSameNode, then zone, then cluster)', () => {
  const eps = [nodeHinted('10.0.1.2:80', 'node-1', 'zone-a'), nodeHinted('10.0.2.2:80', 'node-2', 'zone-a'), nodeHinted('10.0.3.2:80', 'node-3', 'zone-b')];
  it('uses the node hint when one endpoint is hinted for this node', () => {
    expect(topologyModeFromHints(eps, 'node-1', 'zone-a')).toBe('PreferSameNode');
    expect(texts(categorizeEndpoints(eps, policy({}), 'node-1', 'zone-a').clusterEndpoints)).toEqual(['10.0.1.2:80']);
  });
  it('falls back to the zone when no endpoint is hinted for this node', () => {
    expect(topologyModeFromHints(eps, 'node-4', 'zone-b')).toBe('PreferSameZone');
    expect(texts(categorizeEndpoints(eps, policy({}), 'node-4', 'zone-b').clusterEndpoints)).toEqual(['10.0.3.2:80']);
  });
  it('falls back to every endpoint when neither node nor zone is hinted', () => {
    expect(topologyModeFromHints(eps, 'node-5', 'zone-c')).toBe('');
    expect(texts(categorizeEndpoints(eps, policy({}), 'node-5', 'zone-c').clusterEndpoints)).toHaveLength(3);
  });
  it('ignores node hints unless every ready endpoint has one', () => {
    const mixed = [...eps.slice(0, 2), { ...eps[2]!, nodeHints: undefined }];
    expect(topologyModeFromHints(mixed, 'node-1', 'zone-a')).toBe('PreferSameZone');
  });
  it('ignores endpoints that are not ready when reading hints', () => {
    const mixed = [...eps, { ...nodeHinted('10.0.4.2:80', 'node-4', 'zone-c', false), nodeHints: undefined, zoneHints: undefined }];
    expect(topologyModeFromHints(mixed, 'node-2', 'zone-a')).toBe('PreferSameNode');
    expect(topologyModeFromHints([nodeHinted('10.0.1.2:80', 'node-1', 'zone-a', false)], 'node-1', 'zone-a')).toBe('');
  });
  it('availableForTopology checks the hint of the chosen mode only', () => {
    expect(availableForTopology(eps[0]!, 'PreferSameNode', 'node-2', 'zone-a')).toBe(false);
    expect(availableForTopology(eps[0]!, 'PreferSameZone', 'node-2', 'zone-a')).toBe(true);
    expect(availableForTopology(eps[2]!, '', 'node-1', 'zone-a')).toBe(true);
  });
});
