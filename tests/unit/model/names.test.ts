import { describe, expect, it } from 'vitest';
import { isDns1035Label, isDns1123Label, isDns1123Subdomain, isPortName } from '../../../src/model/names.ts';

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
