// Sources: kubernetes pkg/proxy/iptables/proxier_test.go TestNonLocalExternalIPs (a ClusterIP
// Service ns1/svc1:p80 172.30.0.41 with externalIPs [192.168.99.11] and one EndpointSlice built by
// hand: 10.180.0.1 without nodeName, 10.180.2.1 on the test host; cluster CIDR 10.0.0.0/8), and
// TestExternalTrafficPolicyLocal (the same Service with externalTrafficPolicy Local); pkg/proxy/
// endpointslicecache.go (slice ports joined to Service ports by name; first address used).
import { describe, expect, it } from 'vitest';
import { kubeProxyServiceRules } from '../../../src/derive/kube-proxy-rules.ts';
import { manualSliceEndpoints, slicesOfService } from '../../../src/derive/manual-endpoints.ts';
import type { Cluster, EndpointSlice, Service } from '../../../src/model/types.ts';
import { threeNodeCluster } from './fixtures.ts';

const SLICE: EndpointSlice = {
  name: 'svc1-1', namespace: 'ns1', service: 'svc1', managedBy: 'staff', addressType: 'IPv4',
  ports: [{ name: 'p80', protocol: 'TCP', port: 80 }],
  endpoints: [
    { addresses: ['10.180.0.1'], ready: true, serving: true, terminating: false },
    { addresses: ['10.180.2.1'], ready: true, serving: true, terminating: false, nodeName: 'cp' },
  ],
};

/** proxier_test.go's world for the external IP tests, with the endpoints in a hand-written slice. */
function externalIPCluster(patch: Partial<Service> = {}, slices: EndpointSlice[] = [SLICE]): Cluster {
  const c = threeNodeCluster();
  c.network.clusterCIDR = '10.0.0.0/8';
  c.services = [{
    name: 'svc1', namespace: 'ns1', type: 'ClusterIP', clusterIP: '172.30.0.41', externalIPs: ['192.168.99.11'],
    ports: [{ name: 'p80', protocol: 'TCP', port: 80, targetPort: 80 }],
    externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster', sessionAffinity: 'None', ...patch,
  }];
  c.endpointSlices = slices;
  return c;
}

describe('external IPs (proxier.go "Capture externalIPs")', () => {
  it('reproduces TestNonLocalExternalIPs: the external IP jumps to KUBE-EXT, which masquerades', () => {
    const c = externalIPCluster();
    const r = kubeProxyServiceRules(c, c.services[0]!, { node: 'cp' });
    expect(r.filterRules).toEqual([]);
    expect([...r.natChains].sort()).toEqual([
      ':KUBE-EXT-XPGD46QRK7WJZT7O - [0:0]',
      ':KUBE-SEP-SXIVWICOYRO3J4NJ - [0:0]',
      ':KUBE-SEP-ZX7GRIZKSNUQ3LAJ - [0:0]',
      ':KUBE-SVC-XPGD46QRK7WJZT7O - [0:0]',
    ]);
    const chain = (name: string): string[] => r.natRules.filter((l) => l.startsWith(`-A ${name} `));
    expect(chain('KUBE-SERVICES')).toEqual([
      '-A KUBE-SERVICES -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d 172.30.0.41 --dport 80 -j KUBE-SVC-XPGD46QRK7WJZT7O',
      '-A KUBE-SERVICES -m comment --comment "ns1/svc1:p80 external IP" -m tcp -p tcp -d 192.168.99.11 --dport 80 -j KUBE-EXT-XPGD46QRK7WJZT7O',
    ]);
    expect(chain('KUBE-EXT-XPGD46QRK7WJZT7O')).toEqual([
      '-A KUBE-EXT-XPGD46QRK7WJZT7O -m comment --comment "masquerade traffic for ns1/svc1:p80 external destinations" -j KUBE-MARK-MASQ',
      '-A KUBE-EXT-XPGD46QRK7WJZT7O -j KUBE-SVC-XPGD46QRK7WJZT7O',
    ]);
    expect(chain('KUBE-SVC-XPGD46QRK7WJZT7O')).toEqual([
      '-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d 172.30.0.41 --dport 80 ! -s 10.0.0.0/8 -j KUBE-MARK-MASQ',
      '-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 -> 10.180.0.1:80" -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-SXIVWICOYRO3J4NJ',
      '-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 -> 10.180.2.1:80" -j KUBE-SEP-ZX7GRIZKSNUQ3LAJ',
    ]);
    expect(chain('KUBE-SEP-ZX7GRIZKSNUQ3LAJ')).toEqual([
      '-A KUBE-SEP-ZX7GRIZKSNUQ3LAJ -m comment --comment ns1/svc1:p80 -s 10.180.2.1 -j KUBE-MARK-MASQ',
      '-A KUBE-SEP-ZX7GRIZKSNUQ3LAJ -m comment --comment ns1/svc1:p80 -m tcp -p tcp -j DNAT --to-destination 10.180.2.1:80',
    ]);
  });

  it('keeps the client address with externalTrafficPolicy Local (TestExternalTrafficPolicyLocal\'s KUBE-EXT chain)', () => {
    const c = externalIPCluster({ externalTrafficPolicy: 'Local' });
    const r = kubeProxyServiceRules(c, c.services[0]!, { node: 'cp' });
    expect(r.natRules.filter((l) => l.startsWith('-A KUBE-EXT-'))).toEqual([
      '-A KUBE-EXT-XPGD46QRK7WJZT7O -m comment --comment "pod traffic for ns1/svc1:p80 external destinations" -s 10.0.0.0/8 -j KUBE-SVC-XPGD46QRK7WJZT7O',
      '-A KUBE-EXT-XPGD46QRK7WJZT7O -m comment --comment "masquerade LOCAL traffic for ns1/svc1:p80 external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ',
      '-A KUBE-EXT-XPGD46QRK7WJZT7O -m comment --comment "route LOCAL traffic for ns1/svc1:p80 external destinations" -m addrtype --src-type LOCAL -j KUBE-SVC-XPGD46QRK7WJZT7O',
      '-A KUBE-EXT-XPGD46QRK7WJZT7O -j KUBE-SVL-XPGD46QRK7WJZT7O',
    ]);
    expect(r.natRules).toContain('-A KUBE-SVL-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 -> 10.180.2.1:80" -j KUBE-SEP-ZX7GRIZKSNUQ3LAJ');
  });

  it('rejects traffic to the external IP in the filter table when there is no endpoint', () => {
    const c = externalIPCluster({}, []);
    const r = kubeProxyServiceRules(c, c.services[0]!);
    expect(r.natRules).toEqual([]);
    expect(r.filterRules).toEqual([
      '-A KUBE-SERVICES -m comment --comment "ns1/svc1:p80 has no endpoints" -m tcp -p tcp -d 172.30.0.41 --dport 80 -j REJECT',
      '-A KUBE-EXTERNAL-SERVICES -m comment --comment "ns1/svc1:p80 has no endpoints" -m tcp -p tcp -d 192.168.99.11 --dport 80 -j REJECT',
    ]);
  });
});

describe('manualSliceEndpoints', () => {
  it('takes the first address and the slice port whose name and protocol match the Service port', () => {
    const slice: EndpointSlice = {
      ...SLICE,
      ports: [{ name: 'other', protocol: 'TCP', port: 9000 }, { name: 'p80', protocol: 'TCP', port: 5432 }],
      endpoints: [{ addresses: ['192.0.2.10', '192.0.2.11'], ready: false, serving: true, terminating: true }],
    };
    const c = externalIPCluster({}, [slice]);
    expect(manualSliceEndpoints(c, c.services[0]!, c.services[0]!.ports[0]!)).toEqual([
      { slice: 'svc1-1', ip: '192.0.2.10', port: 5432, nodeName: '', conditions: { ready: false, serving: true, terminating: true } },
    ]);
  });
  it('gives nothing for a port no slice names, and only slices of the same Service and namespace', () => {
    const c = externalIPCluster({ ports: [{ name: 'https', protocol: 'TCP', port: 443, targetPort: 443 }] },
      [SLICE, { ...SLICE, name: 'other-ns', namespace: 'ns2' }, { ...SLICE, name: 'other-svc', service: 'svc2' }]);
    expect(manualSliceEndpoints(c, c.services[0]!, c.services[0]!.ports[0]!)).toEqual([]);
    expect(slicesOfService(c, c.services[0]!).map((s) => s.name)).toEqual(['svc1-1']);
  });
});
