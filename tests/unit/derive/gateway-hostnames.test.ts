import { describe, expect, it } from 'vitest';
import { bestHostMatch, hostnameMatches, intersectHostnames } from '../../../src/derive/gateway-hostnames.ts';

// Cases from the Hostnames documentation of apis/v1 httproute_types.go (HTTPRouteSpec).
describe('hostnameMatches', () => {
  it('treats a wildcard as a suffix match over one or more labels', () => {
    expect(hostnameMatches('*.example.com', 'test.example.com')).toBe(true);
    expect(hostnameMatches('*.example.com', 'foo.test.example.com')).toBe(true);
    expect(hostnameMatches('*.example.com', 'example.com')).toBe(false);
    expect(hostnameMatches('*.example.com', 'test.example.net')).toBe(false);
  });
  it('matches exact names exactly, ignoring case', () => {
    expect(hostnameMatches('shop.example.com', 'SHOP.example.com')).toBe(true);
    expect(hostnameMatches('shop.example.com', 'a.shop.example.com')).toBe(false);
  });
});

describe('intersectHostnames', () => {
  it('a listener test.example.com accepts routes with no hostnames, test.example.com or *.example.com', () => {
    expect(intersectHostnames('test.example.com', undefined)).toEqual(['test.example.com']);
    expect(intersectHostnames('test.example.com', ['test.example.com'])).toEqual(['test.example.com']);
    expect(intersectHostnames('test.example.com', ['*.example.com'])).toEqual(['test.example.com']);
    expect(intersectHostnames('test.example.com', ['other.example.com'])).toEqual([]);
  });
  it('a listener *.example.com accepts *.example.com, test.example.com and foo.test.example.com, not example.com or test.example.net', () => {
    expect(intersectHostnames('*.example.com', ['*.example.com', 'test.example.com', 'foo.test.example.com'])).toEqual(['*.example.com', 'test.example.com', 'foo.test.example.com']);
    expect(intersectHostnames('*.example.com', ['example.com', 'test.example.net'])).toEqual([]);
  });
  it('drops the route names the listener does not cover', () => {
    expect(intersectHostnames('*.example.com', ['test.example.com', 'test.example.net'])).toEqual(['test.example.com']);
  });
  it('narrows a broader route wildcard to the listener wildcard (TLSRoute hostname intersection test, gateway 2)', () => {
    expect(intersectHostnames('*.example.com', ['abc.example.com', '*.com'])).toEqual(['abc.example.com', '*.example.com']);
  });
  it('leaves any host when neither side names one', () => {
    expect(intersectHostnames(undefined, undefined)).toBeUndefined();
    expect(intersectHostnames(undefined, ['a.example.com'])).toEqual(['a.example.com']);
  });
});

describe('bestHostMatch', () => {
  it('prefers an exact name, then the longest wildcard', () => {
    expect(bestHostMatch(['*.com', 'example.com'], 'example.com')).toEqual({ hostname: 'example.com', exact: true });
    expect(bestHostMatch(['*.com', '*.example.com'], 'a.example.com')).toEqual({ hostname: '*.example.com', exact: false });
    expect(bestHostMatch(['example.net'], 'example.com')).toBeUndefined();
    expect(bestHostMatch(undefined, 'anything.test')).toBe('any');
  });
});
