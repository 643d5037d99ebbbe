// Source: flannel pkg/trafficmngr/iptables/iptables.go masqRules (IPv4, iptables with
// --random-fully) and trafficmngr.KubeProxyMark "0x4000/0x4000": the expected lines are its
// Rulespec strings joined, which is also the order iptables-save prints them in.
import { describe, expect, it } from 'vitest';
import { flannelMasqRules } from '../../../src/plugins/flannel-masq.ts';
import { formatNatRule } from '../../../src/plugins/masquerade.ts';
import { networkPlugin } from '../../../src/plugins/index.ts';

describe('flannelMasqRules', () => {
  it('writes masqRules(10.244.0.0/16, lease 10.244.1.0/24) in flannel\'s order', () => {
    expect(flannelMasqRules({ podCIDR: '10.244.1.0/24' }, '10.244.0.0/16').map(formatNatRule)).toEqual([
      '-A POSTROUTING -m comment --comment "flanneld masq" -j FLANNEL-POSTRTG',
      '-A FLANNEL-POSTRTG -m mark --mark 0x4000/0x4000 -m comment --comment "flanneld masq" -j RETURN',
      '-A FLANNEL-POSTRTG -s 10.244.1.0/24 -d 10.244.0.0/16 -m comment --comment "flanneld masq" -j RETURN',
      '-A FLANNEL-POSTRTG -s 10.244.0.0/16 -d 10.244.1.0/24 -m comment --comment "flanneld masq" -j RETURN',
      '-A FLANNEL-POSTRTG ! -s 10.244.0.0/16 -d 10.244.1.0/24 -m comment --comment "flanneld masq" -j RETURN',
      '-A FLANNEL-POSTRTG -s 10.244.0.0/16 ! -d 224.0.0.0/4 -m comment --comment "flanneld masq" -j MASQUERADE --random-fully',
      '-A FLANNEL-POSTRTG ! -s 10.244.0.0/16 -d 10.244.0.0/16 -m comment --comment "flanneld masq" -j MASQUERADE --random-fully',
    ]);
  });
  it('leaves out --random-fully when iptables lacks it', () => {
    const lines = flannelMasqRules({ podCIDR: '10.244.0.0/24' }, '10.244.0.0/16', false).map(formatNatRule);
    expect(lines.filter((l) => l.includes('MASQUERADE'))).toEqual([
      '-A FLANNEL-POSTRTG -s 10.244.0.0/16 ! -d 224.0.0.0/4 -m comment --comment "flanneld masq" -j MASQUERADE',
      '-A FLANNEL-POSTRTG ! -s 10.244.0.0/16 -d 10.244.0.0/16 -m comment --comment "flanneld masq" -j MASQUERADE',
    ]);
  });
  it('is offered by the flannel plugin and by no plugin whose rules are not modelled', () => {
    const node = { name: 'n', ip: '192.168.1.11', podCIDR: '10.244.2.0/24', pods: [] };
    expect(networkPlugin({ name: 'flannel', backend: 'host-gw' }).masqueradeRules?.(node, '10.244.0.0/16')?.[2]?.source).toEqual({ cidr: '10.244.2.0/24' });
    expect(networkPlugin({ name: 'calico', mode: 'ipip' }).masqueradeRules).toBeUndefined();
  });
});
