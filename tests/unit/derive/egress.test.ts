// Sources: flannel pkg/trafficmngr/iptables/iptables.go masqRules (the FLANNEL-POSTRTG chain);
// netfilter nf_nat_masquerade_ipv4 (MASQUERADE takes the output interface's address).
import { describe, expect, it } from 'vitest';
import { decidingRule, egressTranslation, masqueradeRulesText, pluginMasqueradeRules, ruleMatches } from '../../../src/derive/egress.ts';
import { formatNatRule } from '../../../src/plugins/masquerade.ts';
import { threeNodeCluster } from './fixtures.ts';

describe('egressTranslation (flannel --ip-masq)', () => {
  const c = threeNodeCluster();
  it('masquerades a pod\'s packet to an address outside the cluster to its node\'s IP', () => {
    const t = egressTranslation(c, 'client', '203.0.113.50');
    expect(t).toMatchObject({ masqueraded: true, source: '192.168.1.11', destination: '203.0.113.50' });
    expect(t.decidingRule).toBe('-A FLANNEL-POSTRTG -s 10.244.0.0/16 ! -d 224.0.0.0/4 -m comment --comment "flanneld masq" -j MASQUERADE --random-fully');
  });
  it('also masquerades to an address on the node network (a host beside the nodes)', () => {
    expect(egressTranslation(c, 'web-2', '192.168.1.50')).toMatchObject({ masqueraded: true, source: '192.168.1.12' });
  });
  it('keeps the pod address towards another pod, and for multicast', () => {
    const toPod = egressTranslation(c, 'client', '10.244.2.7');
    expect(toPod).toMatchObject({ masqueraded: false, source: '10.244.1.6' });
    expect(toPod.decidingRule).toBe('-A FLANNEL-POSTRTG -s 10.244.1.0/24 -d 10.244.0.0/16 -m comment --comment "flanneld masq" -j RETURN');
    expect(egressTranslation(c, 'client', '239.1.1.1')).toMatchObject({ masqueraded: false, source: '10.244.1.6' });
    expect(egressTranslation(c, 'client', '239.1.1.1').decidingRule).toBeUndefined();
  });
  it('leaves packets kube-proxy marked to kube-proxy\'s own MASQUERADE', () => {
    const rules = pluginMasqueradeRules(c, 'worker-1');
    const rule = decidingRule(rules, { src: '10.244.1.6', dst: '203.0.113.50', mark: 0x4000 });
    expect(rule && formatNatRule(rule)).toBe('-A FLANNEL-POSTRTG -m mark --mark 0x4000/0x4000 -m comment --comment "flanneld masq" -j RETURN');
    expect(ruleMatches(rules[1]!, { src: '10.244.1.6', dst: '203.0.113.50', mark: 0x8000 })).toBe(false);
  });
  it('prints the node\'s rules and refuses plugins whose rules are not modelled', () => {
    expect(masqueradeRulesText(c, 'worker-2').split('\n')[2]).toBe('-A FLANNEL-POSTRTG -s 10.244.2.0/24 -d 10.244.0.0/16 -m comment --comment "flanneld masq" -j RETURN');
    expect(() => pluginMasqueradeRules(threeNodeCluster({ name: 'calico', mode: 'ipip' }), 'cp')).toThrow(/three-nodes.*not modelled/);
  });
});
