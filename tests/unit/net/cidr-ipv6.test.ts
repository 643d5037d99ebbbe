// IPv6 in the address helpers: RFC 4291 text forms, RFC 5952 canonical output, no cross-family matches.
import { describe, expect, it } from 'vitest';
import { addressAt, canonicalIp, cidrContainsCidr, cidrContainsIp, cidrsOverlap, ipFamilyOf, nthAddress, parseCidr, parseIp, prefixLength } from '../../../src/net/cidr.ts';

describe('IPv6 addresses and CIDRs', () => {
  it('parses IPv6 addresses and rejects malformed ones and zones', () => {
    expect(parseIp('fd00:10:244:1::2').ok).toBe(true);
    for (const bad of ['fd00::g', 'fd00:::1', 'fe80::1%eth0', 'fd00::/64']) expect(parseIp(bad).ok, bad).toBe(false);
    expect(parseIp('fd00::g')).toMatchObject({ reason: 'is not a valid IPv6 address' });
  });
  it('parses IPv6 CIDRs and names the network of one with host bits', () => {
    expect(parseCidr('fd00:10:244::/56').ok).toBe(true);
    expect(parseCidr('fd00:10:244::1/56')).toMatchObject({ ok: false, networkForm: 'fd00:10:244::/56' });
    expect(parseCidr('fd00:10:244::')).toMatchObject({ ok: false, reason: expect.stringContaining('no prefix length') });
    expect(parseCidr('fd00::/129').ok).toBe(false);
  });
  it('tells the family', () => {
    expect(ipFamilyOf('10.0.0.1')).toBe('IPv4');
    expect(ipFamilyOf('fd00::/8')).toBe('IPv6');
    expect(ipFamilyOf('nope')).toBeUndefined();
  });
  it('never matches across families', () => {
    expect(cidrContainsIp('fd00:10:244:1::/64', 'fd00:10:244:1::5')).toBe(true);
    expect(cidrContainsIp('0.0.0.0/0', 'fd00::1')).toBe(false);
    expect(cidrContainsCidr('::/0', '10.0.0.0/8')).toBe(false);
    expect(cidrsOverlap('fd00:10:244::/56', 'fd00:10:244:1::/64')).toBe(true);
  });
  it('counts addresses and prints them canonically', () => {
    expect(nthAddress('fd00:10:96::/112', 10)).toBe('fd00:10:96::a');
    expect(addressAt('fd00:10:244:1::/64', 1)).toBe('fd00:10:244:1::1');
    expect(prefixLength('fd00:10:244:1::/64')).toBe(64);
    expect(canonicalIp('FD00:0010:0244:0001:0000:0000:0000:0002')).toBe('fd00:10:244:1::2');
  });
});
