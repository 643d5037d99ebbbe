import { describe, expect, it } from 'vitest';
import { holdsAll, inferRange, inferServiceCIDR, smallestCommonNetwork } from '../../../src/import/ranges.ts';

describe('smallestCommonNetwork', () => {
  it('finds the smallest CIDR holding addresses and ranges', () => {
    expect(smallestCommonNetwork(['10.244.0.0/24', '10.244.2.0/24'])).toBe('10.244.0.0/22');
    expect(smallestCommonNetwork(['172.18.0.2', '172.18.0.4'])).toBe('172.18.0.0/29');
    expect(smallestCommonNetwork(['10.0.129.220', '10.0.254.204'])).toBe('10.0.128.0/17');
    expect(smallestCommonNetwork(['10.1.2.3'])).toBe('10.1.2.3/32');
  });

  it('is never longer than maxPrefix, and skips what is no IPv4', () => {
    expect(smallestCommonNetwork(['172.18.0.2', 'fd00::1', 'nonsense'], 24)).toBe('172.18.0.0/24');
    expect(smallestCommonNetwork(['fd00::1'])).toBeUndefined();
  });
});

describe('holdsAll', () => {
  it('checks addresses and ranges', () => {
    expect(holdsAll('10.244.0.0/16', ['10.244.3.0/24', '10.244.9.9'])).toBe(true);
    expect(holdsAll('10.244.0.0/16', ['10.245.0.1'])).toBe(false);
  });
});

describe('inferRange', () => {
  it('prefers a well-known default that holds everything', () => {
    const r = inferRange(['10.42.0.0/24', '10.42.0.7'], ['10.244.0.0/16', '10.42.0.0/16'], 16, 'cluster CIDR');
    expect(r?.cidr).toBe('10.42.0.0/16');
    expect(r?.reason).toContain('the usual default');
  });

  it('else takes the smallest common range, at most maxPrefix long', () => {
    expect(inferRange(['172.18.0.2', '172.18.0.4'], [], 24, 'node network')?.cidr).toBe('172.18.0.0/24');
    expect(inferRange(['10.50.1.0/24', '10.50.7.0/24'], ['10.244.0.0/16'], 16, 'cluster CIDR')?.cidr).toBe('10.50.0.0/16');
    expect(inferRange([], [], 24, 'node network')).toBeUndefined();
  });
});

describe('inferServiceCIDR', () => {
  it('keeps kubeadm’s default when it holds every ClusterIP and starts before default/kubernetes', () => {
    expect(inferServiceCIDR(['10.96.0.10', '10.100.20.30'], '10.96.0.1', ['10.96.0.0/12'])?.cidr).toBe('10.96.0.0/12');
  });

  it('rejects a default whose first address is not default/kubernetes’s', () => {
    // 10.96.0.0/12 holds 10.100.0.1, but the API server would have given 10.96.0.1 to default/kubernetes.
    const r = inferServiceCIDR(['10.100.0.10'], '10.100.0.1', ['10.96.0.0/12']);
    expect(r?.cidr).toBe('10.100.0.0/28');
    expect(r?.reason).toContain('right before default/kubernetes');
  });

  it('widens until the range starts right before default/kubernetes', () => {
    expect(inferServiceCIDR(['10.50.3.4'], '10.50.0.1', [])?.cidr).toBe('10.50.0.0/22');
  });

  it('caps the length without default/kubernetes', () => {
    expect(inferServiceCIDR(['10.47.248.116'], undefined, ['10.96.0.0/12'], 16)?.cidr).toBe('10.47.0.0/16');
    expect(inferServiceCIDR([], undefined, [])).toBeUndefined();
  });
});

describe('IPv6 ranges', () => {
  it('finds the smallest IPv6 network, and skips IPv4 items', () => {
    expect(smallestCommonNetwork(['fd00:10:244::/64', 'fd00:10:244:2::/64', '10.0.0.1'], undefined, 'IPv6')).toBe('fd00:10:244::/62');
    expect(inferRange(['fc00:f853:ccd:e793::7', 'fc00:f853:ccd:e793::9'], [], 64, 'node network', 'IPv6')?.cidr).toBe('fc00:f853:ccd:e793::/64');
    expect(holdsAll('fd00:10:244::/56', ['fd00:10:244:1::5', '10.244.1.5'])).toBe(true);
  });

  it('starts the service range right before an IPv6 default/kubernetes', () => {
    expect(inferServiceCIDR(['fd00:10:96::a', 'fd00:10:96::3e8'], 'fd00:10:96::1', ['fd00:10:96::/112'], 112, 'IPv6')?.cidr).toBe('fd00:10:96::/112');
    expect(inferServiceCIDR(['fd00:1::5'], 'fd00:1::1', [], 112, 'IPv6')?.cidr).toBe('fd00:1::/112');
    expect(inferServiceCIDR(['fd00:1::5'], 'fd00:1::1', [], undefined, 'IPv6')?.cidr).toBe('fd00:1::/125');
    // default/kubernetes of the other family says nothing about this one.
    expect(inferServiceCIDR(['fd00:10:96::14f9'], '10.96.0.1', ['fd00:10:96::/112'], 112, 'IPv6')?.cidr).toBe('fd00:10:96::/112');
  });
});
