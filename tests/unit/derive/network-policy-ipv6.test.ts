// IPv6 ipBlocks: networking/v1 IPBlock.cidr may be IPv4 or IPv6 ("192.168.1.0/24" or
// "2001:db8::/64"), and a block matches addresses of its own family only, so allowing a peer
// over both families takes one block per family.
import { describe, expect, it } from 'vitest';
import { egressToExternal } from '../../../src/derive/network-policy.ts';
import { validateCluster, type ClusterInput } from '../../../src/model/index.ts';
import definition from '../../../diagrams/dual-stack.ts';

function withEgress(cidrs: string[]) {
  const input = structuredClone(definition) as ClusterInput;
  input.networkPolicies = [{
    name: 'web-egress', podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'],
    egress: [{ to: cidrs.map((cidr) => ({ ipBlock: { cidr, ...(cidr.includes(':') ? { except: ['2001:db8:0:1::/64'] } : {}) } })) }],
  }];
  const res = validateCluster(input, { file: 'diagrams/dual-stack.ts' });
  expect(res.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const cluster = res.cluster!;
  const web = cluster.nodes[0]!.pods.find((p) => p.name === 'web-1')!;
  return (ip: string) => egressToExternal(cluster, web, { ip }, { protocol: 'TCP', port: 443 }).allowed;
}

describe('IPv6 ipBlock', () => {
  it('an IPv4 block never allows an IPv6 destination', () => {
    const allowed = withEgress(['0.0.0.0/0']);
    expect(allowed('203.0.113.7')).toBe(true);
    expect(allowed('2001:db8::7')).toBe(false);
  });
  it('an IPv6 block allows its range minus its except', () => {
    const allowed = withEgress(['0.0.0.0/0', '2001:db8::/32']);
    expect(allowed('2001:db8::7')).toBe(true);
    expect(allowed('2001:db8:0:1::7')).toBe(false);
    expect(allowed('2001:db9::7')).toBe(false);
  });
  it('validation rejects an except of the other family', () => {
    const input = structuredClone(definition) as ClusterInput;
    input.networkPolicies = [{ name: 'p', podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '2001:db8::/32', except: ['10.0.0.0/8'] } }] }] }];
    const errors = validateCluster(input, { file: 'diagrams/dual-stack.ts' }).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.path)).toContain('networkPolicies[0].egress[0].to[0].ipBlock.except[0]');
  });
});
