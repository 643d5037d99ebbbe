// The words of a packet walk: what each step, link and encapsulation reads like on the pages.
import { describe, expect, it } from 'vitest';
import { packetWalk, type HopStep } from '../../../src/derive/packet-walk.ts';
import { describeWalk, encapsulationText, outerSourcePortText, stepShortText, stepText, viaText } from '../../../src/mermaid/describe-walk.ts';
import { networkPlugin } from '../../../src/plugins/index.ts';
import { threeNodeCluster } from '../derive/fixtures.ts';

const flannel = networkPlugin({ name: 'flannel', backend: 'vxlan' });
const bgp = networkPlugin({ name: 'calico', mode: 'bgp' });

describe('step and link words', () => {
  it('words DNAT with its chains, hook and node', () => {
    const step: HopStep = { kind: 'dnat', from: '10.96.0.20:80', to: '10.244.1.2:8080', chains: ['KUBE-SERVICES', 'KUBE-SVC-A', 'KUBE-SEP-B'], hook: 'PREROUTING', node: 'node-1', protocol: 'TCP' };
    expect(stepText(step, flannel)).toBe('kube-proxy DNAT 10.96.0.20:80 → 10.244.1.2:8080 (KUBE-SERVICES → KUBE-SVC-A → KUBE-SEP-B) in nat PREROUTING on node-1');
  });
  it('words the route of a crossing: the tunnel wraps it, or the plugin says how it is routed, with the pod MTU it leaves', () => {
    const crossing = flannel.interNode!.crossing(threeNodeCluster().nodes[1]!, threeNodeCluster().nodes[2]!, 'eth0');
    const mtu = { ...flannel.podMTU(1500), interfaceMTU: 1500 };
    expect(stepText({ kind: 'route', crossing, mtu }, flannel)).toBe(
      'route 10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink: flannel.1 wraps the packet in VXLAN; pod MTU 1450 = eth0 MTU 1500 − 50 bytes (VXLAN)',
    );
    expect(stepShortText({ kind: 'route', crossing, mtu }, flannel)).toBe('route 10.244.2.0/24 via 10.244.2.0: flannel.1 wraps it in VXLAN; pod MTU 1450');
    const native = { route: { dst: '192.168.0.128/26', via: '192.168.1.12', dev: 'eth0', proto: 'bird' }, device: 'eth0', sourceAddress: '192.168.1.11' };
    expect(stepText({ kind: 'route', crossing: native, mtu: { ...bgp.podMTU(1500), interfaceMTU: 1500 } }, bgp)).toBe(
      'route 192.168.0.128/26 via 192.168.1.12 dev eth0 proto bird: routed unchanged (BGP); pod MTU 1500 = eth0 MTU 1500 (no encapsulation)',
    );
  });
  it('words each kind of link', () => {
    expect(viaText({ kind: 'pod-to-host', hostDevice: 'cni0' })).toBe('eth0 of the pod → veth → cni0');
    expect(viaText({ kind: 'host-to-pod', hostDevice: 'cni0', wiring: 'bridge', sameNode: true, podIP: '10.244.1.2' })).toBe('cni0 bridge → veth → eth0 of the pod');
    expect(viaText({ kind: 'host-to-pod', hostDevice: 'cali0', wiring: 'routed', sameNode: true, podIP: '10.0.0.5' })).toBe('route 10.0.0.5 dev cali0 → eth0 of the pod');
    expect(viaText({ kind: 'host-to-pod', hostDevice: 'cali0', wiring: 'routed', sameNode: false, podIP: '10.0.0.5' })).toBe('cali0 → veth → eth0 of the pod');
    expect(viaText({ kind: 'node-to-node', tunnel: 'tunl0' })).toBe('tunl0 → eth0 ⇒ eth0 → tunl0 (decapsulated)');
    expect(viaText({ kind: 'node-to-node' })).toBe('eth0 ⇒ eth0');
    expect(viaText({ kind: 'network-to-node', node: 'node-1' })).toBe('network → eth0 of node-1');
  });
  it('says the outer source port is a flow hash, with its range, and that the value is an example', () => {
    expect(outerSourcePortText({ port: 45000, range: { min: 32768, max: 60999 } })).toBe(
      'outer source port 45000 is a hash of the inner flow scaled into 32768–60999 ' +
        'by Linux udp_flow_src_port; the real value depends on a per-boot hash seed, this one is an example',
    );
  });
  it('words MASQUERADE --random-fully with the random port range', () => {
    const step: HopStep = { kind: 'masquerade', from: '203.0.113.10:40000', to: '10.244.1.0:21739', randomFully: true, portRange: { min: 1024, max: 65535 }, reason: 'external' };
    expect(stepText(step, flannel)).toBe(
      'KUBE-EXT marks the packet (KUBE-MARK-MASQ, externalTrafficPolicy Cluster); KUBE-POSTROUTING MASQUERADE --random-fully rewrites the source ' +
        '203.0.113.10:40000 → 10.244.1.0:21739; the new source port is random from 1024–65535, 21739 is an example',
    );
    expect(stepText({ ...step, reason: 'hairpin' }, flannel)).toMatch(/^KUBE-SEP marks the packet \(KUBE-MARK-MASQ: the endpoint is the sender itself, hairpin\); /);
    expect(stepText({ ...step, reason: 'outside-cluster-cidr' }, flannel)).toMatch(/^KUBE-SVC marks the packet \(KUBE-MARK-MASQ: the source is outside the cluster CIDR\); /);
  });
  it('words encapsulations with their ports and identifiers', () => {
    expect(encapsulationText({ kind: 'vxlan', udpPort: 4789, vni: 4096 })).toBe('VXLAN (UDP port 4789, VNI 4096)');
    expect(encapsulationText({ kind: 'ipip' })).toBe('IP-in-IP (IP protocol 4)');
  });
});

describe('describeWalk', () => {
  it('titles and summarises a walk from its story, with the plugin sentence between nodes', () => {
    const words = describeWalk(packetWalk(threeNodeCluster(), { kind: 'pod-to-pod', from: 'client', to: 'web-2' }), flannel);
    expect(words.title).toBe('pod default/client → pod default/web-2');
    expect(words.summary).toBe(`The pods run on different nodes; ${flannel.interNode!.walkSentence} Pod addresses are never rewritten.`);
    expect(words.participants.map((p) => p.label)).toEqual(['pod default/client (10.244.1.6)', 'node worker-1 (192.168.1.11)', 'node worker-2 (192.168.1.12)', 'pod default/web-2 (10.244.2.7)']);
    expect(words.hops[1]!.outer).toEqual({
      src: expect.stringMatching(/^192\.168\.1\.11:(3[3-9]|[45]\d|60)\d{3}$/), dst: '192.168.1.12:8472', encapsulation: 'VXLAN (UDP port 8472, VNI 1)',
      sourcePort: expect.stringMatching(/^outer source port \d+ is a hash of the inner flow/),
    });
  });
  it('says when a Service walk masquerades (hairpin, host-network source) and when the source stays', () => {
    const c = threeNodeCluster();
    expect(describeWalk(packetWalk(c, { kind: 'pod-to-service', from: 'client', service: 'web' }), flannel).summary).toContain('the source stays the pod IP');
    expect(describeWalk(packetWalk(c, { kind: 'pod-to-service', from: 'web-1', service: 'web', endpoint: 'web-1' }), flannel).summary)
      .toContain('the pod reached itself through the Service (hairpin), so kube-proxy also masquerades the source to 10.244.1.1 with a random source port');
    expect(describeWalk(packetWalk(c, { kind: 'pod-to-service', from: 'kube-system/node-agent', service: 'web', endpoint: 'web-2' }), flannel).summary)
      .toContain('the source is outside the cluster CIDR (a host-network pod), so kube-proxy also masquerades the source to 10.244.2.1');
  });
  it('says whether a NodePort walk masquerades the client', () => {
    const c = threeNodeCluster();
    const cluster = describeWalk(packetWalk(c, { kind: 'external-to-nodeport', node: 'worker-1', service: 'web-np', endpoint: 'web-2' }), flannel);
    expect(cluster.summary).toContain('masquerades the source to 10.244.1.0 with a random source port so the reply comes back through worker-1');
    expect(cluster.summary).toContain('never sees the client IP or port');
    c.services[2]!.externalTrafficPolicy = 'Local';
    const local = describeWalk(packetWalk(c, { kind: 'external-to-nodeport', node: 'worker-2', service: 'web-np' }), flannel);
    expect(local.summary).toContain('externalTrafficPolicy Local keeps the client IP 203.0.113.10');
  });
});

// Cilium: socket-LB (bpf_sock connect4), per-packet LB on the lxc veth, the ipcache lookup that
// picks the tunnel, and the VNI carrying the sender's identity (bpf/lib/encap.h tunnel_id = seclabel).
describe('Cilium words', () => {
  const cilium = networkPlugin({ name: 'cilium', routingMode: 'tunnel', kubeProxyReplacement: true });
  it('says the ClusterIP never leaves the socket with socket-LB, and per packet otherwise', () => {
    const socket: HopStep = { kind: 'ebpf-lb', at: 'socket', from: '10.96.0.20:80', to: '10.0.0.21:8080', by: 'Cilium socket-LB', hook: 'the connect() hook rewrites it', node: 'node-2' };
    expect(stepText(socket, cilium)).toBe('Cilium socket-LB on node-2: the connect() hook rewrites it, so the connection to 10.96.0.20:80 is opened to 10.0.0.21:8080 and no packet carries 10.96.0.20:80');
    expect(stepText({ ...socket, at: 'packet', by: 'per-packet LB', hook: 'the lxc program rewrites it' }, cilium)).toBe('per-packet LB on node-2: the lxc program rewrites it (10.96.0.20:80 → 10.0.0.21:8080, no iptables)');
  });
  it('words the ipcache lookup instead of the kernel route, and the redirect into a local pod', () => {
    const [, n1, n2] = threeNodeCluster({ name: 'cilium', routingMode: 'tunnel' }).nodes;
    const crossing = cilium.interNode!.crossing(n1!, n2!, 'eth0');
    const mtu = { ...cilium.podMTU(1500), interfaceMTU: 1500 };
    expect(stepText({ kind: 'route', crossing, mtu }, cilium)).toBe(
      "the program on the pod's lxc veth finds 10.244.2.0/24 at node 192.168.1.12 in its ipcache map: cilium_vxlan wraps the packet in VXLAN " +
        '(the kernel route 10.244.2.0/24 via 10.244.1.1 dev cilium_host proto kernel src 10.244.1.1 mtu 1450 is for traffic the host itself sends); ' +
        'pod MTU 1450 = eth0 MTU 1500 − 50 bytes (VXLAN)',
    );
    expect(viaText({ kind: 'host-to-pod', hostDevice: 'lxc*', wiring: 'redirect', sameNode: true, podIP: '10.0.0.5' })).toBe('eBPF redirect to lxc* → eth0 of the pod');
  });
  it('names Geneve and a VNI that is the sender identity', () => {
    expect(encapsulationText({ kind: 'geneve', udpPort: 6081, vni: 'sender-identity' })).toBe('Geneve (UDP port 6081, VNI = the sender’s security identity)');
    expect(encapsulationText({ kind: 'vxlan', udpPort: 8472, vni: 1 })).toBe('VXLAN (UDP port 8472, VNI 1)');
  });
  it('summarises a socket-LB walk without any DNAT', () => {
    const c = threeNodeCluster({ name: 'cilium', routingMode: 'tunnel', kubeProxyReplacement: true });
    const words = describeWalk(packetWalk(c, { kind: 'pod-to-service', from: 'client', service: 'web', endpoint: 'web-2' }), networkPlugin(c.plugin));
    expect(words.summary).toContain('the cluster IP never appears on the wire');
    expect(words.hops[0]!.shortNotes[0]).toBe('Cilium socket-LB: connect() to 10.96.100.10:80 goes to 10.244.2.7:8080');
  });
});
