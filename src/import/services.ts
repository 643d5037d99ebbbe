/**
 * Service objects -> model Services. Field reference:
 * kubernetes.io/docs/reference/kubernetes-api/service-resources/service-v1 (spec.clusterIP(s),
 * ipFamilies, type, ports, selector, externalTrafficPolicy, internalTrafficPolicy,
 * sessionAffinity, externalIPs, status.loadBalancer.ingress).
 */
import { isIp, isIPv4 } from '../net/cidr.ts';
import type { IPFamily, IPFamilyPolicy, Protocol, ServiceInput, ServicePortInput, ServiceType, TrafficDistribution } from '../model/types.ts';
import { isIPv6 } from './nodes.ts';
import type { IssueCollector, Location } from './issues.ts';
import type { Reader } from './read.ts';

/** A Service read from the paste. */
export interface ImportedService {
  /** The model Service. */
  service: ServiceInput;
  /** Where the Service object is. */
  at: Location;
  /**
   * The dual-stack fields as the API server stored them; copied onto `service` only when the
   * imported cluster has service ranges of both families (src/import/families.ts).
   */
  family?: { clusterIPs: string[]; ipFamilies: IPFamily[]; ipFamilyPolicy?: IPFamilyPolicy };
}

const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];
const TYPES: readonly ServiceType[] = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
const POLICIES = ['Cluster', 'Local'] as const;
const TRAFFIC_DISTRIBUTIONS: readonly TrafficDistribution[] = ['PreferClose', 'PreferSameZone', 'PreferSameNode'];
// Older API servers spelled it "Global"; kube-proxy treats it as Cluster.
const LEGACY_POLICIES = ['Cluster', 'Local', 'Global'] as const;
const AFFINITIES = ['None', 'ClientIP'] as const;
const FAMILIES: readonly IPFamily[] = ['IPv4', 'IPv6'];
const FAMILY_POLICIES: readonly IPFamilyPolicy[] = ['SingleStack', 'PreferDualStack', 'RequireDualStack'];

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

/** The ClusterIPs as listed (`clusterIPs`, else `[clusterIP]`): `['None']` when headless; invalid ones reported and left out. */
function clusterIPs(spec: Reader, issues: IssueCollector): string[] {
  const listed = spec.has('clusterIPs') ? spec.strings('clusterIPs') : [];
  const ips = listed.length > 0 ? listed : [spec.string('clusterIP')].filter((ip): ip is string => ip !== undefined && ip !== '');
  if (ips.includes('None')) return ['None'];
  return ips.filter((ip, i) => {
    if (isIp(ip)) return true;
    const field = i === 0 ? 'clusterIP' : `clusterIPs[${i}]`;
    issues.error(spec.at(field), `ClusterIP ${JSON.stringify(ip)} is not an ${isIPv6(ip) ? 'IPv6' : 'IPv4'} address; it was left out (the model allocates a free one)`);
    return false;
  });
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
  // Not imported for IPv6: an external IP must be of one of the Service's families, which the import does not check.
  for (const ip of listed.filter((ip) => !isIPv4(ip))) {
    issues.warning(spec.at('externalIPs'), `Service ${ref}'s external IP ${ip} is not shown: the import reads IPv4 external IPs only`);
  }
  return listed.filter((ip) => isIPv4(ip));
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
  const imported: ImportedService = { service, at: read.location };
  if (!spec) return imported;
  const type = spec.oneOf('type', TYPES) ?? 'ClusterIP';
  if (type !== 'ClusterIP') service.type = type;
  if (type === 'ExternalName') {
    const externalName = spec.string('externalName');
    if (externalName !== undefined) service.externalName = externalName;
  } else {
    const ips = clusterIPs(spec, issues);
    if (ips[0] !== undefined) service.clusterIP = ips[0];
    const families = spec.strings('ipFamilies').filter((f): f is IPFamily => (FAMILIES as readonly string[]).includes(f));
    const policy = spec.oneOf('ipFamilyPolicy', FAMILY_POLICIES);
    imported.family = { clusterIPs: ips, ipFamilies: families, ...(policy ? { ipFamilyPolicy: policy } : {}) };
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
  return imported;
}
