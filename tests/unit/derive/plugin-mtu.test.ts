// The MTU table across plugins, against Calico's "Common MTU sizes" table (1500 -> 1500 / 1480 / 1450;
// 9001 -> 9001 / 8981 / 8951; 1460 -> 1460 / 1440 / 1410; 1450 -> 1450 / 1430 / 1400) and flannel's
// backends (vxlan: MTU - 50; host-gw: MTU; wireguard: MTU - 80).
import { describe, expect, it } from 'vitest';
import { pluginMTUTable } from '../../../src/derive/plugin-mtu.ts';

describe('pluginMTUTable', () => {
  const rows = pluginMTUTable([1500, 9001, 1460, 1450]);
  const row = (summary: string) => rows.find((r) => r.summary === summary);
  it('has one row per plugin and mode, each computed by its module', () => {
    expect(rows.map((r) => r.summary)).toEqual([
      'flannel (vxlan backend)', 'flannel (host-gw backend)', 'flannel (wireguard backend)',
      'Calico (plain BGP routing mode)', 'Calico (IP-in-IP mode)', 'Calico (VXLAN mode)',
      'Cilium (VXLAN tunnel)', 'Cilium (native routing)',
      'the bridge CNI plugin',
    ]);
  });
  it('matches Calico’s table', () => {
    expect(row('Calico (plain BGP routing mode)')?.podMTUs).toEqual([1500, 9001, 1460, 1450]);
    expect(row('Calico (IP-in-IP mode)')?.podMTUs).toEqual([1480, 8981, 1440, 1430]);
    expect(row('Calico (VXLAN mode)')?.podMTUs).toEqual([1450, 8951, 1410, 1400]);
  });
  it('matches flannel’s backends', () => {
    expect(row('flannel (vxlan backend)')).toMatchObject({ overhead: 50, podMTUs: [1450, 8951, 1410, 1400] });
    expect(row('flannel (host-gw backend)')).toMatchObject({ overhead: 0, podMTUs: [1500, 9001, 1460, 1450] });
    expect(row('flannel (wireguard backend)')).toMatchObject({ overhead: 80, podMTUs: [1420, 8921, 1380, 1370] });
    expect(row('the bridge CNI plugin')?.podMTUs).toEqual([1500, 1500, 1500, 1500]);
  });
  it('gives Cilium its route MTU: the tunnel overhead in tunnel mode, none with native routing (pkg/mtu)', () => {
    expect(row('Cilium (VXLAN tunnel)')).toMatchObject({ overhead: 50, podMTUs: [1450, 8951, 1410, 1400] });
    expect(row('Cilium (native routing)')).toMatchObject({ overhead: 0, podMTUs: [1500, 9001, 1460, 1450] });
  });
  it('refuses an empty list', () => {
    expect(() => pluginMTUTable([])).toThrow(/at least one/);
  });
});
