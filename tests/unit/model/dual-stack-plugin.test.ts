// A dual-stack definition whose plugin mode carries no IPv6: Calico's IP-in-IP ("IP in IP
// supports only IPv4 addresses", Calico "Overlay networking", Limitations).
import { describe, expect, it } from 'vitest';
import { validateCluster, type ClusterInput } from '../../../src/model/index.ts';
import definition from '../../../diagrams/dual-stack.ts';

function errors(input: ClusterInput): string[] {
  return validateCluster(input, { file: 'diagrams/dual.ts' }).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.path}: ${d.message}`);
}

describe('plugin modes without IPv6', () => {
  it('rejects Calico IP-in-IP on a cluster with an IPv6 pod range, naming plugin.mode', () => {
    expect(errors({ ...definition, plugin: { name: 'calico', mode: 'ipip' } })).toContain(
      "plugin.mode: Calico's IP-in-IP mode carries only IPv4: an IPv6 pod range needs VXLAN or plain BGP routing (network.clusterCIDRs has fd00:10:244::/56)",
    );
  });
  it('accepts the modes that carry IPv6', () => {
    for (const plugin of [{ name: 'calico', mode: 'vxlan' }, { name: 'flannel', backend: 'vxlan' }, { name: 'cilium', routingMode: 'tunnel' }] as const) {
      expect(errors({ ...definition, plugin }).filter((e) => e.startsWith('plugin.'))).toEqual([]);
    }
  });
});
