/**
 * Service objects -> model Services. Field reference:
 * kubernetes.io/docs/reference/kubernetes-api/service-resources/service-v1 (spec.clusterIP(s),
 * ipFamilies, type, ports, selector, externalTrafficPolicy, internalTrafficPolicy,
 * sessionAffinity, externalIPs, status.loadBalancer.ingress).
 */
import { isIPv4 as isIp } from '../net/cidr.ts';
import type { Protocol, ServiceInput, ServicePortInput, ServiceType, TrafficDistribution } from '../model/types.ts';
import { isIPv6 } from './nodes.ts';
import type { IssueCollector, Location } from './issues.ts';
import type { Reader } from './read.ts';

/** A Service read from the paste. */
export interface ImportedService {
  /** The model Service. */
  service: ServiceInput;
  /** Where the Service object is. */
  at: Location;
}

const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];
const TYPES: readonly ServiceType[] = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
const POLICIES = ['Cluster', 'Local'] as const;
const TRAFFIC_DISTRIBUTIONS: readonly TrafficDistribution[] = ['PreferClose', 'PreferSameZone', 'PreferSameNode'];
// Older API servers spelled it "Global"; kube-proxy treats it as Cluster.
const LEGACY_POLICIES = ['Cluster', 'Local', 'Global'] as const;
const AFFINITIES = ['None', 'ClientIP'] as const;

function ports(spec: Reader, issues: IssueCollector): ServicePortInput[] {
  return spec.objects('ports').flatMap((p) => {
    const port = p.integer('port');
    if (port === undefined) {
      if (!p.has('port')) issues.error(p.at('port'), 'a Service port without `port` was left out');
      return [];
    }
    const out: ServicePortInput = { port };
    const name = p.string('name');
    if (name) out.name = name;
    const protocol = p.oneOf('protocol', PROTOCOLS);
    if (protocol && protocol !== 'TCP') out.protocol = protocol;
    const targetPort = p.intOrString('targetPort');
    if (targetPort !== undefined && targetPort !== port) out.targetPort = targetPort;
    const nodePort = p.integer('nodePort');
    if (nodePort !== undefined) out.nodePort = nodePort;
    return [out];
  });
}

/** The IPv4 ClusterIP (or `None`), warning about an IPv6 family the model cannot hold. */
function clusterIP(spec: Reader, ref: string, issues: IssueCollector): string | undefined {
  const listed = spec.has('clusterIPs') ? spec.strings('clusterIPs') : [];
  const ips = listed.length > 0 ? listed : [spec.string('clusterIP')].filter((ip): ip is string => ip !== undefined && ip !== '');
  if (ips.includes('None')) return 'None';
  const ipv4 = ips.find((ip) => !isIPv6(ip));
  for (const ip of ips.filter((ip) => ip !== ipv4)) {
    issues.warning(spec.at('clusterIPs'), `Service ${ref}'s ClusterIP ${ip} is not shown: the model holds one IPv4 ClusterIP per Service (dual-stack is not modelled yet)`);
  }
  if (ips.length > 0 && ipv4 === undefined) {
    issues.error(spec.at('clusterIPs'), `Service ${ref} has no IPv4 ClusterIP (${ips.join(', ')}); the model holds IPv4 only, so one was allocated`);
  } else if (ipv4 !== undefined && !isIp(ipv4)) {
    issues.error(spec.at('clusterIP'), `ClusterIP ${JSON.stringify(ipv4)} is not an IPv4 address; it was left out (the model allocates a free one)`);
  }
  return ipv4;
}

function loadBalancerIP(read: Reader, ref: string, issues: IssueCollector): string | undefined {
  const ingress = read.object('status')?.object('loadBalancer')?.objects('ingress') ?? [];
  const ips = ingress.map((i) => ({ ip: i.string('ip'), hostname: i.string('hostname'), at: i.location }));
  const first = ips.find((i) => i.ip !== undefined && !isIPv6(i.ip));
  for (const other of ips.filter((i) => i !== first)) {
    const what = other.ip ?? other.hostname ?? '(empty)';
    issues.warning(other.at, `Service ${ref}'s load-balancer ingress ${what} is not shown: the model holds one IPv4 load-balancer IP`);
  }
  return first?.ip;
}

/** The IPv4 `externalIPs` (kube-proxy writes an "external IP" rule for each), warning about the others. */
function externalIPs(spec: Reader, ref: string, issues: IssueCollector): string[] {
  const listed = spec.strings('externalIPs');
  for (const ip of listed.filter((ip) => !isIp(ip))) {
    issues.warning(spec.at('externalIPs'), `Service ${ref}'s external IP ${ip} is not shown: the model holds IPv4 external IPs only`);
  }
  return listed.filter((ip) => isIp(ip));
}

function warnUnmodelled(spec: Reader, ref: string, issues: IssueCollector): void {
  // kube-proxy acts on each of these (pkg/proxy: external IPs, source ranges, affinity timeout,
  // the health-check port of externalTrafficPolicy Local).
  for (const field of ['loadBalancerSourceRanges', 'sessionAffinityConfig', 'healthCheckNodePort']) {
    const value = spec.value[field];
    const empty = value === undefined || value === null || (Array.isArray(value) && value.length === 0);
    if (!empty) issues.warning(spec.at(field), `Service ${ref}: ${field} is not shown (the model has no field for it)`);
  }
  if (spec.boolean('allocateLoadBalancerNodePorts') === false) {
    issues.warning(spec.at('allocateLoadBalancerNodePorts'), `Service ${ref} allocates no node ports; the model gives every LoadBalancer port a nodePort`);
  }
  if (spec.boolean('publishNotReadyAddresses')) {
    issues.warning(spec.at('publishNotReadyAddresses'), `Service ${ref} publishes not-ready addresses (its endpoints are all ready); the model has no field for it and uses each pod's own conditions`);
  }
}

/** Reads a Service; undefined (with an error) when it has no name. */
export function importService(read: Reader, issues: IssueCollector): ImportedService | undefined {
  const metadata = read.object('metadata');
  const name = metadata?.string('name');
  if (!name) {
    issues.error(read.at('metadata.name'), 'a Service without a name was left out');
    return undefined;
  }
  const namespace = metadata?.string('namespace') ?? 'default';
  const ref = `${namespace}/${name}`;
  const spec = read.object('spec');
  const service: ServiceInput = { name, namespace };
  if (!spec) return { service, at: read.location };
  const type = spec.oneOf('type', TYPES) ?? 'ClusterIP';
  if (type !== 'ClusterIP') service.type = type;
  if (type === 'ExternalName') {
    const externalName = spec.string('externalName');
    if (externalName !== undefined) service.externalName = externalName;
  } else {
    const ip = clusterIP(spec, ref, issues);
    if (ip !== undefined && (ip === 'None' || isIp(ip))) service.clusterIP = ip;
  }
  const selector = spec.stringMap('selector');
  if (selector && Object.keys(selector).length > 0) service.selector = selector;
  const servicePorts = ports(spec, issues);
  if (servicePorts.length > 0) service.ports = servicePorts;
  const external = spec.oneOf('externalTrafficPolicy', LEGACY_POLICIES);
  if (external === 'Local') service.externalTrafficPolicy = 'Local';
  const internal = spec.oneOf('internalTrafficPolicy', POLICIES);
  if (internal === 'Local') service.internalTrafficPolicy = 'Local';
  const affinity = spec.oneOf('sessionAffinity', AFFINITIES);
  if (affinity === 'ClientIP') service.sessionAffinity = 'ClientIP';
  const external4 = externalIPs(spec, ref, issues);
  if (external4.length > 0) service.externalIPs = external4;
  const distribution = spec.oneOf('trafficDistribution', TRAFFIC_DISTRIBUTIONS);
  if (distribution !== undefined) service.trafficDistribution = distribution;
  const lb = loadBalancerIP(read, ref, issues);
  if (lb !== undefined) service.loadBalancerIP = lb;
  warnUnmodelled(spec, ref, issues);
  return { service, at: read.location };
}
