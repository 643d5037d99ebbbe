/**
 * The names a glibc stub resolver queries for one name, in order, and which query the
 * cluster DNS answers first. glibc resolv/res_query.c: __res_context_search (res_nsearch):
 * as-is first when dots >= ndots or a trailing dot (trailing dot: only as-is); then each
 * search domain (RES_DEFNAMES/RES_DNSRCH, on by default); then as-is if not yet tried.
 * NXDOMAIN and NODATA answers move on to the next name; the first answer with records wins.
 * Pure and browser-safe: the DNS explorer island runs it.
 */
import { answer, type DnsAnswer, type DnsRecord, type DnsRecordType, type DnsZoneData } from './dns-answer.ts';

/** glibc resolv/resolv.h: RES_MAXNDOTS (larger ndots values are capped). */
export const RES_MAXNDOTS = 15;
/** glibc res_init.c: the default ndots when resolv.conf sets none. */
export const GLIBC_DEFAULT_NDOTS = 1;

/** The names res_nsearch sends, in order, each absolute (trailing dot), before any answer. */
export function searchCandidates(name: string, searches: readonly string[], ndots: number): string[] {
  const limit = Math.min(Math.max(0, Math.trunc(ndots)), RES_MAXNDOTS);
  const dots = [...name].filter((c) => c === '.').length;
  const trailingDot = name.endsWith('.');
  const bare = trailingDot ? name.slice(0, -1) : name;
  const asIs = `${bare}.`;
  const out: string[] = [];
  let triedAsIs = false;
  if (dots >= limit || trailingDot) {
    out.push(asIs);
    if (trailingDot) return out;
    triedAsIs = true;
  }
  let rootOnList = false;
  for (const raw of searches) {
    const domain = raw.startsWith('.') ? raw.slice(1) : raw;
    const isRoot = domain === '';
    if (isRoot) rootOnList = true;
    // res_query.c: once the root is on the list and the name was tried as-is, stop searching.
    if (rootOnList && triedAsIs) continue;
    out.push(isRoot ? asIs : `${bare}.${domain.endsWith('.') ? domain.slice(0, -1) : domain}.`);
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
}

// Top-level labels the public DNS root does not delegate: special-use names (RFC 6761, 6762,
// RFC 2606) and the cluster's own pseudo-TLDs, which only the cluster DNS knows.
const NON_PUBLIC_TLDS = new Set(['local', 'localhost', 'invalid', 'test', 'svc', 'cluster', 'internal', 'localdomain', 'lan']);

/**
 * Whether a forwarded name could exist in public DNS: a single label (`kube-dns.`) or a name
 * under a non-delegated top-level label (`web.svc.`) is answered NXDOMAIN by upstream servers.
 */
export function couldExistUpstream(fqdn: string): boolean {
  const labels = fqdn.replace(/\.$/, '').toLowerCase().split('.').filter(Boolean);
  return labels.length >= 2 && !NON_PUBLIC_TLDS.has(labels[labels.length - 1]!);
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
  const written = `${(name.endsWith('.') ? name.slice(0, -1) : name).toLowerCase()}.`;
  const upstream = options.upstream ?? ((n: string) => n === written && couldExistUpstream(n));
  const queries: LookupQuery[] = [];
  for (const candidate of searchCandidates(name, searches, ndots)) {
    const a: DnsAnswer = answer(zoneData, candidate, type);
    let status: QueryStatus;
    if (a.forwarded) status = upstream(candidate.toLowerCase()) ? 'forwarded-answered' : 'forwarded-nxdomain';
    else if (a.rcode === 'NXDOMAIN') status = 'NXDOMAIN';
    else status = a.records.length > 0 ? 'answered' : 'NODATA';
    queries.push({ name: candidate.toLowerCase(), status, records: a.records });
    if (status === 'answered' || status === 'forwarded-answered') {
      return { queries, answeredIndex: queries.length - 1 };
    }
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
