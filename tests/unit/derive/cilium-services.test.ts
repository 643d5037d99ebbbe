// Sources (cilium/cilium): cilium-dbg/cmd/service_list.go printServiceList (tabwriter minwidth 5,
// padding 3; header `Frontend\tService Type\tBackend\t`; rows sorted by frontend text; backends
// `N => <addr> (<state>)`); pkg/loadbalancer L3n4Addr.String (`ip:port/PROTO`);
// Documentation/network/kubernetes/kubeproxy-free.rst (a NodePort Service lists its ClusterIP,
// `0.0.0.0:<nodePort>` and one frontend per node address); pkg/datapath/iptables ciliumChains.
// Go text/tabwriter: a terminated cell is padded to max(minwidth, widest cell + padding).
import { describe, expect, it } from 'vitest';
import {
  CILIUM_CHAINS, ciliumNodeChains, ciliumServiceList, ciliumServiceListText, kubeProxyNatRuleCount, tabwriterFormat,
} from '../../../src/derive/cilium-services.ts';
import type { Cluster } from '../../../src/model/types.ts';
import { threeNodeCluster } from './fixtures.ts';

const withReplacement = (): Cluster => threeNodeCluster({ name: 'cilium', routingMode: 'tunnel', kubeProxyReplacement: true });

describe('tabwriterFormat', () => {
  it('pads every terminated cell to the widest cell plus 3, at least 5', () => {
    expect(tabwriterFormat([['a', 'bb'], ['ccc', 'd']])).toBe('a     bb   \nccc   d    \n');
    expect(tabwriterFormat([['Frontend', ''], ['', 'x']])).toBe('Frontend        \n           x    \n');
  });
});

describe('ciliumServiceList', () => {
  it('lists the ClusterIP, 0.0.0.0 and node-address frontends of a NodePort Service with its ready backends', () => {
    const fes = ciliumServiceList(withReplacement(), 'worker-1').filter((f) => f.service === 'default/web-np');
    expect(fes.map((f) => [f.frontend, f.type])).toEqual([
      ['0.0.0.0:30080/TCP', 'NodePort'], ['10.96.100.20:80/TCP', 'ClusterIP'], ['192.168.1.11:30080/TCP', 'NodePort'],
    ]);
    expect(fes[0]!.backends).toEqual([{ address: '10.244.1.5:8080/TCP', state: 'active' }, { address: '10.244.2.7:8080/TCP', state: 'active' }]);
  });
  it('adds default/kubernetes towards the apiserver and leaves out headless and ExternalName Services', () => {
    const fes = ciliumServiceList(withReplacement(), 'cp');
    expect(fes.find((f) => f.service === 'default/kubernetes')).toEqual({
      frontend: '10.96.0.1:443/TCP', type: 'ClusterIP', service: 'default/kubernetes', backends: [{ address: '192.168.1.10:6443/TCP', state: 'active' }],
    });
    expect(fes.some((f) => f.service === 'default/db' || f.service === 'default/ext')).toBe(false);
  });
  it('sorts by the frontend text as Go compares strings: 10.96.0.10:… before 10.96.0.1:…', () => {
    const order = ciliumServiceList(withReplacement(), 'cp').map((f) => f.frontend);
    expect(order.indexOf('10.96.0.10:53/UDP')).toBeLessThan(order.indexOf('10.96.0.1:443/TCP'));
    expect([...order].sort()).toEqual(order);
  });
  it('keeps a terminating endpoint that still serves as a terminating backend, drops a not-ready one', () => {
    const c = withReplacement();
    c.nodes[1]!.pods[0]!.terminating = true;
    c.nodes[2]!.pods[0]!.ready = false;
    const web = ciliumServiceList(c, 'cp').find((f) => f.frontend === '10.96.100.10:80/TCP')!;
    expect(web.backends).toEqual([{ address: '10.244.1.5:8080/TCP', state: 'terminating' }]);
  });
  it('refuses Local traffic policies, whose scoped frontends are not modelled', () => {
    const c = withReplacement();
    c.services[2]!.externalTrafficPolicy = 'Local';
    expect(() => ciliumServiceList(c, 'cp')).toThrow(/Local traffic policy/);
  });
});

describe('ciliumServiceListText', () => {
  it('prints the header, the first backend on the frontend row and the others under it', () => {
    const lines = ciliumServiceListText(withReplacement(), 'worker-1').split('\n');
    expect(lines[0]).toBe('Frontend                 Service Type   Backend                               ');
    const at = lines.findIndex((l) => l.startsWith('10.96.100.10:80/TCP '));
    expect(lines[at]).toBe('10.96.100.10:80/TCP      ClusterIP      1 => 10.244.1.5:8080/TCP (active)     ');
    expect(lines[at + 1]).toBe('                                        2 => 10.244.2.7:8080/TCP (active)     ');
  });
});

describe('iptables chains on a Cilium node', () => {
  it('keeps Cilium’s and kubelet’s chains, and kube-proxy’s only without the replacement', () => {
    const replaced = ciliumNodeChains(withReplacement());
    expect(replaced.filter((c) => c.owner === 'cilium')).toEqual(CILIUM_CHAINS);
    expect(replaced.filter((c) => c.owner === 'kubelet').map((c) => c.table)).toEqual(['mangle', 'nat', 'filter']);
    expect(replaced.some((c) => c.owner === 'kube-proxy')).toBe(false);
    const kept = ciliumNodeChains(threeNodeCluster({ name: 'cilium', routingMode: 'tunnel' }));
    expect(kept.filter((c) => c.owner === 'kube-proxy').map((c) => c.chain)).toContain('KUBE-SERVICES');
    expect(() => ciliumNodeChains(threeNodeCluster())).toThrow(/cilium/);
  });
  it('counts the nat rules kube-proxy would have written', () => {
    expect(kubeProxyNatRuleCount(withReplacement())).toBeGreaterThan(10);
  });
});
