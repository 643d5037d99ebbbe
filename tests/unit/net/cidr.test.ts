import { describe, expect, it } from 'vitest';
import {
  addressAt, broadcastAddress, cidrContainsCidr, cidrContainsIp, cidrsOverlap, enclosingNetwork, networkAddress, nthAddress, parseCidr, parseIp, prefixLength,
} from '../../../src/net/cidr.ts';

describe('cidr helpers', () => {
  it('parses addresses strictly', () => {
    expect(parseIp('10.244.1.2').ok).toBe(true);
    for (const bad of ['10.244.1', '256.1.1.1', '010.1.1.1', '10.0.0.1/32', ' 10.0.0.1', '', 42]) expect(parseIp(bad).ok, String(bad)).toBe(false);
  });

  it('parses CIDRs strictly and names the network of one with host bits', () => {
    expect(parseCidr('10.244.0.0/16').ok).toBe(true);
    expect(parseCidr('10.244.0.0')).toMatchObject({ ok: false, reason: expect.stringContaining('no prefix length') });
    expect(parseCidr('10.244.1.5/24')).toMatchObject({ ok: false, networkForm: '10.244.1.0/24' });
    expect(parseCidr('10.244.0.0/33').ok).toBe(false);
  });

  it('answers containment and overlap', () => {
    expect(cidrContainsIp('10.244.1.0/24', '10.244.1.255')).toBe(true);
    expect(cidrContainsIp('10.244.1.0/24', '10.244.2.0')).toBe(false);
    expect(cidrContainsCidr('10.244.0.0/16', '10.244.3.0/24')).toBe(true);
    expect(cidrContainsCidr('10.244.3.0/24', '10.244.0.0/16')).toBe(false);
    expect(cidrsOverlap('10.96.0.0/12', '10.100.0.0/16')).toBe(true);
    expect(cidrsOverlap('10.96.0.0/12', '10.112.0.0/16')).toBe(false);
    expect(cidrsOverlap('10.96.0.0/12', 'garbage')).toBe(false);
  });

  it('indexes addresses inside a range only', () => {
    expect(nthAddress('10.96.0.0/12', 10)).toBe('10.96.0.10');
    expect(nthAddress('10.244.1.0/30', 4)).toBeUndefined();
  });
});

describe('address math for derivations', () => {
  it('reads the prefix length and steps from the network address', () => {
    expect(prefixLength('10.244.1.0/24')).toBe(24);
    expect(addressAt('10.244.1.0/24', 0)).toBe('10.244.1.0');
    expect(addressAt('10.244.1.0/24', 1)).toBe('10.244.1.1');
    expect(networkAddress('10.244.1.0/24')).toBe('10.244.1.0');
    expect(broadcastAddress('10.244.1.0/24')).toBe('10.244.1.255');
  });
  it('finds the block that holds an address', () => {
    expect(enclosingNetwork('172.16.0.66', 26)).toBe('172.16.0.64/26');
    expect(enclosingNetwork('172.16.0.63', 26)).toBe('172.16.0.0/26');
  });
});
