// kube-proxy's IPv6 proxier (iptables mode, i.e. ip6tables-restore input). A dual-stack kube-proxy
// runs one proxier per family; each sees the ClusterIP and the EndpointSlice of its family
// (pkg/proxy/serviceport.go, endpointslicecache.go). proxier.go: endpoints print as
// net.JoinHostPort ("[ip]:port"), the 127.0.0.0/8 nfacct NodePort rule is IPv4-only
// (`proxier.ipFamily == v1.IPv4Protocol`), and the IPv6 tail rule excludes ::1/128.
import { describe, expect, it } from 'vitest';
import { kubeProxyNftablesRules } from '../../../src/derive/kube-proxy-nftables.ts';
import { endpointChainName, kubeProxyNatTable, kubeProxyRules, NODEPORTS_TAIL_RULE_IPV6, serviceChainNames } from '../../../src/derive/kube-proxy-rules.ts';
import { validateCluster, type ClusterInput } from '../../../src/model/index.ts';
import definition from '../../../diagrams/dual-stack.ts';

const cluster = validateCluster(definition, { file: 'diagrams/dual-stack.ts' }).cluster!;

describe('kube-proxy IPv6 rules', () => {
  const v6 = kubeProxyRules(cluster, 'default/web', { family: 'IPv6' });
  const v4 = kubeProxyRules(cluster, 'default/web', { family: 'IPv4' });

  it('matches the IPv6 ClusterIP and masquerades sources outside the IPv6 cluster CIDR', () => {
    const svc = serviceChainNames('default/web:http', 'tcp').cluster;
    expect(v6).toContain(`-A KUBE-SERVICES -m comment --comment "default/web:http cluster IP" -m tcp -p tcp -d fd00:10:96::1 --dport 80 -j ${svc}`);
    expect(v6).toContain(`-d fd00:10:96::1 --dport 80 ! -s fd00:10:244::/56 -j KUBE-MARK-MASQ`);
  });
  it('DNATs to bracketed IPv6 endpoints, whose SEP chain names hash the bracketed form', () => {
    const sep = endpointChainName('default/web:http', 'tcp', '[fd00:10:244::3]:8080');
    expect(v6).toContain(`-A ${sep} -m comment --comment default/web:http -m tcp -p tcp -j DNAT --to-destination [fd00:10:244::3]:8080`);
    expect(v6).toContain(`-A ${sep} -m comment --comment default/web:http -s fd00:10:244::3 -j KUBE-MARK-MASQ`);
  });
  it('shares the KUBE-SVC chain name with the IPv4 proxier (the hash is of name and protocol), not the SEP names', () => {
    const svc = serviceChainNames('default/web:http', 'tcp').cluster;
    expect(v4).toContain(`-j ${svc}`);
    expect(v4).not.toContain('fd00:');
    expect(v6).not.toContain('10.244.');
  });
  it('writes nothing for a single-stack Service in the other family', () => {
    expect(kubeProxyRules(cluster, 'kube-system/kube-dns', { family: 'IPv6' })).toMatch(/^# kube-proxy's IPv6 proxier writes no rules/);
  });
  it('ends the IPv6 nat table with the ::1-excluding NodePorts rule and no nfacct rule', () => {
    const input = structuredClone(definition) as ClusterInput;
    input.services!.push({ name: 'web-np', type: 'NodePort', selector: { app: 'web' }, ipFamilyPolicy: 'RequireDualStack', ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }] });
    const c = validateCluster(input, { file: 'diagrams/dual-stack.ts' }).cluster!;
    const table = kubeProxyNatTable(c, { family: 'IPv6' });
    expect(table.trimEnd().split('\n').at(-2)).toBe(NODEPORTS_TAIL_RULE_IPV6);
    expect(table).not.toContain('nfacct');
    expect(kubeProxyNatTable(c, { family: 'IPv4' })).toContain('-d 127.0.0.0/8 --dport 30080 -m nfacct');
  });
});

describe('kube-proxy nftables, IPv6 proxier (table ip6 kube-proxy)', () => {
  // pkg/proxy/nftables/proxier.go: the IPv6 proxier's table is `ip6 kube-proxy`, its rules match
  // `ip6 daddr` / `ip6 saddr`, and it DNATs to net.JoinHostPort(ip, port).
  const v6 = kubeProxyNftablesRules(cluster, 'default/web', { family: 'IPv6' });
  it('writes into ip6 kube-proxy with ip6 matches and the IPv6 cluster CIDR', () => {
    expect(v6.split('\n').filter((l) => l.startsWith('add ')).every((l) => / ip6 kube-proxy /.test(l))).toBe(true);
    expect(v6).toMatch(/ip6 daddr fd00:10:96::1 ip6 saddr != fd00:10:244::\/56 jump mark-for-masquerade/);
    expect(v6).toContain('add element ip6 kube-proxy cluster-ips { fd00:10:96::1 }');
  });
  it('DNATs to bracketed IPv6 endpoints, and names their chains with dots for colons', () => {
    expect(v6).toMatch(/meta l4proto tcp dnat to \[fd00:10:244::3\]:8080/);
    expect(v6).toMatch(/endpoint-[A-Z0-9]{8}-default\/web\/tcp\/http__fd00\.10\.244\.\.3\/8080/);
  });
  it('the IPv4 proxier keeps ip kube-proxy and writes nothing for IPv6', () => {
    const v4 = kubeProxyNftablesRules(cluster, 'default/web', { family: 'IPv4' });
    expect(v4).toContain('add element ip kube-proxy cluster-ips { 10.96.0.2 }');
    expect(v4).not.toContain('fd00:');
    expect(kubeProxyNftablesRules(cluster, 'kube-system/kube-dns', { family: 'IPv6' })).toMatch(/^# kube-proxy's IPv6 proxier writes nothing/);
  });
});
