/**
 * Every default of the model, in one place: kubeadm's and the API server's (each plugin module
 * holds its own, e.g. the default cluster CIDR).
 *
 * `resolveCluster()` never throws: it fills in what a definition left out so that validation
 * and derivations see one complete shape. Malformed values pass through unchanged for
 * `validateCluster()` to report.
 */
import { cidrContainsIp, nthAddress, isIp } from '../net/cidr.ts';
import { defaultClusterCIDR } from '../plugins/index.ts';
import { allocateFamilyAddresses, resolveFamilyFields } from './dual-stack-defaults.ts';
import { gatewayApiNamespaces, resolveGatewayApi } from './gateway-api-defaults.ts';
import type {
  Cluster,
  ClusterDns,
  ClusterInput,
  ClusterNetworkPolicy,
  ClusterNetworkPolicyInput,
  HttpPathRule,
  Labels,
  NetworkPolicy,
  NetworkPolicyInput,
  Node,
  NodeInput,
  Pod,
  PodInput,
  Protocol,
  Service,
  ServiceInput,
  EndpointSlice,
  EndpointSliceInput,
} from './types.ts';

// kubeadm cmd/kubeadm/app/constants/constants.go: DefaultServicesSubnet.
export const DEFAULT_SERVICE_CIDR = '10.96.0.0/12';
// kubeadm constants.go: DefaultServiceDNSDomain.
export const DEFAULT_CLUSTER_DOMAIN = 'cluster.local';
/** The namespace of objects that do not name one. */
export const DEFAULT_NAMESPACE = 'default';
/** The namespace of the cluster DNS. */
export const DNS_NAMESPACE = 'kube-system';
/** The name of the cluster DNS Service (kept as `kube-dns` with CoreDNS, for compatibility). */
export const DNS_SERVICE_NAME = 'kube-dns';
/** Labels of the cluster DNS pods, selected by the kube-dns Service. */
export const DNS_POD_LABELS: Readonly<Labels> = { 'k8s-app': 'kube-dns' };
// kubeadm constants.go GetDNSIP: the tenth address of the service CIDR.
export const DNS_SERVICE_IP_INDEX = 10;
// kube-apiserver: the first service address belongs to default/kubernetes.
export const KUBERNETES_SERVICE_IP_INDEX = 1;
// kube-apiserver --service-node-port-range default.
export const NODE_PORT_RANGE = { min: 30000, max: 32767 } as const;
/** The label every namespace carries with its own name (since Kubernetes 1.21). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** The kube-dns ClusterIP kubeadm would pick for a service CIDR ('' when the CIDR is malformed). */
export function defaultDnsIP(serviceCIDR: string): string {
  return nthAddress(serviceCIDR, DNS_SERVICE_IP_INDEX) ?? '';
}

/** Whether `labels` carries every key/value of `selector` (an empty selector matches all). */
export function labelsMatch(selector: Labels | undefined, labels: Labels): boolean {
  return Object.entries(selector ?? {}).every(([key, value]) => labels[key] === value);
}

function arrayOf<T>(value: T[] | undefined): T[] {
  return Array.isArray(value) ? value : [];
}

function resolvePod(input: PodInput, node: NodeInput): Pod {
  const hostNetwork = input.hostNetwork ?? false;
  const pod: Pod = {
    name: input.name,
    namespace: input.namespace ?? DEFAULT_NAMESPACE,
    node: node.name,
    ip: input.ip ?? input.podIPs?.[0] ?? (hostNetwork ? node.ip : ''),
    labels: { ...(input.labels ?? {}) },
    hostNetwork,
    dnsPolicy: input.dnsPolicy ?? 'ClusterFirst',
    ports: arrayOf(input.ports).map((p) => ({
      ...(p.name !== undefined ? { name: p.name } : {}),
      containerPort: p.containerPort,
      protocol: p.protocol ?? 'TCP',
    })),
  };
  // Dual-stack: the addresses as given; a hostNetwork pod shares all of its node's addresses.
  if (input.podIPs !== undefined) pod.podIPs = [...input.podIPs];
  else if (hostNetwork && input.ip === undefined && node.ips && node.ips.length > 1) pod.podIPs = [...node.ips];
  if (input.hostname !== undefined) pod.hostname = input.hostname;
  if (input.subdomain !== undefined) pod.subdomain = input.subdomain;
  if (input.dnsConfig !== undefined) pod.dnsConfig = input.dnsConfig;
  // Endpoint conditions: kept only when they differ from a running, ready pod.
  if (input.ready === false) pod.ready = false;
  if (input.terminating === true) pod.terminating = true;
  return pod;
}

function resolveNode(input: NodeInput, nodeCIDR: string): Node {
  // A node's resolver is usually the network's gateway (.1), e.g. a home router or VPC resolver.
  const gateway = nthAddress(nodeCIDR, 1);
  return {
    name: input.name,
    ip: input.ip,
    podCIDR: input.podCIDR,
    ...(input.podCIDRs !== undefined ? { podCIDRs: [...input.podCIDRs] } : {}),
    ...(input.ips !== undefined ? { ips: [...input.ips] } : {}),
    controlPlane: input.controlPlane ?? false,
    resolvConf: {
      nameservers: input.resolvConf?.nameservers ?? (gateway ? [gateway] : []),
      searches: input.resolvConf?.searches ?? [],
    },
    pods: arrayOf(input.pods).map((pod) => resolvePod(pod, input)),
    // Topology: kept only when set (a node without the zone label has none).
    ...(input.zone !== undefined ? { zone: input.zone } : {}),
  };
}

/** The Service types that get a ClusterIP (a headless Service has `'None'`). */
function hasClusterIP(type: Service['type']): boolean {
  return type !== 'ExternalName';
}

/** The Service types that get a NodePort on every node. */
export function hasNodePort(type: Service['type']): boolean {
  return type === 'NodePort' || type === 'LoadBalancer';
}

function resolveService(input: ServiceInput): Service {
  const type = input.type ?? 'ClusterIP';
  const service: Service = {
    name: input.name,
    namespace: input.namespace ?? DEFAULT_NAMESPACE,
    type,
    ports: arrayOf(input.ports).map((p) => ({
      name: p.name ?? '',
      protocol: p.protocol ?? ('TCP' as Protocol),
      port: p.port,
      targetPort: p.targetPort ?? p.port,
      ...(p.nodePort !== undefined ? { nodePort: p.nodePort } : {}),
    })),
    externalTrafficPolicy: input.externalTrafficPolicy ?? 'Cluster',
    internalTrafficPolicy: input.internalTrafficPolicy ?? 'Cluster',
    sessionAffinity: input.sessionAffinity ?? 'None',
  };
  if (hasClusterIP(type) && input.clusterIP !== undefined) service.clusterIP = input.clusterIP;
  if (input.selector !== undefined) service.selector = { ...input.selector };
  if (input.externalName !== undefined) service.externalName = input.externalName;
  if (input.loadBalancerIP !== undefined) service.loadBalancerIP = input.loadBalancerIP;
  if (input.externalIPs !== undefined && input.externalIPs.length > 0) service.externalIPs = [...input.externalIPs];
  // core/v1 defaults: sessionAffinityConfig.clientIP.timeoutSeconds = 10800 for ClientIP
  // (pkg/apis/core/v1/defaults.go SetDefaults_Service); ingress ipMode VIP when unset.
  // A value given without ClientIP / without an IP is kept so validation can reject it as the API server does.
  const timeout = input.sessionAffinityTimeoutSeconds ?? (service.sessionAffinity === 'ClientIP' ? 10800 : undefined);
  if (timeout !== undefined) service.sessionAffinityTimeoutSeconds = timeout;
  const ipMode = input.loadBalancerIPMode ?? (service.loadBalancerIP !== undefined ? 'VIP' : undefined);
  if (ipMode !== undefined) service.loadBalancerIPMode = ipMode;
  if (input.trafficDistribution !== undefined) service.trafficDistribution = input.trafficDistribution;
  return service;
}

/** The `kube-system/kube-dns` Service kubeadm's CoreDNS addon creates (`clusterIPs` only when given, dual-stack). */
// kubeadm cmd/kubeadm/app/phases/addons/dns/manifests.go: CoreDNSService.
export function kubeDnsService(clusterIP: string, clusterIPs?: string[]): Service {
  const dual = clusterIPs && clusterIPs.length > 1 ? resolveFamilyFields({ name: DNS_SERVICE_NAME, clusterIPs, selector: { ...DNS_POD_LABELS } }, []) : {};
  return {
    ...dual,
    name: DNS_SERVICE_NAME,
    namespace: DNS_NAMESPACE,
    type: 'ClusterIP',
    clusterIP,
    selector: { ...DNS_POD_LABELS },
    ports: [
      { name: 'dns', protocol: 'UDP', port: 53, targetPort: 53 },
      { name: 'dns-tcp', protocol: 'TCP', port: 53, targetPort: 53 },
      { name: 'metrics', protocol: 'TCP', port: 9153, targetPort: 9153 },
    ],
    externalTrafficPolicy: 'Cluster',
    internalTrafficPolicy: 'Cluster',
    sessionAffinity: 'None',
  };
}

/**
 * Gives ClusterIPs and NodePorts to Services that left them out. The API server picks them at
 * random; we pick the lowest free one so builds are reproducible.
 */
function allocateAddresses(services: Service[], serviceCIDR: string): void {
  const takenIPs = new Set(services.map((s) => s.clusterIP).filter((ip): ip is string => !!ip));
  const kubernetesIP = nthAddress(serviceCIDR, KUBERNETES_SERVICE_IP_INDEX);
  if (kubernetesIP) takenIPs.add(kubernetesIP);
  const takenPorts = new Set(services.flatMap((s) => s.ports.map((p) => p.nodePort)));
  let nextIndex = KUBERNETES_SERVICE_IP_INDEX + 1;
  let nextPort: number = NODE_PORT_RANGE.min;
  for (const service of services) {
    if (hasClusterIP(service.type) && service.clusterIP === undefined) {
      let candidate = nthAddress(serviceCIDR, nextIndex);
      while (candidate && takenIPs.has(candidate)) candidate = nthAddress(serviceCIDR, ++nextIndex);
      if (candidate && cidrContainsIp(serviceCIDR, candidate)) {
        service.clusterIP = candidate;
        takenIPs.add(candidate);
      }
    }
    if (!hasNodePort(service.type)) continue;
    for (const port of service.ports) {
      if (port.nodePort !== undefined) continue;
      while (takenPorts.has(nextPort)) nextPort++;
      port.nodePort = nextPort;
      takenPorts.add(nextPort);
    }
  }
}

// k8s.io/kubernetes pkg/apis/networking/v1/defaults.go: SetDefaults_NetworkPolicySpec.
export function defaultPolicyTypes(input: NetworkPolicyInput): Array<'Ingress' | 'Egress'> {
  if (input.policyTypes && input.policyTypes.length > 0) return [...input.policyTypes];
  return arrayOf(input.egress).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

function resolveNetworkPolicy(input: NetworkPolicyInput): NetworkPolicy {
  return {
    name: input.name,
    namespace: input.namespace ?? DEFAULT_NAMESPACE,
    podSelector: input.podSelector ?? {},
    policyTypes: defaultPolicyTypes(input),
    ingress: arrayOf(input.ingress),
    egress: arrayOf(input.egress),
  };
}

// ClusterNetworkPolicy has no defaulted field but its rule lists (optional in the API).
function resolveClusterNetworkPolicy(input: ClusterNetworkPolicyInput): ClusterNetworkPolicy {
  return { ...input, ingress: arrayOf(input.ingress), egress: arrayOf(input.egress) };
}

function resolveRules(rules: HttpPathRule[] | undefined): HttpPathRule[] {
  return arrayOf(rules).map((rule) => ({ ...rule, pathType: rule.pathType ?? 'Prefix' }));
}

function resolveDns(input: ClusterInput, serviceCIDR: string, pods: Pod[]): ClusterDns {
  // Without an explicit list the DNS pods are the ones the kube-dns selector would pick.
  const derivedPods = pods
    .filter((p) => p.namespace === DNS_NAMESPACE && labelsMatch(DNS_POD_LABELS, p.labels))
    .map((p) => p.name);
  return {
    provider: input.dns?.provider ?? 'coredns',
    clusterIP: input.dns?.clusterIP ?? input.dns?.clusterIPs?.[0] ?? defaultDnsIP(serviceCIDR),
    pods: input.dns?.pods ? [...input.dns.pods] : derivedPods,
    // kubeadm's Corefile (cmd/kubeadm/app/phases/addons/dns/manifests.go CoreDNSConfigMap): `pods insecure`.
    podsMode: input.dns?.podsMode ?? 'insecure',
    ...(input.dns?.clusterIPs !== undefined ? { clusterIPs: [...input.dns.clusterIPs] } : {}),
  };
}

function resolveNamespaces(input: ClusterInput, used: string[]): Cluster['namespaces'] {
  const labels = new Map<string, Labels>();
  for (const name of [DEFAULT_NAMESPACE, DNS_NAMESPACE, ...used]) labels.set(name, {});
  for (const ns of arrayOf(input.namespaces)) labels.set(ns.name, { ...(ns.labels ?? {}) });
  return [...labels.keys()]
    .sort()
    .map((name) => ({ name, labels: { ...labels.get(name), [NAMESPACE_NAME_LABEL]: name } }));
}

// ---------------------------------------------------------------- default/kubernetes (dns block)
// kube-apiserver creates `default/kubernetes` itself (pkg/controlplane/controller/kubernetesservice/
// controller.go: CreateOrUpdateMasterServiceIfNeeded, createPortAndServiceSpec): no selector, ClusterIP
// = the first address of the service CIDR, one port `https` TCP 443 -> the apiserver's secure port.
// Its endpoints are the apiservers' advertise addresses (ReconcileEndpoints([]net.IP{c.PublicIP}, ...)).
// It is not in `cluster.services`: it has no selector, and derivations over selected pods must not
// see it; the DNS derivation adds its records (dns-records.ts).

/** Name and namespace of the Service kube-apiserver creates for itself. */
export const KUBERNETES_SERVICE = { name: 'kubernetes', namespace: DEFAULT_NAMESPACE } as const;
/** kube-apiserver `--secure-port` default (and kubeadm's `bindPort`). */
export const API_SERVER_SECURE_PORT = 6443;

/** The `default/kubernetes` Service for a service CIDR (ClusterIP '' when the CIDR is malformed). */
export function kubernetesService(serviceCIDR: string): Service {
  return {
    name: KUBERNETES_SERVICE.name,
    namespace: KUBERNETES_SERVICE.namespace,
    type: 'ClusterIP',
    clusterIP: nthAddress(serviceCIDR, KUBERNETES_SERVICE_IP_INDEX) ?? '',
    ports: [{ name: 'https', protocol: 'TCP', port: 443, targetPort: API_SERVER_SECURE_PORT }],
    externalTrafficPolicy: 'Cluster',
    internalTrafficPolicy: 'Cluster',
    sessionAffinity: 'None',
  };
}

/** The endpoints of `default/kubernetes`: each control-plane node's IP at the apiserver's secure port. */
export function apiServerEndpoints(nodes: readonly Pick<Node, 'ip' | 'controlPlane'>[]): Array<{ ip: string; port: number }> {
  return nodes.filter((n) => n.controlPlane).map((n) => ({ ip: n.ip, port: API_SERVER_SECURE_PORT }));
}

/** Applies every default to a cluster definition; `name` is its file name without `.ts`. */
export function resolveCluster(input: ClusterInput, name: string): Cluster {
  const clusterCIDR = input.network?.clusterCIDR ?? input.network?.clusterCIDRs?.[0] ?? defaultClusterCIDR(input.plugin);
  const serviceCIDR = input.network?.serviceCIDR ?? input.network?.serviceCIDRs?.[0] ?? DEFAULT_SERVICE_CIDR;
  const nodes = arrayOf(input.nodes).map((n) => resolveNode(n, input.network?.nodeCIDR ?? ''));
  const pods = nodes.flatMap((n) => n.pods);
  const dns = resolveDns(input, serviceCIDR, pods);
  const serviceCIDRs = input.network?.serviceCIDRs ?? [serviceCIDR];
  const declared = arrayOf(input.services).map((s) => ({ ...resolveService(s), ...resolveFamilyFields(s, serviceCIDRs, input.network?.serviceCIDRs !== undefined) }));
  // On a cluster that lists its service ranges, kube-dns gets family fields too (single-stack unless dns.clusterIPs has two).
  const dnsFamilies = input.network?.serviceCIDRs !== undefined && !dns.clusterIPs
    ? resolveFamilyFields({ name: DNS_SERVICE_NAME, clusterIP: dns.clusterIP, selector: { ...DNS_POD_LABELS } }, serviceCIDRs, true)
    : {};
  const services = [...declared, { ...kubeDnsService(dns.clusterIP, dns.clusterIPs), ...dnsFamilies }];
  if (isIp(dns.clusterIP) || dns.clusterIP === '') {
    allocateFamilyAddresses(services, serviceCIDRs);
    allocateAddresses(services, serviceCIDR);
  }
  const ingresses = arrayOf(input.ingresses).map((ing) => ({
    ...ing,
    namespace: ing.namespace ?? DEFAULT_NAMESPACE,
    rules: resolveRules(ing.rules),
  }));
  const networkPolicies = arrayOf(input.networkPolicies).map(resolveNetworkPolicy);
  const endpointSlices = arrayOf(input.endpointSlices).map(resolveEndpointSlice);
  const gatewayApi = resolveGatewayApi(input.gatewayApi);
  const usedNamespaces = [
    ...pods.map((p) => p.namespace),
    ...services.map((s) => s.namespace),
    ...ingresses.map((i) => i.namespace),
    ...networkPolicies.map((p) => p.namespace),
    ...endpointSlices.map((e) => e.namespace),
    ...gatewayApiNamespaces(gatewayApi),
  ];
  return {
    name,
    title: input.title,
    description: input.description,
    network: {
      nodeCIDR: input.network?.nodeCIDR ?? '',
      clusterCIDR,
      serviceCIDR,
      clusterDomain: input.network?.clusterDomain ?? DEFAULT_CLUSTER_DOMAIN,
      ...(input.network?.nodeCIDRs !== undefined ? { nodeCIDRs: [...input.network.nodeCIDRs] } : {}),
      ...(input.network?.clusterCIDRs !== undefined ? { clusterCIDRs: [...input.network.clusterCIDRs] } : {}),
      ...(input.network?.serviceCIDRs !== undefined ? { serviceCIDRs: [...input.network.serviceCIDRs] } : {}),
    },
    plugin: input.plugin,
    kubeProxyMode: input.kubeProxyMode ?? 'iptables',
    dns,
    namespaces: resolveNamespaces(input, usedNamespaces),
    nodes,
    services,
    ingressClasses: arrayOf(input.ingressClasses),
    ingresses,
    gatewayApi,
    networkPolicies,
    clusterNetworkPolicies: arrayOf(input.clusterNetworkPolicies).map(resolveClusterNetworkPolicy),
    ...(endpointSlices.length > 0 ? { endpointSlices } : {}),
  };
}

/** discovery/v1 LabelServiceName: links an EndpointSlice to its Service. */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
/** discovery/v1 LabelManagedBy: who maintains an EndpointSlice. */
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
/** The EndpointSlice controller's own managed-by value (it writes and deletes only these). */
export const ENDPOINTSLICE_CONTROLLER = 'endpointslice-controller.k8s.io';
/** The label value a hand-written EndpointSlice carries when the definition names no manager. */
export const DEFAULT_SLICE_MANAGER = 'staff';

// discovery/v1 leaves unset conditions nil; consumers read nil ready as ready (kube-proxy
// endpointslicecache.go: `ready := endpoint.Conditions.Ready == nil || *endpoint.Conditions.Ready`),
// nil serving as serving and nil terminating as false.
function resolveEndpointSlice(input: EndpointSliceInput): EndpointSlice {
  return {
    name: input.name,
    namespace: input.namespace ?? DEFAULT_NAMESPACE,
    service: input.service,
    managedBy: input.managedBy ?? DEFAULT_SLICE_MANAGER,
    addressType: 'IPv4',
    ports: arrayOf(input.ports).map((p) => ({ name: p.name ?? '', protocol: p.protocol ?? ('TCP' as Protocol), port: p.port })),
    endpoints: arrayOf(input.endpoints).map((e) => {
      const ready = e.ready ?? true;
      return {
        addresses: [...arrayOf(e.addresses)],
        ready,
        serving: e.serving ?? true,
        terminating: e.terminating ?? false,
        ...(e.nodeName !== undefined ? { nodeName: e.nodeName } : {}),
      };
    }),
  };
}
