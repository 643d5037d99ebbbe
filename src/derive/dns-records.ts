/**
 * The records the cluster DNS serves: Kubernetes DNS-Based Service Discovery spec
 * (kubernetes/dns docs/specification.md), as CoreDNS's kubernetes plugin answers them
 * (coredns plugin/kubernetes; SRV weights from plugin/backend_lookup.go) with kubeadm's
 * Corefile (`ttl 30`, `pods insecure`). Headless endpoints without a hostname are named
 * by their dashed IP, as CoreDNS does. `answer()` lives in dns-answer.ts (import-free, for the browser).
 */
import { Address4, Address6 } from 'ip-address';
import type { Cluster, Service } from '../model/types.ts';
import { selectedPods, serviceEndpoints } from './endpoints.ts';
import { KUBEADM_COREDNS_TTL, type DnsRecord, type DnsZoneData } from './dns-answer.ts';

export { answer, KUBEADM_COREDNS_TTL } from './dns-answer.ts';
export type { DnsAnswer, DnsRecord, DnsRecordType, DnsZoneData } from './dns-answer.ts';

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

/** The minimal, JSON-serialisable data for answering queries about a cluster (for the browser). */
export function dnsZoneData(cluster: Cluster): DnsZoneData {
  return { zone: cluster.network.clusterDomain.toLowerCase(), records: clusterDnsRecords(cluster) };
}

