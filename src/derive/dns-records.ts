/**
 * The records the cluster DNS serves: Kubernetes DNS-Based Service Discovery spec
 * (kubernetes/dns docs/specification.md), as CoreDNS's kubernetes plugin answers them
 * (coredns plugin/kubernetes; SRV weights from plugin/backend_lookup.go) with kubeadm's
 * Corefile (`ttl 30`, `pods insecure`). Headless endpoints without a hostname are named
 * by their dashed IP, as CoreDNS does. `answer()` is pure and runs in the browser.
 */
import { Address4, Address6 } from 'ip-address';
import type { Cluster, Service } from '../model/types';
import { selectedPods, serviceEndpoints } from './endpoints';

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

/** A record line as `dig` prints it: `name ttl IN type data`. */
export function formatRecord(r: DnsRecord): string {
  return `${r.name}\t${r.ttl}\tIN\t${r.type}\t${r.data}`;
}

/** `10.244.1.5` -> `10-244-1-5` (CoreDNS endpoint hostname and pod A record label). */
export function dashedIP(ip: string): string {
  return ip.includes(':') ? new Address6(ip).correctForm().replace(/:/g, '-') : ip.replace(/\./g, '-');
}

/** The reverse-lookup owner name of an IP (`d.c.b.a.in-addr.arpa.` or nibbles in ip6.arpa). */
export function reverseName(ip: string): string {
  const form = ip.includes(':') ? new Address6(ip).reverseForm() : new Address4(ip).reverseForm();
  return form.endsWith('.') ? form : `${form}.`;
}

function fqdn(...labels: string[]): string {
  return `${labels.join('.')}.`.toLowerCase();
}

function addressType(ip: string): 'A' | 'AAAA' {
  return ip.includes(':') ? 'AAAA' : 'A';
}

/** The hostname of an endpoint: pod `spec.hostname` when its `spec.subdomain` names this Service, else the dashed IP. */
export function endpointHostname(service: Service, pod: { hostname?: string; subdomain?: string; ip: string }): string {
  return pod.hostname && pod.subdomain === service.name ? pod.hostname : dashedIP(pod.ip);
}

/** Whether a Service is headless (`clusterIP: None`). */
export function isHeadless(service: Service): boolean {
  return service.type !== 'ExternalName' && service.clusterIP === 'None';
}

function srvWeight(count: number): number {
  // backend_lookup.go: weight = floor(100 / total weight at this priority * 100) with each weight 100.
  return Math.floor((100 / (100 * count)) * 100);
}

function serviceRecords(cluster: Cluster, service: Service, ttl: number): DnsRecord[] {
  const zone = cluster.network.clusterDomain;
  const source = `Service ${service.namespace}/${service.name}`;
  const svcName = fqdn(service.name, service.namespace, 'svc', zone);
  const out: DnsRecord[] = [];
  if (service.type === 'ExternalName') {
    if (service.externalName) {
      const target = service.externalName.endsWith('.') ? service.externalName : `${service.externalName}.`;
      out.push({ name: svcName, ttl, type: 'CNAME', data: target.toLowerCase(), source });
    }
    return out;
  }
  const named = service.ports.filter((p) => p.name !== '');
  if (!isHeadless(service) && service.clusterIP) {
    out.push({ name: svcName, ttl, type: addressType(service.clusterIP), data: service.clusterIP, source });
    for (const p of named) {
      out.push({
        name: fqdn(`_${p.name}`, `_${p.protocol.toLowerCase()}`, service.name, service.namespace, 'svc', zone),
        ttl, type: 'SRV', data: `0 ${srvWeight(1)} ${p.port} ${svcName}`, source,
      });
    }
    out.push({ name: reverseName(service.clusterIP), ttl, type: 'PTR', data: svcName, source });
    return out;
  }
  // Headless: one record per ready endpoint (every selected pod counts as ready here).
  const pods = selectedPods(cluster, service);
  for (const pod of pods) {
    out.push({ name: svcName, ttl, type: addressType(pod.ip), data: pod.ip, source });
  }
  for (const pod of pods) {
    const host = endpointHostname(service, pod);
    const hostName = fqdn(host, service.name, service.namespace, 'svc', zone);
    out.push({ name: hostName, ttl, type: addressType(pod.ip), data: pod.ip, source: `${source} endpoint ${pod.namespace}/${pod.name}` });
    out.push({ name: reverseName(pod.ip), ttl, type: 'PTR', data: hostName, source: `${source} endpoint ${pod.namespace}/${pod.name}` });
  }
  for (const p of named) {
    const eps = serviceEndpoints(cluster, service, p);
    for (const ep of eps) {
      const hostName = fqdn(endpointHostname(service, ep.pod), service.name, service.namespace, 'svc', zone);
      out.push({
        name: fqdn(`_${p.name}`, `_${p.protocol.toLowerCase()}`, service.name, service.namespace, 'svc', zone),
        ttl, type: 'SRV', data: `0 ${srvWeight(eps.length)} ${ep.port} ${hostName}`, source,
      });
    }
  }
  return out;
}

/**
 * Every record the cluster DNS serves for the cluster's objects: Service A/AAAA, SRV and PTR,
 * headless per-endpoint records, ExternalName CNAMEs, and the `a-b-c-d.<ns>.pod.<zone>` pod records.
 */
export function clusterDnsRecords(cluster: Cluster, ttl: number = KUBEADM_COREDNS_TTL): DnsRecord[] {
  const zone = cluster.network.clusterDomain;
  const out: DnsRecord[] = cluster.services.flatMap((s) => serviceRecords(cluster, s, ttl));
  for (const node of cluster.nodes) {
    for (const pod of node.pods) {
      if (pod.hostNetwork) continue;
      out.push({
        name: fqdn(dashedIP(pod.ip), pod.namespace, 'pod', zone), ttl, type: addressType(pod.ip), data: pod.ip,
        source: `Pod ${pod.namespace}/${pod.name}`,
      });
    }
  }
  return out;
}

/** What `answer()` needs: the records and the zones CoreDNS is authoritative for. */
export interface DnsZoneData {
  /** The cluster domain, e.g. `cluster.local`. */
  zone: string;
  /** The records. */
  records: DnsRecord[];
}

/** The minimal, JSON-serialisable data for answering queries about a cluster (for the browser). */
export function dnsZoneData(cluster: Cluster): DnsZoneData {
  return { zone: cluster.network.clusterDomain.toLowerCase(), records: clusterDnsRecords(cluster) };
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
