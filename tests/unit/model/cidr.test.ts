import { describe, expect, it } from 'vitest';
import { cidrContainsCidr, cidrContainsIp, cidrsOverlap, nthAddress, parseCidr, parseIp } from '../../../src/model/cidr';
import { isDns1035Label, isDns1123Label, isDns1123Subdomain, isPortName } from '../../../src/model/names';

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

describe('Kubernetes name rules', () => {
  it('DNS-1123 labels', () => {
    expect(isDns1123Label('node-1')).toBe(true);
    expect(isDns1123Label('1node')).toBe(true);
    for (const bad of ['Node', 'node_1', '-node', 'node-', 'a.b', '', 'x'.repeat(64)]) expect(isDns1123Label(bad), bad).toBe(false);
  });

  it('DNS-1035 labels start with a letter', () => {
    expect(isDns1035Label('web')).toBe(true);
    expect(isDns1035Label('1web')).toBe(false);
  });

  it('subdomains and port names', () => {
    expect(isDns1123Subdomain('api.payments.example.com')).toBe(true);
    expect(isDns1123Subdomain('api..com')).toBe(false);
    expect(isPortName('http')).toBe(true);
    expect(isPortName('8080')).toBe(false);
    expect(isPortName('a--b')).toBe(false);
    expect(isPortName('a-very-long-port-name')).toBe(false);
  });
});
