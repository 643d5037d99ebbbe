// Sources: Kubernetes tutorial "Using Source IP" (kubernetes.io/docs/tutorials/services/source-ip/):
// NodePort with externalTrafficPolicy Cluster SNATs the client IP, Local preserves it and uses only
// local endpoints; kube-proxy pkg/proxy/iptables/proxier.go (DNAT in KUBE-SEP, KUBE-EXT masquerade);
// flannel Documentation/backends.md (vxlan: Linux default UDP port 8472; host-gw: direct routes);
// Calico docs "Overlay networking" (IP-in-IP encapsulation via tunl0, VXLAN on UDP 4789);
// Linux udp_flow_src_port (VXLAN outer source port = hash of the inner flow in 32768-60999) and
// nf_nat_core.c (MASQUERADE --random-fully: random source port in 1024-65535).
import { describe, expect, it } from 'vitest';
import { packetWalk, prefixPathMatches } from '../../../src/derive/packet-walk.ts';
import { exampleFlowHash, randomFullyPort, udpFlowSourcePort } from '../../../src/net/flow-port.ts';
import type { Cluster } from '../../../src/model/types.ts';
import { threeNodeCluster } from './fixtures.ts';

describe('pod to pod', () => {
  it('stays on the node without address changes when both pods share it', () => {
    const w = packetWalk(threeNodeCluster(), { kind: 'pod-to-pod', from: 'client', to: 'web-1', port: 8080 });
    expect(w.hops.map((h) => [h.from, h.to])).toEqual([['pod:default/client', 'node:worker-1'], ['node:worker-1', 'pod:default/web-1']]);
    expect(w.hops.every((h) => h.packet.src === '10.244.1.6:40000' && h.packet.dst === '10.244.1.5:8080' && !h.outer)).toBe(true);
  });
  it('flannel vxlan: the inner packet is unchanged; the outer header is node to node to UDP 8472 from a flow-hash port', () => {
    const w = packetWalk(threeNodeCluster(), { kind: 'pod-to-pod', from: 'client', to: 'web-2', port: 8080 });
    const between = w.hops[1]!;
    expect([between.from, between.to]).toEqual(['node:worker-1', 'node:worker-2']);
    expect(between.packet).toEqual({ src: '10.244.1.6:40000', dst: '10.244.2.7:8080' });
    const port = udpFlowSourcePort(exampleFlowHash('10.244.1.6:40000>10.244.2.7:8080'));
    expect(port).not.toBe(8472);
    expect(between.outer).toEqual({
      src: `192.168.1.11:${port}`, dst: '192.168.1.12:8472', encapsulation: { kind: 'vxlan', udpPort: 8472, vni: 1 },
      sourcePort: { port, range: { min: 32768, max: 60999 } },
    });
    expect(between.link).toEqual({ kind: 'node-to-node', tunnel: 'flannel.1' });
    expect(between.steps).toEqual([{
      kind: 'route',
      crossing: expect.objectContaining({ route: { dst: '10.244.2.0/24', via: '10.244.2.0', dev: 'flannel.1', onlink: true } }),
      // flannel's FLANNEL_MTU for a 1500-byte eth0 (Calico's MTU table, VXLAN IPv4 column: 1450).
      mtu: { mtu: 1450, overhead: 50, reason: 'VXLAN', interfaceMTU: 1500 },
    }]);
  });
  it('flannel host-gw: no encapsulation, the full interface MTU', () => {
    const w = packetWalk(threeNodeCluster({ name: 'flannel', backend: 'host-gw' }), { kind: 'pod-to-pod', from: 'client', to: 'web-2' });
    expect(w.hops[1]!.outer).toBeUndefined();
    expect(w.hops[1]!.link).toEqual({ kind: 'node-to-node' });
    expect(w.hops[1]!.steps[0]).toMatchObject({ kind: 'route', mtu: { mtu: 1500, overhead: 0 } });
  });
  it('flannel wireguard: one route for the whole pod network on flannel-wg, UDP 51820 on both ends, 80 bytes reserved', () => {
    const w = packetWalk(threeNodeCluster({ name: 'flannel', backend: 'wireguard' }), { kind: 'pod-to-pod', from: 'client', to: 'web-2', port: 8080 });
    const between = w.hops[1]!;
    expect(between.packet).toEqual({ src: '10.244.1.6:40000', dst: '10.244.2.7:8080' });
    expect(between.outer).toEqual({ src: '192.168.1.11:51820', dst: '192.168.1.12:51820', encapsulation: { kind: 'wireguard', udpPort: 51820 } });
    expect(between.link).toEqual({ kind: 'node-to-node', tunnel: 'flannel-wg' });
    expect(between.steps[0]).toMatchObject({
      kind: 'route',
      crossing: { route: { dst: '10.244.0.0/16', dev: 'flannel-wg', scope: 'link' }, sourceAddress: '10.244.1.0' },
      mtu: { mtu: 1420, overhead: 80 },
    });
  });
  it('calico ipip: outer IP header between the node IPs', () => {
    const w = packetWalk(threeNodeCluster({ name: 'calico', mode: 'ipip' }), { kind: 'pod-to-pod', from: 'client', to: 'web-2' });
    expect(w.hops[1]!.outer).toEqual({ src: '192.168.1.11', dst: '192.168.1.12', encapsulation: { kind: 'ipip' } });
    expect(w.hops[1]!.packet.dst).toBe('192.168.0.135:80');
  });
  it('refuses a cross-node walk on the single-node bridge plugin', () => {
    expect(() => packetWalk(threeNodeCluster({ name: 'bridge' }), { kind: 'pod-to-pod', from: 'client', to: 'web-2' })).toThrow(/bridge/);
  });
});

describe('host-network pods', () => {
  it('starts a host-network pod\'s packet on its node, DNAT in nat OUTPUT (locally generated)', () => {
    const w = packetWalk(threeNodeCluster(), { kind: 'pod-to-service', from: 'kube-system/node-agent', service: 'web', endpoint: 'web-2' });
    expect(w.hops[0]!.from).toBe('node:worker-2');
    expect(w.hops[0]!.steps[0]).toMatchObject({ kind: 'dnat', hook: 'OUTPUT', node: 'worker-2' });
  });
  it('masquerades a host-network source (outside the cluster CIDR: KUBE-SVC ! -s <cluster CIDR> -j KUBE-MARK-MASQ) to cni0\'s address', () => {
    const w = packetWalk(threeNodeCluster(), { kind: 'pod-to-service', from: 'kube-system/node-agent', service: 'web', endpoint: 'web-2' });
    const port = randomFullyPort('192.168.1.12:40000>10.96.100.10:80', 40000);
    expect(w.hops[0]!.steps[1]).toEqual({
      kind: 'masquerade', from: '192.168.1.12:40000', to: `10.244.2.1:${port}`, randomFully: true, portRange: { min: 1024, max: 65535 }, reason: 'outside-cluster-cidr',
    });
    expect(w.delivered).toEqual({ src: `10.244.2.1:${port}`, dst: '10.244.2.7:8080' });
    expect(w.story).toMatchObject({ kind: 'pod-to-service', masquerade: { to: '10.244.2.1', reason: 'outside-cluster-cidr' } });
  });
  it('refuses walks to a host-network pod', () => {
    expect(() => packetWalk(threeNodeCluster(), { kind: 'pod-to-pod', from: 'client', to: 'kube-system/node-agent' })).toThrow(/hostNetwork/);
  });
});

describe('pod to ClusterIP Service', () => {
  it('DNATs the cluster IP to the first endpoint in kube-proxy order, resolving the named targetPort', () => {
    const w = packetWalk(threeNodeCluster(), { kind: 'pod-to-service', from: 'client', service: 'web' });
    expect(w.hops[0]!.packet).toEqual({ src: '10.244.1.6:40000', dst: '10.96.100.10:80' });
    expect(w.delivered).toEqual({ src: '10.244.1.6:40000', dst: '10.244.1.5:8080' });
    const dnat = w.hops[1]!.steps[0]!;
    expect(dnat).toMatchObject({ kind: 'dnat', from: '10.96.100.10:80', to: '10.244.1.5:8080', hook: 'PREROUTING', node: 'worker-1' });
    expect(dnat.kind === 'dnat' && dnat.chains).toEqual(['KUBE-SERVICES', expect.stringMatching(/^KUBE-SVC-\w{16}$/), expect.stringMatching(/^KUBE-SEP-\w{16}$/)]);
    expect(w.story).toMatchObject({ kind: 'pod-to-service', vip: '10.96.100.10:80', endpoint: '10.244.1.5:8080', endpointPod: { namespace: 'default', name: 'web-1' } });
  });
  it('keeps the pod source (no masquerade) for a pod in the cluster CIDR reaching another pod', () => {
    const w = packetWalk(threeNodeCluster(), { kind: 'pod-to-service', from: 'client', service: 'web', endpoint: 'web-2' });
    expect(w.hops.flatMap((h) => h.steps).some((s) => s.kind === 'masquerade')).toBe(false);
    expect(w.story).not.toHaveProperty('masquerade');
  });
  it('masquerades hairpin traffic (KUBE-SEP -s <endpoint IP> -j KUBE-MARK-MASQ) to the bridge address', () => {
    const w = packetWalk(threeNodeCluster(), { kind: 'pod-to-service', from: 'web-1', service: 'web', endpoint: 'web-1' });
    const port = randomFullyPort('10.244.1.5:40000>10.96.100.10:80', 40000);
    expect(w.delivered).toEqual({ src: `10.244.1.1:${port}`, dst: '10.244.1.5:8080' });
    expect(w.hops.at(-1)!.steps.map((s) => s.kind === 'masquerade' && s.reason)).toEqual([false, 'hairpin']);
  });
  it('crosses nodes after DNAT when the endpoint is remote', () => {
    const w = packetWalk(threeNodeCluster(), { kind: 'pod-to-service', from: 'client', service: 'web', endpoint: 'web-2' });
    expect(w.hops[1]!.packet.dst).toBe('10.244.2.7:8080');
    expect(w.hops[1]!.outer?.dst).toBe('192.168.1.12:8472');
  });
});

describe('external client to NodePort', () => {
  it('externalTrafficPolicy Cluster: SNAT to the outgoing interface address (flannel.1 for vxlan)', () => {
    const w = packetWalk(threeNodeCluster(), { kind: 'external-to-nodeport', node: 'worker-1', service: 'web-np', endpoint: 'web-2' });
    expect(w.hops[0]!.packet).toEqual({ src: '203.0.113.10:40000', dst: '192.168.1.11:30080' });
    // --random-fully: the port is not kept; the example is derived from the arriving flow.
    const port = randomFullyPort('203.0.113.10:40000>192.168.1.11:30080', 40000);
    expect(port).not.toBe(40000);
    expect(w.delivered).toEqual({ src: `10.244.1.0:${port}`, dst: '10.244.2.7:8080' });
    expect(w.hops[1]!.steps.map((s) => s.kind)).toEqual(['dnat', 'masquerade', 'route']);
    expect(w.hops[1]!.steps[1]).toEqual({
      kind: 'masquerade', from: '203.0.113.10:40000', to: `10.244.1.0:${port}`, randomFully: true, portRange: { min: 1024, max: 65535 }, reason: 'external',
    });
    expect(w.story).toMatchObject({ kind: 'external-to-nodeport', masqueradedTo: '10.244.1.0' });
  });
  it('externalTrafficPolicy Cluster on calico: SNAT to the node IP when the endpoint is local (no bridge)', () => {
    const w = packetWalk(threeNodeCluster({ name: 'calico', mode: 'bgp' }), { kind: 'external-to-nodeport', node: 'worker-1', service: 'web-np', endpoint: 'web-1' });
    expect(w.delivered.src).toBe(`192.168.1.11:${randomFullyPort('203.0.113.10:40000>192.168.1.11:30080', 40000)}`);
    expect(w.hops.at(-1)!.link).toMatchObject({ kind: 'host-to-pod', wiring: 'routed', sameNode: true, podIP: '192.168.0.69' });
  });
  it('externalTrafficPolicy Local: keeps the client IP and uses a local endpoint', () => {
    const c = threeNodeCluster();
    c.services[2]!.externalTrafficPolicy = 'Local';
    const w = packetWalk(c, { kind: 'external-to-nodeport', node: 'worker-2', service: 'web-np' });
    expect(w.delivered).toEqual({ src: '203.0.113.10:40000', dst: '10.244.2.7:8080' });
    expect(() => packetWalk(c, { kind: 'external-to-nodeport', node: 'cp', service: 'web-np' })).toThrow(/no usable endpoints on node cp/);
  });
});

describe('external client through an Ingress', () => {
  function withIngress(): Cluster {
    const c = threeNodeCluster();
    c.nodes[0]!.pods.push({ name: 'ingress-nginx-controller', namespace: 'ingress-nginx', node: 'cp', ip: '10.244.0.9', labels: { 'app.kubernetes.io/name': 'ingress-nginx' }, hostNetwork: false, dnsPolicy: 'ClusterFirst', ports: [] });
    c.services.push({ name: 'ingress-nginx-controller', namespace: 'ingress-nginx', type: 'NodePort', clusterIP: '10.96.200.1', selector: { 'app.kubernetes.io/name': 'ingress-nginx' }, ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 80, nodePort: 30001 }], externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster', sessionAffinity: 'None' });
    c.ingresses.push({ name: 'shop', namespace: 'default', controllerService: 'ingress-nginx/ingress-nginx-controller', rules: [{ path: '/', backend: { service: 'web', port: 80 } }] });
    return c;
  }
  it('reaches the controller via its NodePort, then opens a new connection from the controller pod to a backend pod', () => {
    const w = packetWalk(withIngress(), { kind: 'external-through-ingress', ingress: 'shop', node: 'worker-1', endpoint: 'web-2' });
    expect(w.hops[0]!.packet.dst).toBe('192.168.1.11:30001');
    expect(w.delivered).toEqual({ src: '10.244.0.9:40001', dst: '10.244.2.7:8080' });
    expect(w.participants.map((p) => p.id)).toContain('pod:ingress-nginx/ingress-nginx-controller');
    expect(w.participants[0]).toEqual({ id: 'client', kind: 'client', ip: '203.0.113.10' });
    const proxy = w.hops.flatMap((h) => h.steps).find((s) => s.kind === 'proxy');
    expect(proxy).toEqual({ kind: 'proxy', path: '/', rulePath: '/', service: 'web', port: 80, endpoint: '10.244.2.7:8080' });
  });
});

describe('prefixPathMatches (Ingress pathType Prefix)', () => {
  // Kubernetes docs, Concepts > Ingress > "Examples" table of path matching.
  it('matches whole path elements only', () => {
    expect(prefixPathMatches('/', '/anything')).toBe(true);
    expect(prefixPathMatches('/foo', '/foo')).toBe(true);
    expect(prefixPathMatches('/foo', '/foo/')).toBe(true);
    expect(prefixPathMatches('/foo/', '/foo')).toBe(true);
    expect(prefixPathMatches('/aaa/bb', '/aaa/bbb')).toBe(false);
    expect(prefixPathMatches('/aaa/bbb', '/aaa/bbb/ccc')).toBe(true);
    expect(prefixPathMatches('/api', '/apis')).toBe(false);
  });
});

// Cilium socket-LB (bpf/bpf_sock.c, Documentation/network/kubernetes/kubeproxy-free.rst): with
// kube-proxy replacement the connect() hook translates the ClusterIP before a packet exists.
describe('a Cilium cluster with kube-proxy replacement', () => {
  const cilium = (): Cluster => threeNodeCluster({ name: 'cilium', routingMode: 'tunnel', kubeProxyReplacement: true });
  it('sends the first packet to the endpoint: the ClusterIP is never on the wire and nothing DNATs', () => {
    const w = packetWalk(cilium(), { kind: 'pod-to-service', from: 'client', service: 'web', endpoint: 'web-2' });
    expect(w.hops.map((h) => h.packet.dst)).toEqual(['10.244.2.7:8080', '10.244.2.7:8080', '10.244.2.7:8080']);
    expect(w.hops[0]!.steps[0]).toMatchObject({ kind: 'ebpf-lb', at: 'socket', from: '10.96.100.10:80', to: '10.244.2.7:8080', node: 'worker-1' });
    expect(w.hops.flatMap((h) => h.steps).some((s) => s.kind === 'dnat' || s.kind === 'masquerade')).toBe(false);
    expect(w.story).toMatchObject({ kind: 'pod-to-service', translatedBy: { by: 'Cilium socket-LB', at: 'socket' } });
  });
  it('carries the packet in VXLAN on UDP 8472 with the VNI as the sender identity', () => {
    const w = packetWalk(cilium(), { kind: 'pod-to-pod', from: 'client', to: 'web-2', port: 8080 });
    expect(w.hops[1]!.outer).toMatchObject({ dst: '192.168.1.12:8472', encapsulation: { kind: 'vxlan', vni: 'sender-identity' } });
  });
  it('says NodePort and host-network walks are not modelled instead of showing kube-proxy chains', () => {
    expect(() => packetWalk(cilium(), { kind: 'external-to-nodeport', node: 'worker-1', service: 'web-np' })).toThrow(/not modelled/);
    expect(() => packetWalk(cilium(), { kind: 'pod-to-service', from: 'kube-system/node-agent', service: 'web' })).toThrow(/not modelled/);
  });
  it('without the replacement, translates pod traffic per packet on the veth and leaves the host’s to kube-proxy', () => {
    const c = threeNodeCluster({ name: 'cilium', routingMode: 'native' });
    const w = packetWalk(c, { kind: 'pod-to-service', from: 'client', service: 'web', endpoint: 'web-2' });
    expect(w.hops.map((h) => h.packet.dst)).toEqual(['10.96.100.10:80', '10.244.2.7:8080', '10.244.2.7:8080']);
    expect(w.hops[1]!.steps[0]).toMatchObject({ kind: 'ebpf-lb', at: 'packet' });
    expect(w.hops.flatMap((h) => h.steps).some((s) => s.kind === 'dnat')).toBe(false);
    const host = packetWalk(c, { kind: 'pod-to-service', from: 'kube-system/node-agent', service: 'web', endpoint: 'web-2' });
    expect(host.hops.flatMap((h) => h.steps).some((s) => s.kind === 'dnat')).toBe(true);
    expect(packetWalk(c, { kind: 'external-to-nodeport', node: 'worker-1', service: 'web-np' }).hops.length).toBeGreaterThan(1);
  });
});
