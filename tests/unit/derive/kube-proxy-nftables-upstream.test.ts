// Our golden check of the nftables derivation against upstream kube-proxy's own expectation.
//
// Provenance: kubernetes/kubernetes pkg/proxy/nftables/proxier_test.go at commit
// 81810de635aa13aa0a32992f6def3aa9d6025ebc: `baseRules` and TestOverallNFTablesRules' `expected`
// (after dedent), copied verbatim below. Upstream compares through sortNFTablesTransaction
// (helpers_test.go): blank and `#` lines dropped, lines ordered by object type (table, chain,
// rule, set, map, element) then object name, rules of one chain kept in the order written, other
// lines of one object by text. `normalise` below does the same to both sides.
//
// The test's Services carry one feature the model has no field for; the lines it produces are
// excluded on both sides, listed with their reason in EXCLUDED (and counted in the test):
// spec.loadBalancerSourceRanges (ns5's firewall chain and firewall-ips element). spec.externalIPs
// are modelled: ns2 192.168.99.22, and ns4 192.168.99.33, whose external chain exists only for
// its external IP (ns4 is type NodePort with nodePort 0, modelled as ClusterIP with an external IP).
// Fake proxier: node test-node 192.168.0.2, pod CIDR 10.0.0.0/8 (local detector), service CIDR
// 172.30.0.0/16, masquerade mark 0x4000, nodePortAddresses 192.168.0.2/32.
import { describe, expect, it } from 'vitest';
import {
  endpointChainNameBase, hashAndTruncate, kubeProxyNftablesRules, kubeProxyNftablesTable, servicePortChainNameBase,
} from '../../../src/derive/kube-proxy-nftables.ts';
import type { Cluster, Node, Service } from '../../../src/model/types.ts';

const BASE_RULES = `
add table ip kube-proxy { comment "rules for kube-proxy" ; }

add set ip kube-proxy cluster-ips { type ipv4_addr ; comment "Active ClusterIPs" ; }
add set ip kube-proxy nodeport-ips { type ipv4_addr ; comment "IPs that accept NodePort traffic" ; }

add map ip kube-proxy firewall-ips { type ipv4_addr . inet_proto . inet_service : verdict ; comment "destinations that are subject to LoadBalancerSourceRanges" ; }
add map ip kube-proxy no-endpoint-nodeports { type inet_proto . inet_service : verdict ; comment "vmap to drop or reject packets to service nodeports with no endpoints" ; }
add map ip kube-proxy no-endpoint-services { type ipv4_addr . inet_proto . inet_service : verdict ; comment "vmap to drop or reject packets to services with no endpoints" ; }
add map ip kube-proxy service-ips { type ipv4_addr . inet_proto . inet_service : verdict ; comment "ClusterIP, ExternalIP and LoadBalancer IP traffic" ; }
add map ip kube-proxy service-nodeports { type inet_proto . inet_service : verdict ; comment "NodePort traffic" ; }

add chain ip kube-proxy cluster-ips-check
add chain ip kube-proxy filter-prerouting-pre-dnat { type filter hook prerouting priority -110 ; }
add chain ip kube-proxy filter-output-pre-dnat { type filter hook output priority -110 ; }
add chain ip kube-proxy filter-forward { type filter hook forward priority 0 ; }
add chain ip kube-proxy filter-input { type filter hook input priority 0 ; }
add chain ip kube-proxy filter-output { type filter hook output priority 0 ; }
add chain ip kube-proxy firewall-check
add chain ip kube-proxy mark-for-masquerade
add chain ip kube-proxy masquerading
add chain ip kube-proxy nat-output { type nat hook output priority -100 ; }
add chain ip kube-proxy nat-postrouting { type nat hook postrouting priority 100 ; }
add chain ip kube-proxy nat-prerouting { type nat hook prerouting priority -100 ; }
add chain ip kube-proxy nodeport-endpoints-check
add chain ip kube-proxy reject-chain { comment "helper for @no-endpoint-services / @no-endpoint-nodeports" ; }
add chain ip kube-proxy services
add chain ip kube-proxy service-endpoints-check

add rule ip kube-proxy cluster-ips-check ip daddr @cluster-ips reject comment "Reject traffic to invalid ports of ClusterIPs"
add rule ip kube-proxy cluster-ips-check ip daddr { 172.30.0.0/16 } drop comment "Drop traffic to unallocated ClusterIPs"
add rule ip kube-proxy filter-prerouting-pre-dnat ct state new jump firewall-check
add rule ip kube-proxy filter-forward ct state new jump service-endpoints-check
add rule ip kube-proxy filter-forward ct state new jump cluster-ips-check
add rule ip kube-proxy filter-input ct state new jump nodeport-endpoints-check
add rule ip kube-proxy filter-input ct state new jump service-endpoints-check
add rule ip kube-proxy filter-output ct state new jump service-endpoints-check
add rule ip kube-proxy filter-output-pre-dnat ct state new jump firewall-check
add rule ip kube-proxy filter-output ct state new jump cluster-ips-check
add rule ip kube-proxy firewall-check ip daddr . meta l4proto . th dport vmap @firewall-ips
add rule ip kube-proxy mark-for-masquerade mark set mark or 0x4000
add rule ip kube-proxy masquerading mark and 0x4000 == 0 return
add rule ip kube-proxy masquerading mark set mark xor 0x4000
add rule ip kube-proxy masquerading masquerade fully-random
add rule ip kube-proxy nat-output jump services
add rule ip kube-proxy nat-postrouting jump masquerading
add rule ip kube-proxy nat-prerouting jump services
add rule ip kube-proxy nodeport-endpoints-check ip daddr @nodeport-ips meta l4proto . th dport vmap @no-endpoint-nodeports
add rule ip kube-proxy reject-chain reject
add rule ip kube-proxy services ip daddr . meta l4proto . th dport vmap @service-ips
add rule ip kube-proxy services ip daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports

add element ip kube-proxy nodeport-ips { 192.168.0.2 }
add rule ip kube-proxy service-endpoints-check ip daddr . meta l4proto . th dport vmap @no-endpoint-services
`;

const OVERALL_EXPECTED = BASE_RULES + `
# svc1
add chain ip kube-proxy service-ULMVA6XW-ns1/svc1/tcp/p80
add rule ip kube-proxy service-ULMVA6XW-ns1/svc1/tcp/p80 ip daddr 172.30.0.41 ip saddr != 10.0.0.0/8 jump mark-for-masquerade
add rule ip kube-proxy service-ULMVA6XW-ns1/svc1/tcp/p80 numgen random mod 1 vmap { 0 : goto endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80 }

add chain ip kube-proxy endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80
add rule ip kube-proxy endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80 ip saddr 10.180.0.1 jump mark-for-masquerade
add rule ip kube-proxy endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80 meta l4proto tcp dnat to 10.180.0.1:80

add element ip kube-proxy cluster-ips { 172.30.0.41 }
add element ip kube-proxy service-ips { 172.30.0.41 . tcp . 80 : goto service-ULMVA6XW-ns1/svc1/tcp/p80 }

# svc2
add chain ip kube-proxy service-42NFTM6N-ns2/svc2/tcp/p80
add rule ip kube-proxy service-42NFTM6N-ns2/svc2/tcp/p80 ip daddr 172.30.0.42 ip saddr != 10.0.0.0/8 jump mark-for-masquerade
add rule ip kube-proxy service-42NFTM6N-ns2/svc2/tcp/p80 numgen random mod 1 vmap { 0 : goto endpoint-SGOXE6O3-ns2/svc2/tcp/p80__10.180.0.2/80 }
add chain ip kube-proxy external-42NFTM6N-ns2/svc2/tcp/p80
add rule ip kube-proxy external-42NFTM6N-ns2/svc2/tcp/p80 ip saddr 10.0.0.0/8 goto service-42NFTM6N-ns2/svc2/tcp/p80 comment "short-circuit pod traffic"
add rule ip kube-proxy external-42NFTM6N-ns2/svc2/tcp/p80 fib saddr type local jump mark-for-masquerade comment "masquerade local traffic"
add rule ip kube-proxy external-42NFTM6N-ns2/svc2/tcp/p80 fib saddr type local goto service-42NFTM6N-ns2/svc2/tcp/p80 comment "short-circuit local traffic"
add chain ip kube-proxy endpoint-SGOXE6O3-ns2/svc2/tcp/p80__10.180.0.2/80
add rule ip kube-proxy endpoint-SGOXE6O3-ns2/svc2/tcp/p80__10.180.0.2/80 ip saddr 10.180.0.2 jump mark-for-masquerade
add rule ip kube-proxy endpoint-SGOXE6O3-ns2/svc2/tcp/p80__10.180.0.2/80 meta l4proto tcp dnat to 10.180.0.2:80

add element ip kube-proxy cluster-ips { 172.30.0.42 }
add element ip kube-proxy service-ips { 172.30.0.42 . tcp . 80 : goto service-42NFTM6N-ns2/svc2/tcp/p80 }
add element ip kube-proxy service-ips { 192.168.99.22 . tcp . 80 : goto external-42NFTM6N-ns2/svc2/tcp/p80 }
add element ip kube-proxy service-ips { 1.2.3.4 . tcp . 80 : goto external-42NFTM6N-ns2/svc2/tcp/p80 }
add element ip kube-proxy service-nodeports { tcp . 3001 : goto external-42NFTM6N-ns2/svc2/tcp/p80 }

add element ip kube-proxy no-endpoint-nodeports { tcp . 3001 comment "ns2/svc2:p80" : drop }
add element ip kube-proxy no-endpoint-services { 1.2.3.4 . tcp . 80 comment "ns2/svc2:p80" : drop }
add element ip kube-proxy no-endpoint-services { 192.168.99.22 . tcp . 80 comment "ns2/svc2:p80" : drop }

# svc3
add chain ip kube-proxy service-4AT6LBPK-ns3/svc3/tcp/p80
add rule ip kube-proxy service-4AT6LBPK-ns3/svc3/tcp/p80 ip daddr 172.30.0.43 ip saddr != 10.0.0.0/8 jump mark-for-masquerade
add rule ip kube-proxy service-4AT6LBPK-ns3/svc3/tcp/p80 numgen random mod 1 vmap { 0 : goto endpoint-UEIP74TE-ns3/svc3/tcp/p80__10.180.0.3/80 }
add chain ip kube-proxy external-4AT6LBPK-ns3/svc3/tcp/p80
add rule ip kube-proxy external-4AT6LBPK-ns3/svc3/tcp/p80 jump mark-for-masquerade
add rule ip kube-proxy external-4AT6LBPK-ns3/svc3/tcp/p80 goto service-4AT6LBPK-ns3/svc3/tcp/p80
add chain ip kube-proxy endpoint-UEIP74TE-ns3/svc3/tcp/p80__10.180.0.3/80
add rule ip kube-proxy endpoint-UEIP74TE-ns3/svc3/tcp/p80__10.180.0.3/80 ip saddr 10.180.0.3 jump mark-for-masquerade
add rule ip kube-proxy endpoint-UEIP74TE-ns3/svc3/tcp/p80__10.180.0.3/80 meta l4proto tcp dnat to 10.180.0.3:80

add element ip kube-proxy cluster-ips { 172.30.0.43 }
add element ip kube-proxy service-ips { 172.30.0.43 . tcp . 80 : goto service-4AT6LBPK-ns3/svc3/tcp/p80 }
add element ip kube-proxy service-nodeports { tcp . 3003 : goto external-4AT6LBPK-ns3/svc3/tcp/p80 }

# svc4
add chain ip kube-proxy service-LAUZTJTB-ns4/svc4/tcp/p80
add rule ip kube-proxy service-LAUZTJTB-ns4/svc4/tcp/p80 ip daddr 172.30.0.44 ip saddr != 10.0.0.0/8 jump mark-for-masquerade
add rule ip kube-proxy service-LAUZTJTB-ns4/svc4/tcp/p80 numgen random mod 2 vmap { 0 : goto endpoint-UNZV3OEC-ns4/svc4/tcp/p80__10.180.0.4/80 , 1 : goto endpoint-5RFCDDV7-ns4/svc4/tcp/p80__10.180.0.5/80 }
add chain ip kube-proxy external-LAUZTJTB-ns4/svc4/tcp/p80
add rule ip kube-proxy external-LAUZTJTB-ns4/svc4/tcp/p80 jump mark-for-masquerade
add rule ip kube-proxy external-LAUZTJTB-ns4/svc4/tcp/p80 goto service-LAUZTJTB-ns4/svc4/tcp/p80
add chain ip kube-proxy endpoint-5RFCDDV7-ns4/svc4/tcp/p80__10.180.0.5/80
add rule ip kube-proxy endpoint-5RFCDDV7-ns4/svc4/tcp/p80__10.180.0.5/80 ip saddr 10.180.0.5 jump mark-for-masquerade
add rule ip kube-proxy endpoint-5RFCDDV7-ns4/svc4/tcp/p80__10.180.0.5/80 meta l4proto tcp dnat to 10.180.0.5:80
add chain ip kube-proxy endpoint-UNZV3OEC-ns4/svc4/tcp/p80__10.180.0.4/80
add rule ip kube-proxy endpoint-UNZV3OEC-ns4/svc4/tcp/p80__10.180.0.4/80 ip saddr 10.180.0.4 jump mark-for-masquerade
add rule ip kube-proxy endpoint-UNZV3OEC-ns4/svc4/tcp/p80__10.180.0.4/80 meta l4proto tcp dnat to 10.180.0.4:80

add element ip kube-proxy cluster-ips { 172.30.0.44 }
add element ip kube-proxy service-ips { 172.30.0.44 . tcp . 80 : goto service-LAUZTJTB-ns4/svc4/tcp/p80 }
add element ip kube-proxy service-ips { 192.168.99.33 . tcp . 80 : goto external-LAUZTJTB-ns4/svc4/tcp/p80 }

# svc5
add set ip kube-proxy affinity-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80 { type ipv4_addr ; flags dynamic,timeout ; timeout 10800s ; }
add chain ip kube-proxy service-HVFWP5L3-ns5/svc5/tcp/p80
add rule ip kube-proxy service-HVFWP5L3-ns5/svc5/tcp/p80 ip daddr 172.30.0.45 ip saddr != 10.0.0.0/8 jump mark-for-masquerade
add rule ip kube-proxy service-HVFWP5L3-ns5/svc5/tcp/p80 ip saddr @affinity-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80 goto endpoint-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80
add rule ip kube-proxy service-HVFWP5L3-ns5/svc5/tcp/p80 numgen random mod 1 vmap { 0 : goto endpoint-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80 }
add chain ip kube-proxy external-HVFWP5L3-ns5/svc5/tcp/p80
add rule ip kube-proxy external-HVFWP5L3-ns5/svc5/tcp/p80 jump mark-for-masquerade
add rule ip kube-proxy external-HVFWP5L3-ns5/svc5/tcp/p80 goto service-HVFWP5L3-ns5/svc5/tcp/p80

add chain ip kube-proxy endpoint-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80
add rule ip kube-proxy endpoint-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80 ip saddr 10.180.0.3 jump mark-for-masquerade
add rule ip kube-proxy endpoint-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80 update @affinity-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80 { ip saddr }
add rule ip kube-proxy endpoint-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80 meta l4proto tcp dnat to 10.180.0.3:80

add chain ip kube-proxy firewall-HVFWP5L3-ns5/svc5/tcp/p80
add rule ip kube-proxy firewall-HVFWP5L3-ns5/svc5/tcp/p80 ip saddr != { 203.0.113.0/25 } drop

add element ip kube-proxy cluster-ips { 172.30.0.45 }
add element ip kube-proxy service-ips { 172.30.0.45 . tcp . 80 : goto service-HVFWP5L3-ns5/svc5/tcp/p80 }
add element ip kube-proxy service-ips { 5.6.7.8 . tcp . 80 : goto external-HVFWP5L3-ns5/svc5/tcp/p80 }
add element ip kube-proxy service-nodeports { tcp . 3002 : goto external-HVFWP5L3-ns5/svc5/tcp/p80 }
add element ip kube-proxy firewall-ips { 5.6.7.8 . tcp . 80 : goto firewall-HVFWP5L3-ns5/svc5/tcp/p80 }

# svc6
add element ip kube-proxy cluster-ips { 172.30.0.46 }
add element ip kube-proxy no-endpoint-services { 172.30.0.46 . tcp . 80 comment "ns6/svc6:p80" : goto reject-chain }
`;

const EXCLUDED: Array<{ match: RegExp; reason: string }> = [
  { match: /firewall-HVFWP5L3-/, reason: 'spec.loadBalancerSourceRanges (ns5): the model has no source ranges' },
];

const OBJECT_ORDER: Record<string, number> = { table: 10, chain: 9, rule: 8, set: 7, map: 6, element: 5 };
/** helpers_test.go sortNFTablesTransaction, then the exclusions. */
function normalise(text: string): { lines: string[]; excluded: number } {
  const all = text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  const lines = all.filter((l) => !EXCLUDED.some((e) => e.match.test(l)));
  const indexed = lines.map((l, i) => ({ l, i, w: l.split(' ') }));
  indexed.sort((a, b) => {
    if (a.w[1] !== b.w[1]) return (OBJECT_ORDER[b.w[1]!] ?? 0) - (OBJECT_ORDER[a.w[1]!] ?? 0);
    if (a.w[4] !== b.w[4]) return a.w[4]! < b.w[4]! ? -1 : 1;
    if (a.w[1] === 'rule') return a.i - b.i;
    return a.l < b.l ? -1 : a.l > b.l ? 1 : 0;
  });
  return { lines: indexed.map((x) => x.l), excluded: all.length - lines.length };
}

/** The fake proxier's world as a resolved model cluster. */
function overallCluster(): Cluster {
  const pod = (ns: string, svc: string, ip: string, node: string) => ({
    name: `${svc}-${ip.replaceAll('.', '-')}`, namespace: ns, node, ip, labels: { 'upstream-svc': svc }, hostNetwork: false, dnsPolicy: 'ClusterFirst' as const, ports: [],
  });
  const node = (name: string, ip: string, pods: Node['pods']): Node => ({
    name, ip, podCIDR: '10.180.0.0/24', controlPlane: false, resolvConf: { nameservers: [], searches: [] }, pods,
  });
  const svc = (ns: string, name: string, clusterIP: string, extra: Partial<Service> = {}, nodePort?: number): Service => ({
    name, namespace: ns, type: 'ClusterIP', clusterIP, selector: { 'upstream-svc': name },
    ports: [{ name: 'p80', protocol: 'TCP', port: 80, targetPort: 80, ...(nodePort ? { nodePort } : {}) }],
    externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster', sessionAffinity: 'None', ...extra,
  });
  return {
    name: 'upstream-nft', title: 'TestOverallNFTablesRules', description: 'kubernetes pkg/proxy/nftables/proxier_test.go',
    network: { nodeCIDR: '192.168.0.0/24', clusterCIDR: '10.0.0.0/8', serviceCIDR: '172.30.0.0/16', clusterDomain: 'cluster.local' },
    plugin: { name: 'calico', mode: 'bgp' }, kubeProxyMode: 'nftables',
    dns: { provider: 'coredns', clusterIP: '172.30.0.10', pods: [], podsMode: 'insecure' },
    namespaces: [], ingresses: [], networkPolicies: [],
    // Endpoints without NodeName upstream are on a node of their own here (never local).
    nodes: [
      node('test-node', '192.168.0.2', [pod('ns4', 'svc4', '10.180.0.5', 'test-node')]),
      node('elsewhere', '192.168.0.3', [
        pod('ns1', 'svc1', '10.180.0.1', 'elsewhere'), pod('ns2', 'svc2', '10.180.0.2', 'elsewhere'), pod('ns3', 'svc3', '10.180.0.3', 'elsewhere'),
        pod('ns4', 'svc4', '10.180.0.4', 'elsewhere'), pod('ns5', 'svc5', '10.180.0.3', 'elsewhere'),
      ]),
    ],
    services: [
      svc('ns1', 'svc1', '172.30.0.41'),
      svc('ns2', 'svc2', '172.30.0.42', { type: 'LoadBalancer', externalTrafficPolicy: 'Local', loadBalancerIP: '1.2.3.4', loadBalancerIPMode: 'VIP', externalIPs: ['192.168.99.22'] }, 3001),
      svc('ns3', 'svc3', '172.30.0.43', { type: 'NodePort' }, 3003),
      svc('ns4', 'svc4', '172.30.0.44', { externalIPs: ['192.168.99.33'] }),
      svc('ns5', 'svc5', '172.30.0.45', { type: 'LoadBalancer', loadBalancerIP: '5.6.7.8', loadBalancerIPMode: 'VIP', sessionAffinity: 'ClientIP', sessionAffinityTimeoutSeconds: 10800 }, 3002),
      { ...svc('ns6', 'svc6', '172.30.0.46'), selector: { 'upstream-svc': 'none' } },
    ],
  };
}

describe('kube-proxy nftables golden (upstream TestOverallNFTablesRules @ 81810de6)', () => {
  it('derives every upstream line the model can express, and nothing else', () => {
    const expected = normalise(OVERALL_EXPECTED);
    const actual = normalise(kubeProxyNftablesTable(overallCluster(), { node: 'test-node' }));
    expect(actual.lines).toEqual(expected.lines);
    // The exclusions stay what the header says (3 upstream lines), and the project writes none of them.
    expect(expected.excluded).toBe(3);
    expect(actual.excluded).toBe(0);
    expect(expected.lines.length).toBe(119);
  });
});

// TestSyncProxyRulesRepeated (same file and commit): the table after the first sync (ns1/svc1,
// ns2/svc2) and after ns3/svc3 was added. Later steps hold flushed stale chains of a deleted
// Service, a history the model has no notion of.
const REPEATED_FIRST = BASE_RULES + `
add element ip kube-proxy cluster-ips { 172.30.0.41 }
add element ip kube-proxy cluster-ips { 172.30.0.42 }
add element ip kube-proxy service-ips { 172.30.0.41 . tcp . 80 : goto service-ULMVA6XW-ns1/svc1/tcp/p80 }
add element ip kube-proxy service-ips { 172.30.0.42 . tcp . 8080 : goto service-MHHHYRWA-ns2/svc2/tcp/p8080 }

add chain ip kube-proxy service-ULMVA6XW-ns1/svc1/tcp/p80
add rule ip kube-proxy service-ULMVA6XW-ns1/svc1/tcp/p80 ip daddr 172.30.0.41 ip saddr != 10.0.0.0/8 jump mark-for-masquerade
add rule ip kube-proxy service-ULMVA6XW-ns1/svc1/tcp/p80 numgen random mod 1 vmap { 0 : goto endpoint-5TPGNJF2-ns1/svc1/tcp/p80__10.0.1.1/80 }
add chain ip kube-proxy endpoint-5TPGNJF2-ns1/svc1/tcp/p80__10.0.1.1/80
add rule ip kube-proxy endpoint-5TPGNJF2-ns1/svc1/tcp/p80__10.0.1.1/80 ip saddr 10.0.1.1 jump mark-for-masquerade
add rule ip kube-proxy endpoint-5TPGNJF2-ns1/svc1/tcp/p80__10.0.1.1/80 meta l4proto tcp dnat to 10.0.1.1:80

add chain ip kube-proxy service-MHHHYRWA-ns2/svc2/tcp/p8080
add rule ip kube-proxy service-MHHHYRWA-ns2/svc2/tcp/p8080 ip daddr 172.30.0.42 ip saddr != 10.0.0.0/8 jump mark-for-masquerade
add rule ip kube-proxy service-MHHHYRWA-ns2/svc2/tcp/p8080 numgen random mod 1 vmap { 0 : goto endpoint-7RVP4LUQ-ns2/svc2/tcp/p8080__10.0.2.1/8080 }
add chain ip kube-proxy endpoint-7RVP4LUQ-ns2/svc2/tcp/p8080__10.0.2.1/8080
add rule ip kube-proxy endpoint-7RVP4LUQ-ns2/svc2/tcp/p8080__10.0.2.1/8080 ip saddr 10.0.2.1 jump mark-for-masquerade
add rule ip kube-proxy endpoint-7RVP4LUQ-ns2/svc2/tcp/p8080__10.0.2.1/8080 meta l4proto tcp dnat to 10.0.2.1:8080
`;
const REPEATED_SECOND = REPEATED_FIRST + `
add element ip kube-proxy cluster-ips { 172.30.0.43 }
add element ip kube-proxy service-ips { 172.30.0.43 . tcp . 80 : goto service-4AT6LBPK-ns3/svc3/tcp/p80 }

add chain ip kube-proxy service-4AT6LBPK-ns3/svc3/tcp/p80
add rule ip kube-proxy service-4AT6LBPK-ns3/svc3/tcp/p80 ip daddr 172.30.0.43 ip saddr != 10.0.0.0/8 jump mark-for-masquerade
add rule ip kube-proxy service-4AT6LBPK-ns3/svc3/tcp/p80 numgen random mod 1 vmap { 0 : goto endpoint-2OCDJSZQ-ns3/svc3/tcp/p80__10.0.3.1/80 }
add chain ip kube-proxy endpoint-2OCDJSZQ-ns3/svc3/tcp/p80__10.0.3.1/80
add rule ip kube-proxy endpoint-2OCDJSZQ-ns3/svc3/tcp/p80__10.0.3.1/80 ip saddr 10.0.3.1 jump mark-for-masquerade
add rule ip kube-proxy endpoint-2OCDJSZQ-ns3/svc3/tcp/p80__10.0.3.1/80 meta l4proto tcp dnat to 10.0.3.1:80
`;

/** TestSyncProxyRulesRepeated's world: ClusterIP Services with one endpoint each, none on test-node. */
function repeatedCluster(withSvc3: boolean): Cluster {
  const c = overallCluster();
  const svcs: Array<[string, string, string, number, string]> = [
    ['ns1', 'svc1', '172.30.0.41', 80, '10.0.1.1'], ['ns2', 'svc2', '172.30.0.42', 8080, '10.0.2.1'],
    ...(withSvc3 ? [['ns3', 'svc3', '172.30.0.43', 80, '10.0.3.1'] as [string, string, string, number, string]] : []),
  ];
  c.nodes[0]!.pods = [];
  c.nodes[1]!.pods = svcs.map(([ns, name, , , ip]) => ({
    name: `${name}-ep`, namespace: ns, node: 'elsewhere', ip, labels: { 'upstream-svc': name }, hostNetwork: false, dnsPolicy: 'ClusterFirst' as const, ports: [],
  }));
  c.services = svcs.map(([ns, name, clusterIP, port]) => ({
    name, namespace: ns, type: 'ClusterIP' as const, clusterIP, selector: { 'upstream-svc': name },
    ports: [{ name: `p${port}`, protocol: 'TCP' as const, port, targetPort: port }],
    externalTrafficPolicy: 'Cluster' as const, internalTrafficPolicy: 'Cluster' as const, sessionAffinity: 'None' as const,
  }));
  return c;
}

describe('kube-proxy nftables golden (upstream TestSyncProxyRulesRepeated @ 81810de6)', () => {
  it('matches the table after the first sync', () => {
    expect(normalise(kubeProxyNftablesTable(repeatedCluster(false), { node: 'test-node' })).lines).toEqual(normalise(REPEATED_FIRST).lines);
  });
  it('matches the table after ns3/svc3 was added', () => {
    expect(normalise(kubeProxyNftablesTable(repeatedCluster(true), { node: 'test-node' })).lines).toEqual(normalise(REPEATED_SECOND).lines);
  });
});

describe('nftables chain names (proxier.go hashAndTruncate)', () => {
  it('matches the names in TestOverallNFTablesRules', () => {
    expect(servicePortChainNameBase({ namespace: 'ns1', name: 'svc1' }, 'p80', 'tcp')).toBe('ULMVA6XW-ns1/svc1/tcp/p80');
    expect(endpointChainNameBase({ namespace: 'ns5', name: 'svc5' }, 'p80', 'tcp', '10.180.0.3', 80)).toBe('GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80');
  });
  it('truncates names longer than 240 characters with "..."', () => {
    const long = hashAndTruncate('x'.repeat(300));
    expect(long).toHaveLength(240);
    expect(long.endsWith('...')).toBe(true);
  });
});

describe('kubeProxyNftablesRules (one Service)', () => {
  it('lists the Service block only, and explains skipped Services', () => {
    const text = kubeProxyNftablesRules(overallCluster(), 'ns6/svc6', { node: 'test-node' });
    expect(text).toBe('# ns6/svc6\nadd element ip kube-proxy cluster-ips { 172.30.0.46 }\nadd element ip kube-proxy no-endpoint-services { 172.30.0.46 . tcp . 80 comment "ns6/svc6:p80" : goto reject-chain }\n');
    const c = overallCluster();
    c.services.push({ ...c.services[0]!, name: 'headless', clusterIP: 'None' });
    expect(kubeProxyNftablesRules(c, 'ns1/headless')).toMatch(/headless/);
  });
  it('drops (not rejects) when internalTrafficPolicy is Local and no endpoint is local', () => {
    const c = overallCluster();
    c.services[0]!.internalTrafficPolicy = 'Local';
    expect(kubeProxyNftablesRules(c, 'ns1/svc1', { node: 'test-node' })).toContain('add element ip kube-proxy no-endpoint-services { 172.30.0.41 . tcp . 80 comment "ns1/svc1:p80" : drop }');
  });
});
