// Source: glibc resolv/res_query.c, __res_context_search (res_nsearch): with dots >= ndots or a
// trailing dot the name is tried as-is first (trailing dot: only as-is); then every search domain
// in order; then as-is when not yet tried. NXDOMAIN/NODATA continue; the first answer stops.
// ndots default 1 (res_init.c) and cap 15 (resolv.h RES_MAXNDOTS).
import { describe, expect, it } from 'vitest';
import { dnsZoneData } from '../../../src/derive/dns-records.ts';
import { couldExistUpstream, lookupOrder, ndotsFromOptions, searchCandidates } from '../../../src/derive/lookup-order.ts';
import { threeNodeCluster } from './fixtures.ts';

const SEARCH = ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'];

describe('searchCandidates (res_query.c)', () => {
  it('tries each search suffix, then the name as-is, when dots < ndots', () => {
    expect(searchCandidates('web', SEARCH, 5)).toEqual([
      'web.default.svc.cluster.local.', 'web.svc.cluster.local.', 'web.cluster.local.', 'web.',
    ]);
  });
  it('tries the name as-is first, then the suffixes, when dots >= ndots', () => {
    expect(searchCandidates('a.b.c.d.e.f', SEARCH, 5)).toEqual([
      'a.b.c.d.e.f.', 'a.b.c.d.e.f.default.svc.cluster.local.', 'a.b.c.d.e.f.svc.cluster.local.', 'a.b.c.d.e.f.cluster.local.',
    ]);
  });
  it('queries only the absolute name when it ends with a dot', () => {
    expect(searchCandidates('example.com.', SEARCH, 5)).toEqual(['example.com.']);
  });
  it('uses glibc ndots semantics: 1 dot with ndots:1 goes as-is first', () => {
    expect(searchCandidates('example.com', ['lan'], 1)).toEqual(['example.com.', 'example.com.lan.']);
  });
  it('caps ndots at 15 and defaults to 1', () => {
    expect(ndotsFromOptions([])).toBe(1);
    expect(ndotsFromOptions(['ndots:30'])).toBe(15);
    expect(ndotsFromOptions(['ndots:5', 'edns0'])).toBe(5);
  });
});

describe('lookupOrder against the cluster records', () => {
  const data = dnsZoneData(threeNodeCluster());
  it('answers a short Service name at the first search suffix', () => {
    const r = lookupOrder(data, 'web', SEARCH, 5);
    expect(r.queries.map((q) => [q.name, q.status])).toEqual([['web.default.svc.cluster.local.', 'answered']]);
    expect(r.queries[0]!.records[0]!.data).toBe('10.96.100.10');
  });
  it('sends NXDOMAIN queries before answering service.namespace', () => {
    const r = lookupOrder(data, 'kube-dns.kube-system', SEARCH, 5);
    expect(r.queries.map((q) => [q.name, q.status])).toEqual([
      ['kube-dns.kube-system.default.svc.cluster.local.', 'NXDOMAIN'],
      ['kube-dns.kube-system.svc.cluster.local.', 'answered'],
    ]);
    expect(r.answeredIndex).toBe(1);
  });
  it('walks the whole list for an external name, answered upstream as written', () => {
    const r = lookupOrder(data, 'example.com', SEARCH, 5);
    expect(r.queries.map((q) => q.status)).toEqual(['NXDOMAIN', 'NXDOMAIN', 'NXDOMAIN', 'forwarded-answered']);
  });
  it('does not pretend upstream answers a single-label name or a cluster pseudo-TLD', () => {
    // glibc res_query.c tries the bare name last; the public root has no TLD "kube-dns" or "svc".
    const bare = lookupOrder(data, 'kube-dns', SEARCH, 5);
    expect(bare.queries.map((q) => q.status)).toEqual(['NXDOMAIN', 'NXDOMAIN', 'NXDOMAIN', 'forwarded-nxdomain']);
    expect(bare.answeredIndex).toBe(-1);
    const svc = lookupOrder(data, 'web.svc.', SEARCH, 5);
    expect(svc.queries.map((q) => [q.name, q.status])).toEqual([['web.svc.', 'forwarded-nxdomain']]);
  });
  it('reports failure when no query is answered', () => {
    const r = lookupOrder(data, 'nope', SEARCH, 5, { upstream: () => false });
    expect(r.answeredIndex).toBe(-1);
    expect(r.queries).toHaveLength(4);
  });
});

describe('couldExistUpstream', () => {
  it('accepts names under public TLDs and rejects single labels and special-use TLDs (RFC 6761)', () => {
    expect(couldExistUpstream('example.com.')).toBe(true);
    expect(couldExistUpstream('api.github.com')).toBe(true);
    expect(couldExistUpstream('kube-dns.')).toBe(false);
    expect(couldExistUpstream('web.svc.')).toBe(false);
    expect(couldExistUpstream('printer.local.')).toBe(false);
    expect(couldExistUpstream('x.localhost')).toBe(false);
  });
});
