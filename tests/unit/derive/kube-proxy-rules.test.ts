// Sources: kubernetes pkg/proxy/iptables/proxier.go (syncProxyRules, portProtoHash,
// servicePortEndpointChainName, computeProbability "%0.10f") and its tests
// pkg/proxy/iptables/proxier_test.go: TestInternalTrafficPolicyE2E (clusterExpectedIPTables and the
// "internalTrafficPolicy is local" cases), TestLoadBalancer / TestExternalIPs (ns1/svc1:p80 ->
// KUBE-SVC-XPGD46QRK7WJZT7O, 10.180.0.1:80 -> KUBE-SEP-SXIVWICOYRO3J4NJ). kube-proxy's tests compare
// rules grouped by chain (sortIPTablesRules), so we compare chain by chain, in order within a chain.
import { describe, expect, it } from 'vitest';
import {
  endpointChainName, isLargeCluster, kubeProxyNatTable, kubeProxyRules, kubeProxyServiceRules, portProtoHash, probability, savedProbability, serviceChainNames, totalProxyEndpoints,
} from '../../../src/derive/kube-proxy-rules.ts';
import { familyClusterCIDR, servicePortOnNode } from '../../../src/derive/kube-proxy-service-port.ts';
import type { Cluster, Service } from '../../../src/model/types.ts';
import { threeNodeCluster } from './fixtures.ts';

/** Groups `-A CHAIN ...` lines by chain, keeping their order; chain declarations as a sorted list. */
function byChain(text: string): { chains: string[]; rules: Record<string, string[]> } {
  const chains: string[] = [];
  const rules: Record<string, string[]> = {};
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (line.startsWith(':')) chains.push(line);
    const m = /^-A (\S+) /.exec(line);
    if (m) (rules[m[1]!] ??= []).push(line);
  }
  return { chains: chains.sort(), rules };
}

/** proxier_test.go's world: one Service ns1/svc1 172.30.1.1:80 with endpoints 10.0.1.1-3, cluster CIDR 10.0.0.0/8. */
function testCluster(patch: Partial<Service> = {}): Cluster {
  const c = threeNodeCluster();
  c.network.clusterCIDR = '10.0.0.0/8';
  c.nodes = c.nodes.map((n, i) => ({
    ...n,
    pods: [{ name: `ep${i + 1}`, namespace: 'ns1', node: n.name, ip: `10.0.1.${i + 1}`, labels: { foo: 'bar' }, hostNetwork: false, dnsPolicy: 'ClusterFirst', ports: [] }],
  }));
  c.services = [{
    name: 'svc1', namespace: 'ns1', type: 'ClusterIP', clusterIP: '172.30.1.1', selector: { foo: 'bar' },
    ports: [{ name: '', protocol: 'TCP', port: 80, targetPort: 80 }],
    externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster', sessionAffinity: 'None', ...patch,
  }];
  return c;
}

// proxier_test.go TestInternalTrafficPolicyE2E, clusterExpectedIPTables (nat table).
const CLUSTER_EXPECTED_NAT = `
*nat
:KUBE-NODEPORTS - [0:0]
:KUBE-SERVICES - [0:0]
:KUBE-MARK-MASQ - [0:0]
:KUBE-POSTROUTING - [0:0]
:KUBE-SEP-3JOIVZTXZZRGORX4 - [0:0]
:KUBE-SEP-IO5XOSKPAXIFQXAJ - [0:0]
:KUBE-SEP-XGJFVO3L2O5SRFNT - [0:0]
:KUBE-SVC-AQI2S6QIMU7PVVRP - [0:0]
-A KUBE-SERVICES -m comment --comment "ns1/svc1 cluster IP" -m tcp -p tcp -d 172.30.1.1 --dport 80 -j KUBE-SVC-AQI2S6QIMU7PVVRP
-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS
-A KUBE-MARK-MASQ -j MARK --or-mark 0x4000
-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
-A KUBE-POSTROUTING -j MARK --xor-mark 0x4000
-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE
-A KUBE-SEP-3JOIVZTXZZRGORX4 -m comment --comment ns1/svc1 -s 10.0.1.1 -j KUBE-MARK-MASQ
-A KUBE-SEP-3JOIVZTXZZRGORX4 -m comment --comment ns1/svc1 -m tcp -p tcp -j DNAT --to-destination 10.0.1.1:80
-A KUBE-SEP-IO5XOSKPAXIFQXAJ -m comment --comment ns1/svc1 -s 10.0.1.2 -j KUBE-MARK-MASQ
-A KUBE-SEP-IO5XOSKPAXIFQXAJ -m comment --comment ns1/svc1 -m tcp -p tcp -j DNAT --to-destination 10.0.1.2:80
-A KUBE-SEP-XGJFVO3L2O5SRFNT -m comment --comment ns1/svc1 -s 10.0.1.3 -j KUBE-MARK-MASQ
-A KUBE-SEP-XGJFVO3L2O5SRFNT -m comment --comment ns1/svc1 -m tcp -p tcp -j DNAT --to-destination 10.0.1.3:80
-A KUBE-SVC-AQI2S6QIMU7PVVRP -m comment --comment "ns1/svc1 cluster IP" -m tcp -p tcp -d 172.30.1.1 --dport 80 ! -s 10.0.0.0/8 -j KUBE-MARK-MASQ
-A KUBE-SVC-AQI2S6QIMU7PVVRP -m comment --comment "ns1/svc1 -> 10.0.1.1:80" -m statistic --mode random --probability 0.3333333333 -j KUBE-SEP-3JOIVZTXZZRGORX4
-A KUBE-SVC-AQI2S6QIMU7PVVRP -m comment --comment "ns1/svc1 -> 10.0.1.2:80" -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-IO5XOSKPAXIFQXAJ
-A KUBE-SVC-AQI2S6QIMU7PVVRP -m comment --comment "ns1/svc1 -> 10.0.1.3:80" -j KUBE-SEP-XGJFVO3L2O5SRFNT
COMMIT
`;

describe('chain names (proxier.go portProtoHash / servicePortEndpointChainName)', () => {
  it('matches proxier_test.go', () => {
    expect(serviceChainNames('ns1/svc1', 'tcp').cluster).toBe('KUBE-SVC-AQI2S6QIMU7PVVRP');
    expect(serviceChainNames('ns1/svc1:p80', 'TCP').external).toBe('KUBE-EXT-XPGD46QRK7WJZT7O');
    expect(endpointChainName('ns1/svc1', 'tcp', '10.0.1.1:80')).toBe('KUBE-SEP-3JOIVZTXZZRGORX4');
    expect(endpointChainName('ns1/svc1:p80', 'tcp', '10.180.0.1:80')).toBe('KUBE-SEP-SXIVWICOYRO3J4NJ');
  });
  it('matches the chains of kubeadm\'s kube-dns Service seen in a kube-proxy log (kube-dns:dns over udp)', () => {
    // Secondary source: a published kube-proxy -v=9 log of a kind cluster (KUBE-SVC-TCOU7JCQXEZGVUNU is the well-known kube-dns:dns chain).
    expect(portProtoHash('kube-system/kube-dns:dns', 'udp')).toBe('TCOU7JCQXEZGVUNU');
    expect(portProtoHash('kube-system/kube-dns:dns-tcp', 'tcp')).toBe('ERIFXISQEP7F7OF4');
    expect(portProtoHash('kube-system/kube-dns:metrics', 'tcp')).toBe('JD5MR3NA4I4DYORP');
    expect(endpointChainName('kube-system/kube-dns:dns', 'udp', '10.244.0.10:53')).toBe('KUBE-SEP-R7EMXN5TTQQVP4UW');
  });
  it('reads probabilities back as iptables prints them (libxt_statistic.c: lround(2^31 p), %.11f)', () => {
    // Real `iptables -L` output shows "probability 0.33333333349" and "0.25000000000" for 1/3 and 1/4.
    expect(['0.2500000000', '0.3333333333', '0.5000000000'].map(savedProbability)).toEqual(['0.25000000000', '0.33333333349', '0.50000000000']);
  });
  it('prints probabilities with %0.10f', () => {
    expect([probability(4), probability(3), probability(2)]).toEqual(['0.2500000000', '0.3333333333', '0.5000000000']);
  });
});

describe('kubeProxyNatTable', () => {
  it('reproduces TestInternalTrafficPolicyE2E clusterExpectedIPTables', () => {
    const actual = kubeProxyNatTable(testCluster(), { randomFully: false });
    expect(byChain(actual)).toEqual(byChain(CLUSTER_EXPECTED_NAT));
  });
  it('reproduces the internalTrafficPolicy Local case with a local endpoint (KUBE-SVL chain)', () => {
    const c = testCluster({ internalTrafficPolicy: 'Local' });
    const r = kubeProxyServiceRules(c, c.services[0]!, { node: 'cp' });
    expect(r.natChains).toEqual([':KUBE-SVL-AQI2S6QIMU7PVVRP - [0:0]', ':KUBE-SEP-3JOIVZTXZZRGORX4 - [0:0]']);
    expect(r.natRules).toEqual([
      '-A KUBE-SERVICES -m comment --comment "ns1/svc1 cluster IP" -m tcp -p tcp -d 172.30.1.1 --dport 80 -j KUBE-SVL-AQI2S6QIMU7PVVRP',
      '-A KUBE-SVL-AQI2S6QIMU7PVVRP -m comment --comment "ns1/svc1 cluster IP" -m tcp -p tcp -d 172.30.1.1 --dport 80 ! -s 10.0.0.0/8 -j KUBE-MARK-MASQ',
      '-A KUBE-SVL-AQI2S6QIMU7PVVRP -m comment --comment "ns1/svc1 -> 10.0.1.1:80" -j KUBE-SEP-3JOIVZTXZZRGORX4',
      '-A KUBE-SEP-3JOIVZTXZZRGORX4 -m comment --comment ns1/svc1 -s 10.0.1.1 -j KUBE-MARK-MASQ',
      '-A KUBE-SEP-3JOIVZTXZZRGORX4 -m comment --comment ns1/svc1 -m tcp -p tcp -j DNAT --to-destination 10.0.1.1:80',
    ]);
  });
  it('drops in the filter table when internalTrafficPolicy is Local and no endpoint is local', () => {
    const c = testCluster({ internalTrafficPolicy: 'Local' });
    c.nodes[0]!.pods = [];
    const r = kubeProxyServiceRules(c, c.services[0]!, { node: 'cp' });
    expect(r.natChains).toEqual([]);
    expect(r.filterRules).toEqual([
      '-A KUBE-SERVICES -m comment --comment "ns1/svc1 has no local endpoints" -m tcp -p tcp -d 172.30.1.1 --dport 80 -j DROP',
    ]);
  });
});

describe('kubeProxyRules for a NodePort Service (externalTrafficPolicy Cluster)', () => {
  // Older upstream proxier_test.go TestNodePort (before nfacct): no localhost accounting rule.
  it('writes the KUBE-NODEPORTS jump, the KUBE-EXT masquerade and the SVC/SEP chains in syncProxyRules order', () => {
    const c = testCluster({
      type: 'NodePort', clusterIP: '172.30.0.41', ports: [{ name: 'p80', protocol: 'TCP', port: 80, targetPort: 80, nodePort: 3001 }],
    });
    c.nodes[0]!.pods[0]!.ip = '10.180.0.1';
    c.nodes[1]!.pods[0]!.ip = '10.180.0.2';
    c.nodes[2]!.pods = [];
    expect(kubeProxyRules(c, 'ns1/svc1', { localhostNodePortsNfacct: false })).toBe([
      '*nat',
      ':KUBE-EXT-XPGD46QRK7WJZT7O - [0:0]',
      ':KUBE-SVC-XPGD46QRK7WJZT7O - [0:0]',
      ':KUBE-SEP-SXIVWICOYRO3J4NJ - [0:0]',
      ':KUBE-SEP-LXVODXWDISEETFEF - [0:0]',
      '-A KUBE-SERVICES -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d 172.30.0.41 --dport 80 -j KUBE-SVC-XPGD46QRK7WJZT7O',
      '-A KUBE-NODEPORTS -m comment --comment ns1/svc1:p80 -m tcp -p tcp --dport 3001 -j KUBE-EXT-XPGD46QRK7WJZT7O',
      '-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d 172.30.0.41 --dport 80 ! -s 10.0.0.0/8 -j KUBE-MARK-MASQ',
      '-A KUBE-EXT-XPGD46QRK7WJZT7O -m comment --comment "masquerade traffic for ns1/svc1:p80 external destinations" -j KUBE-MARK-MASQ',
      '-A KUBE-EXT-XPGD46QRK7WJZT7O -j KUBE-SVC-XPGD46QRK7WJZT7O',
      '-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 -> 10.180.0.1:80" -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-SXIVWICOYRO3J4NJ',
      '-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 -> 10.180.0.2:80" -j KUBE-SEP-LXVODXWDISEETFEF',
      '-A KUBE-SEP-SXIVWICOYRO3J4NJ -m comment --comment ns1/svc1:p80 -s 10.180.0.1 -j KUBE-MARK-MASQ',
      '-A KUBE-SEP-SXIVWICOYRO3J4NJ -m comment --comment ns1/svc1:p80 -m tcp -p tcp -j DNAT --to-destination 10.180.0.1:80',
      '-A KUBE-SEP-LXVODXWDISEETFEF -m comment --comment ns1/svc1:p80 -s 10.180.0.2 -j KUBE-MARK-MASQ',
      '-A KUBE-SEP-LXVODXWDISEETFEF -m comment --comment ns1/svc1:p80 -m tcp -p tcp -j DNAT --to-destination 10.180.0.2:80',
      '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS',
      'COMMIT',
      '',
    ].join('\n'));
  });
  it('orders endpoints by their "ip:port" string, as endpointslicecache.go byEndpoint does', () => {
    const c = testCluster();
    c.nodes[0]!.pods[0]!.ip = '10.0.1.10';
    c.nodes[1]!.pods[0]!.ip = '10.0.1.9';
    const r = kubeProxyServiceRules(c, c.services[0]!);
    const dnat = r.natRules.filter((l) => l.includes('DNAT')).map((l) => l.split(' ').pop());
    expect(dnat).toEqual(['10.0.1.10:80', '10.0.1.3:80', '10.0.1.9:80']);
  });
  it('skips headless and ExternalName Services', () => {
    expect(kubeProxyRules(threeNodeCluster(), 'default/db')).toMatch(/headless/);
    expect(kubeProxyRules(threeNodeCluster(), 'default/ext')).toMatch(/ExternalName/);
  });
  it('throws naming the cluster for an unknown Service', () => {
    expect(() => kubeProxyRules(threeNodeCluster(), 'default/nope')).toThrow(/three-nodes.*default\/nope/);
  });
});

describe('localhost NodePort accounting (proxier.go syncProxyRules, kube-proxy v1.31+ with nfacct)', () => {
  // Upstream proxier_test.go TestOverallIPTablesRules (fake proxier with nfacct counters) writes,
  // per NodePort, this rule before the plain one.
  it('writes the -d 127.0.0.0/8 nfacct rule before each NodePort rule by default', () => {
    const c = testCluster({
      type: 'NodePort', clusterIP: '172.30.0.41', ports: [{ name: 'p80', protocol: 'TCP', port: 80, targetPort: 80, nodePort: 3001 }],
    });
    const nodePorts = kubeProxyServiceRules(c, c.services[0]!).natRules.filter((l) => l.startsWith('-A KUBE-NODEPORTS'));
    expect(nodePorts).toEqual([
      '-A KUBE-NODEPORTS -m comment --comment ns1/svc1:p80 -m tcp -p tcp -d 127.0.0.0/8 --dport 3001 -m nfacct --nfacct-name localhost_nps_accepted_pkts -j KUBE-EXT-XPGD46QRK7WJZT7O',
      '-A KUBE-NODEPORTS -m comment --comment ns1/svc1:p80 -m tcp -p tcp --dport 3001 -j KUBE-EXT-XPGD46QRK7WJZT7O',
    ]);
    const without = kubeProxyServiceRules(c, c.services[0]!, { localhostNodePortsNfacct: false }).natRules.filter((l) => l.startsWith('-A KUBE-NODEPORTS'));
    expect(without).toEqual([nodePorts[1]]);
  });
});

describe('probability (computeProbability, Go %0.10f)', () => {
  it('rounds the exact tie of 1/2048 to even, as Go does (0.0004882812, not 0.0004882813)', () => {
    expect(probability(2048)).toBe('0.0004882812');
    expect(probability(2047)).toBe((1 / 2047).toFixed(10));
    expect(probability(1000)).toBe('0.0010000000');
  });
});

/** `n` pods on the first node backing ns1/svc1 (10.0.<i/256>.<i%256>). */
function clusterWithEndpoints(n: number): Cluster {
  const c = testCluster();
  c.nodes[0]!.pods = Array.from({ length: n }, (_, i) => ({
    name: `ep${i}`, namespace: 'ns1', node: c.nodes[0]!.name, ip: `10.0.${Math.floor(i / 256)}.${i % 256}`,
    labels: { foo: 'bar' }, hostNetwork: false, dnsPolicy: 'ClusterFirst' as const, ports: [],
  }));
  c.nodes[1]!.pods = [];
  c.nodes[2]!.pods = [];
  return c;
}

describe('large cluster mode (proxier.go largeClusterEndpointsThreshold = 1000)', () => {
  it('counts every endpoint of every proxied Service port', () => {
    expect(totalProxyEndpoints(clusterWithEndpoints(7))).toBe(7);
    expect(isLargeCluster(clusterWithEndpoints(1000))).toBe(false);
    expect(isLargeCluster(clusterWithEndpoints(1001))).toBe(true);
  });
  it('keeps comments at 1000 endpoints and drops them from SEP rules and SVC->SEP jumps above (TestSyncProxyRulesLargeClusterMode)', () => {
    const small = kubeProxyNatTable(clusterWithEndpoints(1000), { randomFully: false });
    expect(small).toContain(`-A ${endpointChainName('ns1/svc1', 'tcp', '10.0.0.0:80')} -m comment --comment ns1/svc1 -m tcp -p tcp -j DNAT --to-destination 10.0.0.0:80`);
    const large = kubeProxyNatTable(clusterWithEndpoints(1001), { randomFully: false });
    const sep = endpointChainName('ns1/svc1', 'tcp', '10.0.0.0:80');
    expect(large).toContain(`-A ${sep} -m tcp -p tcp -j DNAT --to-destination 10.0.0.0:80`);
    expect(large).toContain(`-A ${sep} -s 10.0.0.0 -j KUBE-MARK-MASQ`);
    expect(large).toContain(`-A KUBE-SVC-AQI2S6QIMU7PVVRP -m statistic --mode random --probability 0.0009990010 -j ${sep}`);
    // The Service-level rules keep theirs.
    expect(large).toContain('-A KUBE-SERVICES -m comment --comment "ns1/svc1 cluster IP"');
    expect(large.split('\n').filter((l) => l.startsWith('-A KUBE-SEP-') && l.includes('--comment'))).toEqual([]);
  });
});

describe('session affinity (sessionAffinityConfig.clientIP.timeoutSeconds)', () => {
  it('writes the timeout into the recent --rcheck rules and --set in the SEP chain', () => {
    const c = testCluster({ sessionAffinity: 'ClientIP', sessionAffinityTimeoutSeconds: 60 });
    const r = kubeProxyServiceRules(c, c.services[0]!);
    const sep = endpointChainName('ns1/svc1', 'tcp', '10.0.1.1:80');
    expect(r.natRules).toContain(`-A KUBE-SVC-AQI2S6QIMU7PVVRP -m comment --comment "ns1/svc1 -> 10.0.1.1:80" -m recent --name ${sep} --rcheck --seconds 60 --reap -j ${sep}`);
    expect(r.natRules).toContain(`-A ${sep} -m comment --comment ns1/svc1 -m recent --name ${sep} --set -m tcp -p tcp -j DNAT --to-destination 10.0.1.1:80`);
  });
  it('uses 10800 s when no timeout is given', () => {
    const c = testCluster({ sessionAffinity: 'ClientIP' });
    expect(kubeProxyServiceRules(c, c.services[0]!).natRules.filter((l) => l.includes('--rcheck')).every((l) => l.includes('--seconds 10800 '))).toBe(true);
  });
});

describe('LoadBalancer ingress ipMode (serviceport.go: ipMode Proxy is not a LoadBalancerVIP)', () => {
  const lb = (mode: 'VIP' | 'Proxy') => testCluster({
    type: 'LoadBalancer', loadBalancerIP: '1.2.3.4', loadBalancerIPMode: mode,
    ports: [{ name: '', protocol: 'TCP', port: 80, targetPort: 80, nodePort: 30080 }],
  });
  it('short-circuits the LB IP on the node with ipMode VIP', () => {
    const c = lb('VIP');
    expect(kubeProxyServiceRules(c, c.services[0]!).natRules.some((l) => l.includes('loadbalancer IP') && l.includes('-d 1.2.3.4'))).toBe(true);
  });
  it('writes no rule for the LB IP with ipMode Proxy (the NodePort rules stay)', () => {
    const c = lb('Proxy');
    const r = kubeProxyServiceRules(c, c.services[0]!);
    expect(r.natRules.some((l) => l.includes('1.2.3.4'))).toBe(false);
    expect(r.natRules.some((l) => l.startsWith('-A KUBE-NODEPORTS') && l.includes('--dport 30080'))).toBe(true);
  });
});

describe('endpoint conditions (topology.go CategorizeEndpoints, terminating fallback)', () => {
  it('uses only ready endpoints while any exist', () => {
    const c = testCluster();
    c.nodes[0]!.pods[0]!.terminating = true;
    const dnat = kubeProxyServiceRules(c, c.services[0]!).natRules.filter((l) => l.includes('DNAT')).map((l) => l.split(' ').pop());
    expect(dnat).toEqual(['10.0.1.2:80', '10.0.1.3:80']);
  });
  it('falls back to serving terminating endpoints when none is ready', () => {
    const c = testCluster();
    c.nodes[0]!.pods[0]!.terminating = true;
    c.nodes[1]!.pods[0]!.terminating = true;
    c.nodes[2]!.pods[0]!.ready = false;
    const r = kubeProxyServiceRules(c, c.services[0]!);
    expect(r.natRules.filter((l) => l.includes('DNAT')).map((l) => l.split(' ').pop())).toEqual(['10.0.1.1:80', '10.0.1.2:80']);
    expect(r.filterRules).toEqual([]);
  });
  it('rejects when the only endpoints are terminating and no longer serving', () => {
    const c = testCluster();
    for (const n of c.nodes) for (const p of n.pods) { p.terminating = true; p.ready = false; }
    const r = kubeProxyServiceRules(c, c.services[0]!);
    expect(r.natRules).toEqual([]);
    expect(r.filterRules).toEqual(['-A KUBE-SERVICES -m comment --comment "ns1/svc1 has no endpoints" -m tcp -p tcp -d 172.30.1.1 --dport 80 -j REJECT']);
  });
});

describe('internalTrafficPolicy and externalTrafficPolicy both Local (serviceport.go UsesClusterEndpoints)', () => {
  it('writes the KUBE-SVC chain too, for the KUBE-EXT short-circuit of pod and node traffic', () => {
    const c = testCluster({
      type: 'NodePort', internalTrafficPolicy: 'Local', externalTrafficPolicy: 'Local',
      ports: [{ name: '', protocol: 'TCP', port: 80, targetPort: 80, nodePort: 30080 }],
    });
    const r = kubeProxyServiceRules(c, c.services[0]!, { node: 'cp' });
    expect(r.natChains).toContain(':KUBE-SVC-AQI2S6QIMU7PVVRP - [0:0]');
    expect(r.natChains).toContain(':KUBE-SVL-AQI2S6QIMU7PVVRP - [0:0]');
    expect(r.natRules.filter((l) => l.startsWith('-A KUBE-SVC-AQI2S6QIMU7PVVRP') && l.includes('-j KUBE-SEP-'))).toHaveLength(3);
    expect(r.natRules).toContain('-A KUBE-SERVICES -m comment --comment "ns1/svc1 cluster IP" -m tcp -p tcp -d 172.30.1.1 --dport 80 -j KUBE-SVL-AQI2S6QIMU7PVVRP');
    expect(r.natRules).toContain('-A KUBE-EXT-AQI2S6QIMU7PVVRP -j KUBE-SVL-AQI2S6QIMU7PVVRP');
  });
});

describe('servicePortOnNode (serviceport.go newBaseServiceInfo, then CategorizeEndpoints)', () => {
  const svcOf = (c: Cluster, name: string) => c.services.find((s) => s.name === name)!;
  it('a ClusterIP port with internalTrafficPolicy Local is not externally accessible and uses only the node\'s own endpoints', () => {
    const c = threeNodeCluster();
    const web = { ...svcOf(c, 'web'), internalTrafficPolicy: 'Local' as const };
    const onNode = servicePortOnNode(c, web, web.ports[0]!, 'worker-1');
    expect(onNode.policy).toEqual({ internalPolicyLocal: true, externalPolicyLocal: false, externallyAccessible: false });
    expect(onNode.externalIPs).toEqual([]);
    expect(onNode.loadBalancerVIP).toBeUndefined();
    expect(onNode.localEndpoints.map((e) => e.nodeName)).toEqual(['worker-1']);
    expect(onNode.clusterEndpoints).toEqual([]);
  });
  it('external IPs and a load-balancer VIP of the family make the port externally accessible; ipMode Proxy and the other family do not count', () => {
    const c = threeNodeCluster();
    const web = { ...svcOf(c, 'web'), externalIPs: ['198.51.100.7'], externalTrafficPolicy: 'Local' as const };
    expect(servicePortOnNode(c, web, web.ports[0]!, 'cp').policy).toEqual({ internalPolicyLocal: false, externalPolicyLocal: true, externallyAccessible: true });
    expect(servicePortOnNode(c, web, web.ports[0]!, 'cp', 'IPv6')).toMatchObject({ externalIPs: [], policy: { externallyAccessible: false, externalPolicyLocal: false } });
    const lb = { ...svcOf(c, 'web'), type: 'LoadBalancer' as const, loadBalancerIP: '203.0.113.9' };
    expect(servicePortOnNode(c, lb, lb.ports[0]!, 'cp').loadBalancerVIP).toBe('203.0.113.9');
    expect(servicePortOnNode(c, { ...lb, loadBalancerIPMode: 'Proxy' }, lb.ports[0]!, 'cp')).toMatchObject({ policy: { externallyAccessible: false } });
  });
});

describe('familyClusterCIDR (kube-proxy --cluster-cidr per proxier)', () => {
  it('is the cluster CIDR without a family and the range of that family with one', () => {
    const c = threeNodeCluster();
    expect(familyClusterCIDR(c)).toBe('10.244.0.0/16');
    expect(familyClusterCIDR(c, 'IPv4')).toBe('10.244.0.0/16');
    expect(familyClusterCIDR(c, 'IPv6')).toBe('');
  });
});
