/**
 * Answering one DNS question from the cluster's records, as CoreDNS's kubernetes plugin does
 * (kubernetes/dns docs/specification.md; coredns plugin/kubernetes with kubeadm's Corefile:
 * `pods insecure`, `fallthrough in-addr.arpa ip6.arpa`, `ttl 30`). No imports: this module is
 * bundled into the DNS explorer island.
 */

/** kubeadm's CoreDNS Corefile: `kubernetes cluster.local in-addr.arpa ip6.arpa { ... ttl 30 }`. */
export const KUBEADM_COREDNS_TTL = 30;

/** Resource record types the cluster DNS serves here. */
export type DnsRecordType = 'A' | 'AAAA' | 'SRV' | 'PTR' | 'CNAME';

/** One resource record, in zone-file presentation. */
export interface DnsRecord {
  /** Owner name, absolute (trailing dot), lower case. */
  name: string;
  /** Time to live in seconds. */
  ttl: number;
  /** Record type. */
  type: DnsRecordType;
  /** RDATA in presentation form, e.g. `10.96.0.10` or `0 100 53 kube-dns.kube-system.svc.cluster.local.`. */
  data: string;
  /** Which object yields the record, e.g. `Service kube-system/kube-dns`. */
  source: string;
}

/** The answer of the cluster DNS to one question. */
export interface DnsAnswer {
  /** `NXDOMAIN` when no record has that name (and it is no ancestor of one); otherwise `NOERROR`. */
  rcode: 'NOERROR' | 'NXDOMAIN';
  /** Answer records (empty with NOERROR means NODATA). */
  records: DnsRecord[];
  /** True when the name is outside the cluster zones and CoreDNS forwards it upstream. */
  forwarded: boolean;
}

/** What `answer()` needs: the records and the zones CoreDNS is authoritative for. */
export interface DnsZoneData {
  /** The cluster domain, e.g. `cluster.local`. */
  zone: string;
  /** The records. */
  records: DnsRecord[];
}

function normalise(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower : `${lower}.`;
}

function inZone(name: string, zone: string): boolean {
  return name === zone || name.endsWith(`.${zone}`);
}

const POD_NAME = /^(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})\.[a-z0-9-]+\.pod\.$/;

/**
 * Answers one question as CoreDNS would: records of that name and type; a CNAME for any type
 * at an ExternalName; NOERROR without records (NODATA) for a name that exists with other types
 * or is an ancestor of existing names; NXDOMAIN otherwise. Names outside the cluster domain and
 * the reverse zones are `forwarded` upstream (no records). `pods insecure` answers any dashed IPv4.
 */
export function answer(data: DnsZoneData, name: string, type: DnsRecordType = 'A'): DnsAnswer {
  const q = normalise(name);
  const zone = normalise(data.zone);
  const reverse = q.endsWith('.in-addr.arpa.') || q.endsWith('.ip6.arpa.');
  if (!inZone(q, zone) && !reverse) return { rcode: 'NOERROR', records: [], forwarded: true };
  const sameName = data.records.filter((r) => r.name === q);
  const exact = sameName.filter((r) => r.type === type);
  if (exact.length > 0) return { rcode: 'NOERROR', records: exact, forwarded: false };
  const cname = sameName.filter((r) => r.type === 'CNAME');
  if (cname.length > 0) return { rcode: 'NOERROR', records: cname, forwarded: false };
  if (type === 'A' && inZone(q, zone)) {
    const m = POD_NAME.exec(q.slice(0, q.length - zone.length));
    if (m && m.slice(1, 5).every((o) => Number(o) <= 255)) {
      const ip = m.slice(1, 5).map(Number).join('.');
      return { rcode: 'NOERROR', records: [{ name: q, ttl: KUBEADM_COREDNS_TTL, type: 'A', data: ip, source: 'pods insecure' }], forwarded: false };
    }
  }
  if (reverse && sameName.length === 0) {
    // kubeadm's Corefile: `fallthrough in-addr.arpa ip6.arpa` hands unknown reverse names to `forward`.
    return { rcode: 'NOERROR', records: [], forwarded: true };
  }
  const exists = sameName.length > 0 || q === zone || data.records.some((r) => r.name.endsWith(`.${q}`));
  return { rcode: exists ? 'NOERROR' : 'NXDOMAIN', records: [], forwarded: false };
}
