/**
 * The names a pod's stub resolver queries for one name, in order, and which query the cluster DNS
 * answers first. Three resolvers, each from its source:
 * - glibc (Debian, Ubuntu, RHEL images): resolv/res_query.c __res_context_search. As-is first when
 *   dots >= ndots or a trailing dot (trailing dot: only as-is); then every search domain in order, a
 *   root entry (`.`) querying the name as-is again; then as-is when not yet tried and no root entry.
 *   NXDOMAIN and NODATA (and SERVFAIL) move on to the next name.
 * - musl (Alpine): src/network/lookup_name.c name_from_dns_search. With dots >= ndots or a trailing
 *   dot the search list is not used at all (`*search = 0`): only the name as written. Otherwise each
 *   search domain, then the name as written. Only NXDOMAIN moves on (name_from_dns returns 0);
 *   NOERROR without addresses ends the lookup (EAI_NONAME), and a root entry builds `name..`, which
 *   __res_mkquery rejects, ending the lookup there.
 * - Go's own resolver (net/dnsclient_unix.go nameList, dnsconfig_unix.go): glibc's order, except
 *   that a root entry is dropped from the search list when resolv.conf is read; NXDOMAIN and NODATA
 *   move on (goLookupIPCNAMEOrder stops only at addresses).
 * Pure and browser-safe: the DNS explorer island runs it.
 */
import { answer, type DnsAnswer, type DnsRecord, type DnsRecordType, type DnsZoneData } from './dns-answer.ts';

/** glibc resolv/resolv.h: RES_MAXNDOTS (larger ndots values are capped; musl and Go cap at 15 too). */
export const RES_MAXNDOTS = 15;
/** glibc res_init.c: the default ndots when resolv.conf sets none (musl and Go: 1 too). */
export const GLIBC_DEFAULT_NDOTS = 1;

/** The stub resolver inside the pod's image. */
export type StubResolver = 'glibc' | 'musl' | 'go';
/** Every stub resolver modelled, in the order the explorer offers them. */
export const STUB_RESOLVERS: readonly StubResolver[] = ['glibc', 'musl', 'go'];
/** How each resolver is named on the pages. */
export const STUB_RESOLVER_LABELS: Readonly<Record<StubResolver, string>> = {
  glibc: 'glibc (Debian, Ubuntu, RHEL)',
  musl: 'musl (Alpine)',
  go: 'Go net package (pure-Go resolver)',
};

/** The names the resolver sends, in order, each absolute (trailing dot), before any answer. */
export function searchCandidates(name: string, searches: readonly string[], ndots: number, resolver: StubResolver = 'glibc'): string[] {
  const limit = Math.min(Math.max(0, Math.trunc(ndots)), RES_MAXNDOTS);
  const dots = [...name].filter((c) => c === '.').length;
  const trailingDot = name.endsWith('.');
  const bare = trailingDot ? name.slice(0, -1) : name;
  const asIs = `${bare}.`;
  const domains = searches.map((raw) => {
    const d = raw.startsWith('.') ? raw.slice(1) : raw;
    return d.endsWith('.') ? d.slice(0, -1) : d;
  });
  const withDomain = (d: string): string => `${bare}.${d}.`;
  if (trailingDot) return [asIs];
  if (resolver === 'musl') {
    if (dots >= limit) return [asIs];
    const out: string[] = [];
    for (const d of domains) {
      if (d === '') return out; // `name..`: __res_mkquery fails, the lookup ends.
      out.push(withDomain(d));
    }
    return [...out, asIs];
  }
  const out: string[] = [];
  const triedAsIs = dots >= limit;
  if (triedAsIs) out.push(asIs);
  let rootOnList = false;
  for (const d of domains) {
    if (d === '') {
      if (resolver === 'go') continue; // dnsconfig_unix.go: `if name == "." { continue }`.
      rootOnList = true;
      out.push(asIs); // res_query.c: the root entry queries `name.`, even if already tried.
      continue;
    }
    out.push(withDomain(d));
  }
  if (!triedAsIs && !rootOnList) out.push(asIs);
  return out;
}

/** How one query of the lookup ended. */
export type QueryStatus = 'NXDOMAIN' | 'NODATA' | 'answered' | 'forwarded-nxdomain' | 'forwarded-answered';

/** One query the stub resolver sent. */
export interface LookupQuery {
  /** The absolute name queried. */
  name: string;
  /** What came back. */
  status: QueryStatus;
  /** Records of the answer (empty unless answered by the cluster DNS). */
  records: DnsRecord[];
}

/** The outcome of a lookup. */
export interface LookupResult {
  /** The queries actually sent, in order (the list stops at the first answer). */
  queries: LookupQuery[];
  /** Index into `queries` of the answered query, or -1 when every query failed. */
  answeredIndex: number;
}

/** Options of `lookupOrder`. */
export interface LookupOptions {
  /** Query type; A by default. */
  type?: DnsRecordType;
  /**
   * What upstream servers say about a forwarded name. By default only the name exactly as
   * the user wrote it is assumed to exist upstream, and only if it could be a public name
   * (see `couldExistUpstream`); search-list expansions outside the cluster domain are
   * assumed NXDOMAIN.
   */
  upstream?: (name: string) => boolean;
  /** The pod's stub resolver; glibc by default. */
  resolver?: StubResolver;
}

// Top-level domains the explorer assumes exist upstream: a few common delegated generic and country
// TLDs (IANA root zone database). Any other top-level label (`svc`, `local`, `kube-system`, `web`)
// is assumed not to be delegated, so a name under it is NXDOMAIN upstream. The page says so.
const ASSUMED_PUBLIC_TLDS = new Set([
  'com', 'net', 'org', 'io', 'dev', 'app', 'cloud', 'edu', 'gov', 'info', 'co', 'me',
  'uk', 'de', 'fr', 'nl', 'eu', 'us', 'ca', 'jp', 'au', 'ch', 'se', 'in', 'br',
]);

/**
 * Whether the explorer assumes a forwarded name exists in public DNS: at least two labels and a
 * top-level label from a short list of common delegated TLDs. `kube-dns.`, `web.svc.`,
 * `web.kube-system.` and `_http._tcp.web.` do not.
 */
export function couldExistUpstream(fqdn: string): boolean {
  const labels = fqdn.replace(/\.$/, '').toLowerCase().split('.').filter(Boolean);
  return labels.length >= 2 && ASSUMED_PUBLIC_TLDS.has(labels[labels.length - 1]!);
}

/**
 * The queries a pod's resolver sends for `name` with this search list and ndots, against
 * the cluster's records, stopping at the first query answered with records.
 */
export function lookupOrder(
  zoneData: DnsZoneData,
  name: string,
  searches: readonly string[],
  ndots: number,
  options: LookupOptions = {},
): LookupResult {
  const type = options.type ?? 'A';
  const resolver = options.resolver ?? 'glibc';
  const written = `${(name.endsWith('.') ? name.slice(0, -1) : name).toLowerCase()}.`;
  const upstream = options.upstream ?? ((n: string) => n === written && couldExistUpstream(n));
  const queries: LookupQuery[] = [];
  for (const candidate of searchCandidates(name, searches, ndots, resolver)) {
    const a: DnsAnswer = answer(zoneData, candidate, type);
    let status: QueryStatus;
    if (a.forwarded) status = upstream(candidate.toLowerCase()) ? 'forwarded-answered' : 'forwarded-nxdomain';
    else if (a.rcode === 'NXDOMAIN') status = 'NXDOMAIN';
    else status = a.records.length > 0 ? 'answered' : 'NODATA';
    queries.push({ name: candidate.toLowerCase(), status, records: a.records });
    if (status === 'answered' || status === 'forwarded-answered') {
      return { queries, answeredIndex: queries.length - 1 };
    }
    // musl lookup_name.c: only NXDOMAIN moves on; NOERROR without addresses ends the lookup.
    if (resolver === 'musl' && status === 'NODATA') break;
  }
  return { queries, answeredIndex: -1 };
}

/** Reads `ndots:N` from resolv.conf options (glibc default 1 when absent). */
export function ndotsFromOptions(options: readonly string[]): number {
  let ndots = GLIBC_DEFAULT_NDOTS;
  for (const op of options) {
    const m = /^ndots:(\d+)$/.exec(op);
    if (m) ndots = Math.min(Number(m[1]), RES_MAXNDOTS);
  }
  return ndots;
}
