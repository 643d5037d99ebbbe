import { describe, expect, it } from 'vitest';
import { readVersionSkew } from '../../../scripts/golden-version-skew.ts';

const NFACCT =
  '  + project only:  -A KUBE-NODEPORTS -m comment --comment ns1/svc1:p80 -m tcp -p tcp -d 127.0.0.0/8 --dport 3001 -m nfacct --nfacct-name localhost_nps_accepted_pkts -j KUBE-EXT-XPGD46QRK7WJZT7O';
const output = (fixture: string, diff: string, tail = 'declaration differences: 0; failed count assertions: 0\nkube-proxy golden: 161/161 rules match') =>
  `[A1] TestOverallIPTablesRules (fixture A): 48/48 upstream rules match — OK\n[B3] TestNodePort (fixture ${fixture}): 13/13 upstream rules match, 1 extra project rule(s) — MISMATCH\n${diff}\n  info, filter (N1, not scored): 0/0\n\n${tail}\n`;

describe('readVersionSkew', () => {
  it('explains the nfacct rule in a fixture B case of the kube-proxy check', () => {
    const r = readVersionSkew('kube_proxy_golden.mts', output('B', NFACCT));
    expect(r.unexplained).toEqual([]);
    expect(r.explained).toHaveLength(1);
    expect(r.explained[0]!.reason).toMatch(/nfacct/);
  });
  it('does not explain the same rule in fixture A, where upstream expects it', () => {
    expect(readVersionSkew('kube_proxy_golden.mts', output('A', NFACCT)).unexplained).toEqual([NFACCT]);
  });
  it('does not explain it for another check, nor any other difference', () => {
    expect(readVersionSkew('dns_golden.mts', output('B', NFACCT)).unexplained).toHaveLength(1);
    const other = '  - upstream only: -A KUBE-SVC-X -j KUBE-SEP-Y';
    expect(readVersionSkew('kube_proxy_golden.mts', output('B', other)).unexplained).toEqual([other]);
  });
  it('counts missing upstream rules and other failure counters as unexplained', () => {
    const r = readVersionSkew('kube_proxy_golden.mts', output('B', NFACCT, 'declaration differences: 1; failed count assertions: 2\nkube-proxy golden: 160/161 rules match'));
    expect(r.unexplained).toEqual(['declaration differences: 1', 'failed count assertions: 2', '160/161 rules match']);
  });
});
