// Cilium's plugin spec: Helm routingMode (tunnel | native), tunnelProtocol (vxlan | geneve, tunnel
// mode only), kubeProxyReplacement (a boolean); the router IP comes out of the node's pod CIDR
// (cluster-pool IPAM), so it must lie inside it and no pod can have it.
import { describe, expect, it } from 'vitest';
import { validateCluster, type ClusterInput } from '../../../src/model/index.ts';
import { BASE_FILE, baseCluster } from '../../fixtures/clusters/base-cluster.ts';

/** The base cluster on Cilium, with a pod network that avoids the Service range. */
function ciliumBase(plugin: Record<string, unknown> = {}): ClusterInput {
  const c = baseCluster();
  c.network.clusterCIDR = '10.244.0.0/16';
  c.plugin = { name: 'cilium', routingMode: 'tunnel', ...plugin } as ClusterInput['plugin'];
  return c;
}

const findings = (c: ClusterInput) => validateCluster(c, { file: BASE_FILE }).diagnostics;

describe('validating a Cilium spec', () => {
  it('accepts tunnel and native routing, with or without kube-proxy replacement', () => {
    expect(findings(ciliumBase({ tunnelProtocol: 'geneve', kubeProxyReplacement: true }))).toEqual([]);
    expect(findings(ciliumBase({ routingMode: 'native' }))).toEqual([]);
  });
  it('names the field of an unknown routing mode or tunnel protocol', () => {
    expect(findings(ciliumBase({ routingMode: 'bgp' }))).toEqual([expect.objectContaining({ path: 'plugin.routingMode', message: expect.stringContaining('tunnel, native') })]);
    expect(findings(ciliumBase({ tunnelProtocol: 'gre' }))).toEqual([expect.objectContaining({ path: 'plugin.tunnelProtocol', message: expect.stringContaining('vxlan, geneve') })]);
  });
  it('refuses a tunnel protocol with native routing and a kubeProxyReplacement that is not a boolean', () => {
    expect(findings(ciliumBase({ routingMode: 'native', tunnelProtocol: 'vxlan' }))).toEqual([expect.objectContaining({ path: 'plugin.tunnelProtocol', severity: 'error' })]);
    expect(findings(ciliumBase({ kubeProxyReplacement: 'true' }))).toEqual([expect.objectContaining({ path: 'plugin.kubeProxyReplacement', severity: 'error' })]);
  });
  it('warns that kubeProxyMode means nothing without kube-proxy', () => {
    const c = ciliumBase({ kubeProxyReplacement: true });
    c.kubeProxyMode = 'ipvs';
    expect(findings(c)).toEqual([expect.objectContaining({ path: 'kubeProxyMode', severity: 'warning' })]);
  });
  it('checks router IPs: a declared node, an address in its pod CIDR, not a pod’s', () => {
    expect(findings(ciliumBase({ routerIPs: { 'node-9': '10.244.0.9' } }))).toEqual([expect.objectContaining({ path: 'plugin.routerIPs.node-9', message: expect.stringContaining('does not declare') })]);
    expect(findings(ciliumBase({ routerIPs: { 'node-1': '10.244.1.9' } }))).toEqual([expect.objectContaining({ path: 'plugin.routerIPs.node-1', message: expect.stringContaining('outside its pod CIDR') })]);
    expect(findings(ciliumBase({ routerIPs: { 'node-1': '10.244.0.3' } }))).toEqual([expect.objectContaining({ path: 'nodes[0].pods[1].ip', message: expect.stringContaining('router IP of node-1') })]);
    expect(findings(ciliumBase({ routerIPs: { 'node-1': 'ten' } }))).toEqual([expect.objectContaining({ path: 'plugin.routerIPs.node-1' })]);
  });
  it('reports Cilium’s default pool colliding with kubeadm’s Service range', () => {
    const c = ciliumBase();
    delete c.network.clusterCIDR;
    expect(findings(c).map((d) => d.path)).toContain('network.serviceCIDR');
  });
});
