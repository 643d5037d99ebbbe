/**
 * The records the cluster DNS serves: Kubernetes DNS-Based Service Discovery spec
 * (kubernetes/dns docs/specification.md), as CoreDNS's kubernetes plugin answers them
 * (coredns plugin/kubernetes; SRV weights from plugin/backend_lookup.go) with kubeadm's
 * Corefile (`ttl 30`, `pods insecure`). Headless endpoints without a hostname are named
 * by their dashed IP, as CoreDNS does. `answer()` lives in dns-answer.ts (import-free, for the browser).
 */
import { Address4, Address6 } from 'ip-address';
import { apiServerEndpoints, kubernetesService } from '../model/defaults.ts';
import { ofFamily, podIPs, serviceClusterIPs, serviceIPFamilies } from '../model/ip-families.ts';
import type { Cluster, Service } from '../model/types.ts';
import { selectedPods, serviceEndpoints } from './endpoints.ts';
import { DNS_SCHEMA_VERSION, DNS_VERSION_TTL, KUBEADM_COREDNS_TTL, type DnsRecord, type DnsZoneData } from './dns-answer.ts';

export { answer, KUBEADM_COREDNS_TTL } from './dns-answer.ts';
export type { DnsAnswer, DnsPodsMode, DnsRecord, DnsRecordType, DnsZoneData } from './dns-answer.ts';

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
  // backend_lookup.go SRV: weight = floor(100 / total weight at this priority * 100) with each weight 100.
  return Math.max(1, Math.floor((100 / (100 * count)) * 100));
}

/** One endpoint address of a Service as CoreDNS sees it (an EndpointSlice address with its ports). */
interface DnsEndpoint {
  /** Address. */
  ip: string;
  /** First label of its name: the hostname, else the dashed IP (kubernetes.go endpointHostname). */
  host: string;
  /** Ports of the address: port name, protocol, number. */
  ports: Array<{ name: string; protocol: string; port: number }>;
  /** What the record comes from. */
  source: string;
}

/**
 * The endpoint addresses CoreDNS reads from a Service's EndpointSlices: one slice per family of
 * the Service (`spec.ipFamilies`), each pod with its address of that family. A single-stack
 * Service therefore has no AAAA (or no A) endpoint records, even for dual-stack pods.
 */
function podEndpoints(cluster: Cluster, service: Service, source: string): DnsEndpoint[] {
  const families = serviceIPFamilies(service, cluster);
  return families.flatMap((family, i) => selectedPods(cluster, service).flatMap((pod) => {
    // The first family keeps the pod's primary address, so a single-stack cluster reads `ip` as before.
    const ip = i === 0 && families.length === 1 && pod.podIPs === undefined ? pod.ip : ofFamily(podIPs(pod), family);
    if (!ip) return [];
    return [{
      ip,
      host: endpointHostname(service, { ...pod, ip }),
      ports: service.ports.flatMap((p) => serviceEndpoints(cluster, service, p)
        .filter((ep) => ep.pod === pod)
        .map((ep) => ({ name: p.name, protocol: p.protocol, port: ep.port }))),
      source: `${source} endpoint ${pod.namespace}/${pod.name}`,
    }];
  }));
}

/**
 * SRV records at `name` for (target, port) pairs, as backend_lookup.go SRV writes them: the weight
 * counts every pair, a repeated (target, port) is written once.
 */
function srvRecords(name: string, pairs: Array<{ target: string; port: number }>, ttl: number, source: string): DnsRecord[] {
  const seen = new Set<string>();
  const out: DnsRecord[] = [];
  for (const { target, port } of pairs) {
    const key = `${target} ${port}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name, ttl, type: 'SRV', data: `0 ${srvWeight(pairs.length)} ${port} ${target}`, source });
  }
  return out;
}

function serviceRecords(cluster: Cluster, service: Service, endpoints: DnsEndpoint[], ttl: number): DnsRecord[] {
  const zone = cluster.network.clusterDomain;
  const source = `Service ${service.namespace}/${service.name}`;
  const svcName = fqdn(service.name, service.namespace, 'svc', zone);
  const portName = (p: { name: string; protocol: string }): string =>
    fqdn(`_${p.name}`, `_${p.protocol.toLowerCase()}`, service.name, service.namespace, 'svc', zone);
  const out: DnsRecord[] = [];
  if (service.type === 'ExternalName') {
    if (service.externalName) {
      // The API server accepts the name with or without one trailing dot (validation.go ValidateService).
      const target = service.externalName.endsWith('.') ? service.externalName : `${service.externalName}.`;
      out.push({ name: svcName, ttl, type: 'CNAME', data: target.toLowerCase(), source });
    }
    return out;
  }
  const named = service.ports.filter((p) => p.name !== '');
  const hostName = (ep: DnsEndpoint): string => fqdn(ep.host, service.name, service.namespace, 'svc', zone);
  if (!isHeadless(service) && service.clusterIP) {
    // One A or AAAA record per ClusterIP (a dual-stack Service has one of each), and a PTR for each.
    const clusterIPs = serviceClusterIPs(service);
    for (const ip of clusterIPs) out.push({ name: svcName, ttl, type: addressType(ip), data: ip, source });
    // SRV: kubernetes.go Records lists one service record per ClusterIP, all with the same target,
    // so the weight counts every (ClusterIP, port) pair and the duplicate targets are written once.
    for (const p of named) out.push(...srvRecords(portName(p), clusterIPs.map(() => ({ target: svcName, port: p.port })), ttl, source));
    // findServices treats an empty port and protocol as wildcards: SRV at the bare name, one per port.
    out.push(...srvRecords(svcName, clusterIPs.flatMap(() => service.ports.map((p) => ({ target: svcName, port: p.port }))), ttl, source));
    for (const ip of clusterIPs) out.push({ name: reverseName(ip), ttl, type: 'PTR', data: svcName, source });
  } else {
    // Headless: the Service name carries every ready endpoint (every selected pod counts as ready here).
    for (const ep of endpoints) out.push({ name: svcName, ttl, type: addressType(ep.ip), data: ep.ip, source });
    for (const p of named) {
      const pairs = endpoints.flatMap((ep) => ep.ports.filter((x) => x.name === p.name && x.protocol === p.protocol)
        .map((x) => ({ target: hostName(ep), port: x.port })));
      out.push(...srvRecords(portName(p), pairs, ttl, source));
    }
    out.push(...srvRecords(svcName, endpoints.flatMap((ep) => ep.ports.map((x) => ({ target: hostName(ep), port: x.port }))), ttl, source));
  }
  // Endpoint names and their PTRs, for every Service with endpoints, not only headless ones:
  // findServices answers `<endpoint>.<service>...` whenever the query names an endpoint, and
  // reverse.go serviceRecordForIP searches the endpoints of every Service after the ClusterIPs.
  for (const ep of endpoints) {
    out.push({ name: hostName(ep), ttl, type: addressType(ep.ip), data: ep.ip, source: ep.source });
    out.push({ name: reverseName(ep.ip), ttl, type: 'PTR', data: hostName(ep), source: ep.source });
  }
  return out;
}

/** The records of `default/kubernetes`, whose endpoints are the control-plane nodes (see defaults.ts). */
function kubernetesServiceRecords(cluster: Cluster, ttl: number): DnsRecord[] {
  const service = kubernetesService(cluster.network.serviceCIDR);
  if (!service.clusterIP) return [];
  const source = `Service ${service.namespace}/${service.name}`;
  const endpoints: DnsEndpoint[] = apiServerEndpoints(cluster.nodes).map((ep) => {
    const node = cluster.nodes.find((n) => n.ip === ep.ip);
    return {
      ip: ep.ip, host: dashedIP(ep.ip), ports: [{ name: 'https', protocol: 'TCP', port: ep.port }],
      source: `${source} endpoint kube-apiserver on ${node?.name ?? ep.ip}`,
    };
  });
  return serviceRecords(cluster, service, endpoints, ttl);
}

/**
 * Every record the cluster DNS serves for the cluster's objects: Service A/AAAA, SRV and PTR,
 * per-endpoint records, ExternalName CNAMEs, `default/kubernetes`, the `dns-version` TXT record and
 * (unless `pods disabled`) the `a-b-c-d.<ns>.pod.<zone>` records of the cluster's pods.
 */
export function clusterDnsRecords(cluster: Cluster, ttl: number = KUBEADM_COREDNS_TTL): DnsRecord[] {
  const zone = cluster.network.clusterDomain;
  const out: DnsRecord[] = [
    // Spec 2.2 / kubernetes.go Services: `dns-version.<zone>. 28800 IN TXT "1.1.0"`.
    { name: fqdn('dns-version', zone), ttl: DNS_VERSION_TTL, type: 'TXT', data: `"${DNS_SCHEMA_VERSION}"`, source: 'DNS schema version' },
    ...kubernetesServiceRecords(cluster, ttl),
    ...cluster.services.flatMap((s) => serviceRecords(cluster, s, podEndpoints(cluster, s, `Service ${s.namespace}/${s.name}`), ttl)),
  ];
  if (cluster.dns.podsMode === 'disabled') return out;
  for (const node of cluster.nodes) {
    for (const pod of node.pods) {
      if (pod.hostNetwork) continue;
      // Every address of a dual-stack pod has its dashed name (`pods insecure` answers any of them).
      for (const ip of podIPs(pod)) {
        out.push({
          name: fqdn(dashedIP(ip), pod.namespace, 'pod', zone), ttl, type: addressType(ip), data: ip,
          source: `Pod ${pod.namespace}/${pod.name}`,
        });
      }
    }
  }
  return out;
}

/** The minimal, JSON-serialisable data for answering queries about a cluster (for the browser). */
export function dnsZoneData(cluster: Cluster): DnsZoneData {
  return {
    zone: cluster.network.clusterDomain.toLowerCase(),
    records: clusterDnsRecords(cluster),
    namespaces: cluster.namespaces.map((n) => n.name),
    podsMode: cluster.dns.podsMode,
    nameservers: cluster.dns.clusterIPs ?? (cluster.dns.clusterIP ? [cluster.dns.clusterIP] : []),
  };
}

