/**
 * Answering one DNS question from the cluster's records, as CoreDNS's kubernetes plugin does
 * (kubernetes/dns docs/specification.md; coredns plugin/kubernetes with kubeadm's Corefile:
 * `pods insecure`, `fallthrough in-addr.arpa ip6.arpa`, `ttl 30`). No imports: this module is
 * bundled into the DNS explorer island.
 *
 * Upstream functions followed (coredns/coredns):
 * - plugin/kubernetes/handler.go ServeDNS: one function per query type; any other type (and NS or
 *   SOA below the apex) does "a fake A lookup, so we can distinguish between NODATA and NXDOMAIN".
 * - plugin/backend_lookup.go A/AAAA/TXT: a CNAME whose target is inside the zone is followed and
 *   the answer carries the CNAME plus the target's records (at most 8 CNAMEs); SRV drops
 *   ExternalName CNAMEs (kubernetes.go Services: "SRV for external services is not yet implemented").
 * - plugin/kubernetes/kubernetes.go Services (TXT `dns-version`, NS, `ns.dns.<zone>`), findServices
 *   and findPods: an existing namespace without the asked-for object answers NODATA, a namespace
 *   that does not exist NXDOMAIN; `pods insecure` answers a dashed IP only in an existing namespace.
 */

/** kubeadm's CoreDNS Corefile: `kubernetes cluster.local in-addr.arpa ip6.arpa { ... ttl 30 }`. */
export const KUBEADM_COREDNS_TTL = 30;
/** coredns plugin/kubernetes/kubernetes.go: `DNSSchemaVersion = "1.1.0"`, served with TTL 28800. */
export const DNS_SCHEMA_VERSION = '1.1.0';
/** TTL of the `dns-version` TXT record (kubernetes.go Services, `TTL: 28800`). */
export const DNS_VERSION_TTL = 28800;

/** Resource record types the cluster DNS serves here. */
export type DnsRecordType = 'A' | 'AAAA' | 'SRV' | 'PTR' | 'CNAME' | 'TXT' | 'NS' | 'SOA';

/** The CoreDNS kubernetes plugin's `pods` option. */
export type DnsPodsMode = 'insecure' | 'verified' | 'disabled';

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
  /** `NXDOMAIN` when the name does not exist; otherwise `NOERROR`. */
  rcode: 'NOERROR' | 'NXDOMAIN';
  /** Answer records (empty with NOERROR means NODATA). */
  records: DnsRecord[];
  /** True when the name is outside the cluster zones and CoreDNS forwards it upstream. */
  forwarded: boolean;
}

/** What `answer()` needs: the records and what CoreDNS looks up besides them. */
export interface DnsZoneData {
  /** The cluster domain, e.g. `cluster.local`. */
  zone: string;
  /** The records. */
  records: DnsRecord[];
  /** Namespaces that exist (CoreDNS namespaceExposed: GetNamespaceByName). */
  namespaces?: string[];
  /** `pods` mode; `insecure` (kubeadm's Corefile) when absent. */
  podsMode?: DnsPodsMode;
  /** ClusterIPs of the Service in front of CoreDNS (`ns.dns.<zone>` A, the NS of the zone). */
  nameservers?: string[];
}

function normalise(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower : `${lower}.`;
}

function inZone(name: string, zone: string): boolean {
  return name === zone || name.endsWith(`.${zone}`);
}

const IPV4_OCTET = /^(0|[1-9]\d{0,2})$/;

/**
 * The IPv4 address a `pods insecure` label stands for, or undefined. findPods: three dashes and
 * no `--` means IPv4 (dashes become dots); Go's net.ParseIP rejects octets above 255 and leading zeros.
 */
export function dashedIPv4(label: string): string | undefined {
  const parts = label.split('-');
  if (parts.length !== 4 || !parts.every((p) => IPV4_OCTET.test(p) && Number(p) <= 255)) return undefined;
  return parts.join('.');
}

/** The `<label>.<namespace>.pod.<zone>` parts of a name, or undefined. */
function podName(q: string, zone: string): { label: string; namespace: string } | undefined {
  if (!q.endsWith(`.${zone}`)) return undefined;
  const labels = q.slice(0, q.length - zone.length - 1).split('.');
  if (labels.length !== 3 || labels[2] !== 'pod') return undefined;
  return { label: labels[0]!, namespace: labels[1]! };
}

/** The namespace label of `<ns>.svc.<zone>` / `<ns>.pod.<zone>` (and anything below), or undefined. */
function namespaceOf(q: string, zone: string): { namespace: string; kind: 'svc' | 'pod'; depth: number } | undefined {
  if (!q.endsWith(`.${zone}`)) return undefined;
  const labels = q.slice(0, q.length - zone.length - 1).split('.');
  const kind = labels[labels.length - 1];
  if ((kind !== 'svc' && kind !== 'pod') || labels.length < 2) return undefined;
  return { namespace: labels[labels.length - 2]!, kind, depth: labels.length };
}

function namespaceExists(data: DnsZoneData, namespace: string): boolean {
  // Without a namespace list (older callers), a namespace exists when a record names it.
  if (data.namespaces) return data.namespaces.includes(namespace);
  return data.records.some((r) => r.name.includes(`.${namespace}.svc.`) || r.name.includes(`.${namespace}.pod.`));
}

/** A synthesised `pods insecure` A record, or undefined. */
function insecurePodRecord(data: DnsZoneData, q: string, zone: string): DnsRecord | undefined {
  if ((data.podsMode ?? 'insecure') !== 'insecure') return undefined;
  const p = podName(q, zone);
  if (!p || !namespaceExists(data, p.namespace)) return undefined;
  const ip = dashedIPv4(p.label);
  return ip ? { name: q, ttl: KUBEADM_COREDNS_TTL, type: 'A', data: ip, source: 'pods insecure' } : undefined;
}

/** Whether CoreDNS treats the in-zone name as existing (NODATA rather than NXDOMAIN). */
function nameExists(data: DnsZoneData, q: string, zone: string): boolean {
  if (q === zone) return true;
  // The TXT record lives only at `dns-version.<zone>`, which is no Kubernetes name (parse.go).
  if (data.records.some((r) => r.type !== 'TXT' && (r.name === q || r.name.endsWith(`.${q}`)))) return true;
  if (insecurePodRecord(data, q, zone)) return true;
  const labels = q.slice(0, q.length - zone.length - 1).split('.');
  const podsOn = (data.podsMode ?? 'insecure') !== 'disabled';
  // `svc.<zone>` / `pod.<zone>` sit above every namespace.
  if (labels.length === 1 && (labels[0] === 'svc' || (labels[0] === 'pod' && podsOn))) {
    return (data.namespaces ?? []).length > 0;
  }
  // findServices / findPods with an empty name: NODATA when the namespace exists.
  const ns = namespaceOf(q, zone);
  if (ns && ns.depth === 2 && (ns.kind === 'svc' || podsOn)) return namespaceExists(data, ns.namespace);
  return false;
}

function fakeA(data: DnsZoneData, q: string, zone: string): DnsAnswer {
  return { rcode: nameExists(data, q, zone) ? 'NOERROR' : 'NXDOMAIN', records: [], forwarded: false };
}

function nameserverName(zone: string): string {
  return `ns.dns.${zone}`;
}

/** Records of `q` for A, AAAA or TXT, following in-zone CNAMEs (backend_lookup.go A/AAAA/TXT). */
function addressLike(data: DnsZoneData, q: string, zone: string, type: 'A' | 'AAAA' | 'TXT', chain: DnsRecord[]): DnsRecord[] {
  if (type === 'TXT') {
    // kubernetes.go Services: only `dns-version.<zone>` has a TXT record.
    return data.records.filter((r) => r.name === q && r.type === 'TXT');
  }
  if (q === nameserverName(zone)) {
    // kubernetes.go isDefaultNS: the addresses of the Service in front of CoreDNS.
    // One A or AAAA per address of that family (a dual-stack DNS Service has one of each).
    return (data.nameservers ?? [])
      .filter((ip) => ip.includes(':') === (type === 'AAAA'))
      .map((ip) => ({ name: q, ttl: KUBEADM_COREDNS_TTL, type, data: ip, source: 'CoreDNS nameserver' }));
  }
  const same = data.records.filter((r) => r.name === q);
  const out = same.filter((r) => r.type === type);
  const pod = type === 'A' && out.length === 0 ? insecurePodRecord(data, q, zone) : undefined;
  if (pod) out.push(pod);
  for (const cname of same.filter((r) => r.type === 'CNAME')) {
    const target = normalise(cname.data);
    if (target === q || chain.length > 7 || chain.some((c) => c.name === cname.name && c.data === cname.data)) continue;
    if (!inZone(target, zone)) {
      // Outside the zone CoreDNS asks its upstream; the model has none, so the answer is the CNAME
      // and the client follows it.
      out.push(cname);
      continue;
    }
    const next = addressLike(data, target, zone, type, [...chain, cname]);
    if (next.length > 0) out.push(cname, ...next);
  }
  return out;
}

function soaRecord(zone: string): DnsRecord {
  // backend_lookup.go SOA: Ns ns.dns.<zone>, Mbox hostmaster.<zone>, Serial = the time of the last
  // API change CoreDNS saw (kubernetes.go Serial -> APIConn.Modified), refresh 7200, retry 1800,
  // expire 86400, minimum = the plugin TTL; record TTL min(ttl, 300).
  return {
    name: zone, ttl: Math.min(KUBEADM_COREDNS_TTL, 300), type: 'SOA',
    data: `${nameserverName(zone)} hostmaster.${zone} <serial> 7200 1800 86400 ${KUBEADM_COREDNS_TTL}`,
    source: 'CoreDNS zone apex (serial: time of the last API change)',
  };
}

/**
 * Answers one question as CoreDNS would. Names outside the cluster domain are `forwarded`
 * upstream (no records), and so are reverse names without a PTR record (kubeadm's Corefile:
 * `fallthrough in-addr.arpa ip6.arpa`).
 */
export function answer(data: DnsZoneData, name: string, type: DnsRecordType = 'A'): DnsAnswer {
  const q = normalise(name);
  const zone = normalise(data.zone);
  const reverse = q.endsWith('.in-addr.arpa.') || q.endsWith('.ip6.arpa.');
  if (reverse) {
    const ptr = data.records.filter((r) => r.name === q && r.type === 'PTR');
    if (type === 'PTR' && ptr.length > 0) return { rcode: 'NOERROR', records: ptr, forwarded: false };
    if (ptr.length > 0) return { rcode: 'NOERROR', records: [], forwarded: false };
    return { rcode: 'NOERROR', records: [], forwarded: true };
  }
  if (!inZone(q, zone)) return { rcode: 'NOERROR', records: [], forwarded: true };
  let records: DnsRecord[];
  switch (type) {
    case 'A':
    case 'AAAA':
    case 'TXT':
      records = addressLike(data, q, zone, type, []);
      break;
    case 'SRV':
    case 'PTR':
    case 'CNAME':
      records = data.records.filter((r) => r.name === q && r.type === type);
      break;
    case 'NS':
      // handler.go: NS only at the apex (backend_lookup.go NS: `<zone> NS ns.dns.<zone>`).
      records = q === zone && (data.nameservers ?? []).length > 0
        ? [{ name: zone, ttl: KUBEADM_COREDNS_TTL, type: 'NS', data: nameserverName(zone), source: 'CoreDNS zone apex' }]
        : [];
      break;
    case 'SOA':
      records = q === zone ? [soaRecord(zone)] : [];
      break;
    default:
      // Any other type (HINFO, MX, ...): the fake A lookup decides NODATA or NXDOMAIN.
      records = [];
  }
  if (records.length > 0) return { rcode: 'NOERROR', records, forwarded: false };
  return fakeA(data, q, zone);
}
