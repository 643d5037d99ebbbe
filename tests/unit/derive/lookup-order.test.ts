// Source: glibc resolv/res_query.c, __res_context_search (res_nsearch): with dots >= ndots or a
// trailing dot the name is tried as-is first (trailing dot: only as-is); then every search domain
// in order; then as-is when not yet tried. NXDOMAIN/NODATA continue; the first answer stops.
// ndots default 1 (res_init.c) and cap 15 (resolv.h RES_MAXNDOTS).
// musl: src/network/lookup_name.c name_from_dns_search (no search list at all when dots >= ndots;
// NODATA ends the lookup). Go: net/dnsclient_unix.go nameList and dnsconfig_unix.go (root entry dropped).
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
  it('glibc queries the name as written at a root entry, even when it already tried it', () => {
    expect(searchCandidates('a.b', ['x.test', '.', 'y.test'], 1)).toEqual(['a.b.', 'a.b.x.test.', 'a.b.', 'a.b.y.test.']);
    // root on the list: no final as-is query.
    expect(searchCandidates('web', ['x.test', '.'], 5)).toEqual(['web.x.test.', 'web.']);
  });
  it('musl skips the search list entirely when dots >= ndots', () => {
    expect(searchCandidates('kube-dns.kube-system.svc', SEARCH, 2, 'musl')).toEqual(['kube-dns.kube-system.svc.']);
    expect(searchCandidates('kube-dns.kube-system.svc', SEARCH, 2, 'glibc')).toEqual([
      'kube-dns.kube-system.svc.', 'kube-dns.kube-system.svc.default.svc.cluster.local.',
      'kube-dns.kube-system.svc.svc.cluster.local.', 'kube-dns.kube-system.svc.cluster.local.',
    ]);
    expect(searchCandidates('web', SEARCH, 5, 'musl')).toEqual(searchCandidates('web', SEARCH, 5, 'glibc'));
  });
  it('musl ends the lookup at a root entry (name.. is rejected by __res_mkquery)', () => {
    expect(searchCandidates('web', ['x.test', '.', 'y.test'], 5, 'musl')).toEqual(['web.x.test.']);
  });
  it('Go drops a root entry and otherwise follows the glibc order', () => {
    expect(searchCandidates('web', ['x.test', '.', 'y.test'], 5, 'go')).toEqual(['web.x.test.', 'web.y.test.', 'web.']);
    expect(searchCandidates('a.b.c.d.e.f', SEARCH, 5, 'go')).toEqual(searchCandidates('a.b.c.d.e.f', SEARCH, 5, 'glibc'));
    expect(searchCandidates('example.com.', SEARCH, 5, 'go')).toEqual(['example.com.']);
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
  it('fails on Alpine for kube-dns.kube-system.svc with ndots:2, where glibc and Go find it', () => {
    const musl = lookupOrder(data, 'kube-dns.kube-system.svc', SEARCH, 2, { resolver: 'musl' });
    expect(musl.queries.map((q) => [q.name, q.status])).toEqual([['kube-dns.kube-system.svc.', 'forwarded-nxdomain']]);
    expect(musl.answeredIndex).toBe(-1);
    for (const resolver of ['glibc', 'go'] as const) {
      const r = lookupOrder(data, 'kube-dns.kube-system.svc', SEARCH, 2, { resolver });
      expect(r.queries.at(-1)).toMatchObject({ name: 'kube-dns.kube-system.svc.cluster.local.', status: 'answered' });
    }
  });
  it('musl stops at NODATA where glibc moves on', () => {
    // `default.svc.cluster.local` exists (a namespace) without an A record.
    const search = ['svc.cluster.local', 'cluster.local'];
    expect(lookupOrder(data, 'default', search, 5, { resolver: 'musl' }).queries.map((q) => q.status)).toEqual(['NODATA']);
    expect(lookupOrder(data, 'default', search, 5, { resolver: 'glibc' }).queries.map((q) => q.status)).toEqual(['NODATA', 'NXDOMAIN', 'forwarded-nxdomain']);
  });
  it('answers kubernetes and kubernetes.default (default/kubernetes)', () => {
    expect(lookupOrder(data, 'kubernetes', SEARCH, 5).queries.at(-1)).toMatchObject({ name: 'kubernetes.default.svc.cluster.local.', status: 'answered' });
    expect(lookupOrder(data, 'kubernetes.default', SEARCH, 5).queries.map((q) => q.status)).toEqual(['NXDOMAIN', 'answered']);
  });
  it('does not assume web.kube-system or _http._tcp.web exist upstream', () => {
    expect(lookupOrder(data, 'web.kube-system', SEARCH, 5).answeredIndex).toBe(-1);
    const fromKubeSystem = ['kube-system.svc.cluster.local', 'svc.cluster.local', 'cluster.local'];
    const srv = lookupOrder(data, '_http._tcp.web', fromKubeSystem, 5, { type: 'SRV' });
    expect(srv.queries.map((q) => q.status)).toEqual(['NXDOMAIN', 'NXDOMAIN', 'NXDOMAIN', 'forwarded-nxdomain']);
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
    expect(couldExistUpstream('web.kube-system.')).toBe(false);
    expect(couldExistUpstream('_http._tcp.web.')).toBe(false);
  });
});
