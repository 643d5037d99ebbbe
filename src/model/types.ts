/**
 * The cluster-definition model: what a `diagrams/*.ts` file describes.
 *
 * Two shapes live here:
 * - `ClusterInput` is what a person writes (optional fields may be left out);
 * - `Cluster` is the same cluster after `resolveCluster()` applied every default
 *   (kubeadm and plugin defaults), so derivations never guess.
 *
 * Field names follow the Kubernetes API (podCIDR, clusterIP, dnsPolicy, ...).
 *
 * Longer than a module should be, on purpose: it is the single documented source of the
 * cluster-definition reference page (src/site/model-reference.ts), so every field lives here.
 */
import type { PluginSpec } from '../plugins/index.ts';
import type { ClusterNetworkPolicy, ClusterNetworkPolicyInput } from './cluster-policy-types.ts';
import type { GatewayApi, GatewayApiInput } from './gateway-api-types.ts';

/**
 * Key/value labels, as in `metadata.labels`. A key is an optional DNS-subdomain prefix and `/`,
 * then a name of at most 63 letters, digits, `-`, `_` or `.` (alphanumeric at both ends); a value
 * is empty or up to 63 of the same characters.
 */
export type Labels = Record<string, string>;

// ---------------------------------------------------------------- label selectors

/** A set-based requirement of a label selector, as in `matchExpressions[]` (metav1.LabelSelectorRequirement). */
export interface LabelSelectorRequirement {
  /** The label key the requirement applies to. */
  key: string;
  /**
   * `In`: the label is set to one of `values`; `NotIn`: the label is missing or set to none of
   * them; `Exists`: the label is set (any value); `DoesNotExist`: the label is missing.
   */
  operator: LabelSelectorOperator;
  /** Values for `In` and `NotIn` (at least one); must be left out or empty for `Exists` and `DoesNotExist`. */
  values?: string[];
}

/** Operator of a `matchExpressions` requirement. */
export type LabelSelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

/**
 * A label selector (metav1.LabelSelector), used by NetworkPolicies for pods and namespaces.
 * `matchLabels` and every `matchExpressions` requirement must all hold (AND); an empty selector
 * (`{}`) selects everything. Service selectors are plain label maps, as in the API.
 */
export interface LabelSelector {
  /** Labels a pod (or namespace) must all carry to be selected. */
  matchLabels?: Labels;
  /** Set-based requirements, all of which must hold. */
  matchExpressions?: LabelSelectorRequirement[];
}

/** An IP family, as in a Service's `spec.ipFamilies[]`. */
export type IPFamily = 'IPv4' | 'IPv6';

/**
 * A Service's `spec.ipFamilyPolicy`: `SingleStack` = one ClusterIP, of the first family;
 * `PreferDualStack` = both families when the cluster has both service ranges, else one;
 * `RequireDualStack` = both families, and the API server rejects the Service on a single-stack cluster.
 */
export type IPFamilyPolicy = 'SingleStack' | 'PreferDualStack' | 'RequireDualStack';

/** Transport protocol of a port, as in the Kubernetes API. */
export type Protocol = 'TCP' | 'UDP' | 'SCTP';

// ---------------------------------------------------------------- plugin

// The `plugin:` field's shapes live with each plugin module (src/plugins/*.ts).
export type { BridgePlugin, CalicoPlugin, CiliumPlugin, FlannelPlugin, PluginSpec } from '../plugins/index.ts';

// ---------------------------------------------------------------- cluster network policy

// ClusterNetworkPolicy (policy.networking.k8s.io) lives in its own module, like the plugin shapes.
export type * from './cluster-policy-types.ts';

// ---------------------------------------------------------------- pods

/** Pod DNS policy, as in `spec.dnsPolicy`. */
export type DnsPolicy = 'ClusterFirst' | 'ClusterFirstWithHostNet' | 'Default' | 'None';

/** An option line entry of resolv.conf, as in `spec.dnsConfig.options`. */
export interface PodDnsConfigOption {
  /** Option name, e.g. `ndots`. */
  name: string;
  /** Option value, e.g. `"2"`; omitted for flag options such as `edns0`. */
  value?: string;
}

/** Extra DNS settings merged into the pod's resolv.conf, as in `spec.dnsConfig`. */
export interface PodDnsConfig {
  /** Extra nameserver IPs (at most 3 in total survive). */
  nameservers?: string[];
  /** Extra search domains, appended after the generated ones. */
  searches?: string[];
  /** Options; an option given here replaces the generated one of the same name. */
  options?: PodDnsConfigOption[];
}

/** A container port, used to resolve named `targetPort`s of Services. */
export interface ContainerPortInput {
  /** Port name (an IANA_SVC_NAME), referenced by a Service's `targetPort`. */
  name?: string;
  /** Port number the container listens on. */
  containerPort: number;
  /** Protocol; defaults to TCP. */
  protocol?: Protocol;
}

/** A pod, declared inside the node it runs on. */
export interface PodInput {
  /** Pod name (a DNS-1123 subdomain: lower-case labels joined by dots, at most 253 characters), unique within its namespace. */
  name: string;
  /** Namespace; defaults to `default`. */
  namespace?: string;
  /** Pod IP; must lie in the node's pod CIDR (or equal the node IP when `hostNetwork`). Omit for hostNetwork pods. */
  ip?: string;
  // --- dual-stack
  /**
   * `status.podIPs`: the pod's addresses, at most one per family, the first equal to `ip` (which may
   * then be left out). A dual-stack pod has one address in each of its node's `podCIDRs`; a
   * hostNetwork pod gets its node's `ips`.
   */
  podIPs?: string[];
  /** Labels, matched by Service selectors and NetworkPolicies. */
  labels?: Labels;
  /** `spec.hostname`: the pod's hostname, used for headless-Service DNS records. */
  hostname?: string;
  /** `spec.subdomain`: the headless Service that gives this pod a DNS name. */
  subdomain?: string;
  /** `spec.hostNetwork`: the pod uses the node's network namespace and IP. */
  hostNetwork?: boolean;
  /** `spec.dnsPolicy`; defaults to ClusterFirst. */
  dnsPolicy?: DnsPolicy;
  /** `spec.dnsConfig`: extra nameservers, searches and options. */
  dnsConfig?: PodDnsConfig;
  /** Container ports; only needed to resolve named target ports. */
  ports?: ContainerPortInput[];
  // --- endpoint conditions (kube-proxy terminating-endpoint fallback)
  /**
   * The pod's `Ready` condition. The EndpointSlice controller publishes
   * `serving` = this and `ready` = this and not terminating
   * (kubernetes staging/src/k8s.io/endpointslice/utils.go podToEndpoint).
   * @default true
   */
  ready?: boolean;
  /**
   * The pod is being deleted (`metadata.deletionTimestamp` set): its endpoint is published
   * with `terminating: true` and `ready: false`.
   * @default false
   */
  terminating?: boolean;
}

/** A pod after defaults: namespace, labels, hostNetwork, dnsPolicy and IP are always set. */
export interface Pod {
  /** Pod name. */
  name: string;
  /** Namespace. */
  namespace: string;
  /** Name of the node that runs the pod (where it was declared). */
  node: string;
  /** Pod IP (the node IP for hostNetwork pods). */
  ip: string;
  // --- dual-stack
  /** `status.podIPs`, set when the pod has more than one address (the first is `ip`). */
  podIPs?: string[];
  /** Labels. */
  labels: Labels;
  /** `spec.hostname`, if set. */
  hostname?: string;
  /** `spec.subdomain`, if set. */
  subdomain?: string;
  /** Whether the pod shares the node's network namespace. */
  hostNetwork: boolean;
  /** DNS policy. */
  dnsPolicy: DnsPolicy;
  /** DNS config, if set. */
  dnsConfig?: PodDnsConfig;
  /** Container ports. */
  ports: Array<{ name?: string; containerPort: number; protocol: Protocol }>;
  // --- endpoint conditions
  /** The pod's Ready condition (omitted = true). */
  ready?: boolean;
  /** Whether the pod is being deleted (omitted = false). */
  terminating?: boolean;
}

// ---------------------------------------------------------------- nodes

/** A node's own `/etc/resolv.conf`, used by pods with dnsPolicy Default or hostNetwork. */
export interface NodeResolvConf {
  /** Nameservers of the node. */
  nameservers: string[];
  /** Search domains of the node. */
  searches?: string[];
}

/** A node of the cluster, containing the pods it runs. */
export interface NodeInput {
  /** Node name (a DNS-1123 subdomain, e.g. `node-1` or `node-1.example.com`). */
  name: string;
  /** The node's primary address on the node network (its eth0). */
  ip: string;
  /** `spec.podCIDR`: the range this node's pods get IPs from; inside the cluster CIDR. */
  podCIDR: string;
  // --- dual-stack
  /**
   * `spec.podCIDRs`: one pod range per family, the first equal to `podCIDR` (node IPAM gives a
   * dual-stack node one range of each family of `--cluster-cidr`, in that order).
   */
  podCIDRs?: string[];
  /** The node's addresses, one per family, the first equal to `ip` (kubelet `--node-ip=<IPv4>,<IPv6>`). */
  ips?: string[];
  /** Whether the node runs the control plane; defaults to false. */
  controlPlane?: boolean;
  /** The node's resolv.conf; defaults to the node network's gateway (.1) with no search domains. */
  resolvConf?: NodeResolvConf;
  /** Pods running on this node. */
  pods?: PodInput[];
  // --- topology: traffic distribution
  /**
   * The node's `topology.kubernetes.io/zone` label (a label value, e.g. `zone-a`). The
   * EndpointSlice controller copies it into each endpoint's `zone`; kube-proxy reads its own
   * node's label to pick same-zone endpoints. Left out: the node has no zone label.
   */
  zone?: string;
}

/** A node after defaults. */
export interface Node {
  /** Node name. */
  name: string;
  /** Node IP. */
  ip: string;
  /** Node pod CIDR. */
  podCIDR: string;
  // --- dual-stack
  /** `spec.podCIDRs`, set when the node has more than one pod range (the first is `podCIDR`). */
  podCIDRs?: string[];
  /** The node's addresses, set when it has more than one (the first is `ip`). */
  ips?: string[];
  /** Whether the node runs the control plane. */
  controlPlane: boolean;
  /** The node's resolv.conf. */
  resolvConf: { nameservers: string[]; searches: string[] };
  /** Pods running on this node. */
  pods: Pod[];
  // --- topology: traffic distribution
  /** The node's `topology.kubernetes.io/zone` label, if set. */
  zone?: string;
}

// ---------------------------------------------------------------- services

/** Service type, as in `spec.type`; a headless Service is a ClusterIP Service with `clusterIP: 'None'`. */
export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

/** A Service port, as in `spec.ports[]`. */
export interface ServicePortInput {
  /** Port name; required when a Service has more than one port; gives SRV records `_name._proto`. */
  name?: string;
  /** Protocol; defaults to TCP. */
  protocol?: Protocol;
  /** Port the Service exposes on its clusterIP. */
  port: number;
  /** Port (number or container port name) on the pods; defaults to `port`. */
  targetPort?: number | string;
  /** NodePort (30000-32767) for NodePort and LoadBalancer Services; when omitted, the lowest free port is allocated. */
  nodePort?: number;
}

/** A Service. */
export interface ServiceInput {
  /** Service name (a DNS-1123 label). */
  name: string;
  /** Namespace; defaults to `default`. */
  namespace?: string;
  /** Service type; defaults to ClusterIP. */
  type?: ServiceType;
  /** `spec.clusterIP`: an IP in the service CIDR, or `'None'` for a headless Service; when omitted, the lowest free address is allocated (the first belongs to `default/kubernetes`). */
  clusterIP?: string;
  /** `spec.selector`: labels of the pods that back the Service. */
  selector?: Labels;
  /** Ports. */
  ports?: ServicePortInput[];
  /** `spec.externalName`, for ExternalName Services. */
  externalName?: string;
  /** `spec.externalTrafficPolicy` for NodePort/LoadBalancer; defaults to Cluster. */
  externalTrafficPolicy?: 'Cluster' | 'Local';
  /** `spec.internalTrafficPolicy`; defaults to Cluster. */
  internalTrafficPolicy?: 'Cluster' | 'Local';
  /** `spec.sessionAffinity`; defaults to None. */
  sessionAffinity?: 'None' | 'ClientIP';
  /** The external IP a cloud load balancer gives a LoadBalancer Service (`status.loadBalancer.ingress[0].ip`). */
  loadBalancerIP?: string;
  // --- kube-proxy: session affinity timeout and load-balancer IP mode
  /**
   * `spec.sessionAffinityConfig.clientIP.timeoutSeconds` (1-86400); only with `sessionAffinity: ClientIP`.
   * @default 10800
   */
  sessionAffinityTimeoutSeconds?: number;
  /**
   * `status.loadBalancer.ingress[0].ipMode` (beta, on by default since v1.30): `VIP` = the load
   * balancer delivers packets with the LB IP as destination, so kube-proxy short-circuits the LB
   * IP on the node; `Proxy` = the load balancer proxies to the nodes, and kube-proxy writes no
   * rule for the LB IP (pkg/proxy/serviceport.go newBaseServiceInfo). Only with `loadBalancerIP`.
   * @default 'VIP'
   */
  loadBalancerIPMode?: 'VIP' | 'Proxy';
  // --- externalIPs
  /**
   * `spec.externalIPs`: addresses, routed to a node by something outside Kubernetes, on which
   * kube-proxy also accepts the Service's ports (the `"<svc> external IP"` rules). Any type but
   * ExternalName; each must be an IPv4 address that is not unspecified, loopback or link-local.
   */
  externalIPs?: string[];
  // --- topology: traffic distribution
  /**
   * `spec.trafficDistribution`: prefer endpoints close to the client. The EndpointSlice
   * controller writes zone hints (and node hints for `PreferSameNode`) that kube-proxy follows.
   * `PreferClose` is the deprecated name of `PreferSameZone` (KEP-3015).
   * Left out: no preference, every node uses every ready endpoint.
   */
  trafficDistribution?: TrafficDistribution;
  // --- dual-stack
  /**
   * `spec.ipFamilyPolicy`; defaults as the API server does: `RequireDualStack` for a headless
   * Service without selector, else `SingleStack`, or `RequireDualStack` when two `ipFamilies`
   * or `clusterIPs` are given.
   */
  ipFamilyPolicy?: IPFamilyPolicy;
  /** `spec.ipFamilies`: the families in order; the first is the family of `clusterIP`. Defaults to the family of the first service range, plus the other one for a dual-stack policy on a dual-stack cluster. */
  ipFamilies?: IPFamily[];
  /** `spec.clusterIPs`: one address per family, in the order of `ipFamilies`, the first equal to `clusterIP`; `['None']` for a headless Service. Missing addresses are allocated. */
  clusterIPs?: string[];
}

/**
 * `spec.trafficDistribution` values (core/v1 ServiceTrafficDistribution*): `PreferClose`
 * (GA v1.33, KEP-4444) and its synonym `PreferSameZone`, and `PreferSameNode` (both GA v1.35, KEP-3015).
 */
export type TrafficDistribution = 'PreferClose' | 'PreferSameZone' | 'PreferSameNode';

/** A Service port after defaults. */
export interface ServicePort {
  /** Port name (empty string when unnamed, as in the API). */
  name: string;
  /** Protocol. */
  protocol: Protocol;
  /** Service port. */
  port: number;
  /** Target port (number or name). */
  targetPort: number | string;
  /** NodePort, when the type has one. */
  nodePort?: number;
}

/** A Service after defaults. */
export interface Service {
  /** Service name. */
  name: string;
  /** Namespace. */
  namespace: string;
  /** Service type. */
  type: ServiceType;
  /** Cluster IP, `'None'` when headless, undefined for ExternalName. */
  clusterIP?: string;
  /** Selector, if any. */
  selector?: Labels;
  /** Ports. */
  ports: ServicePort[];
  /** External name, for ExternalName Services. */
  externalName?: string;
  /** External traffic policy. */
  externalTrafficPolicy: 'Cluster' | 'Local';
  /** Internal traffic policy. */
  internalTrafficPolicy: 'Cluster' | 'Local';
  /** Session affinity. */
  sessionAffinity: 'None' | 'ClientIP';
  /** Load balancer IP, if any. */
  loadBalancerIP?: string;
  // --- kube-proxy: session affinity timeout and load-balancer IP mode
  /** ClientIP affinity timeout in seconds (10800 when `sessionAffinity` is ClientIP and none is given). */
  sessionAffinityTimeoutSeconds?: number;
  /** Load-balancer IP mode ('VIP' when `loadBalancerIP` is set and none is given). */
  loadBalancerIPMode?: 'VIP' | 'Proxy';
  // --- externalIPs
  /** `spec.externalIPs`, if any. */
  externalIPs?: string[];
  // --- topology: traffic distribution
  /** Traffic distribution, if set. */
  trafficDistribution?: TrafficDistribution;
  // --- dual-stack (set on a dual-stack or IPv6 cluster, or when the definition gives them)
  /** IP family policy. */
  ipFamilyPolicy?: IPFamilyPolicy;
  /** IP families, in order. */
  ipFamilies?: IPFamily[];
  /** ClusterIPs, one per family of `ipFamilies` (`['None']` when headless). */
  clusterIPs?: string[];
}

// ---------------------------------------------------------------- manually managed EndpointSlices

/** A port of a manually managed EndpointSlice, as in `ports[]` (discovery.k8s.io/v1 EndpointPort). */
export interface EndpointSlicePortInput {
  /** Must equal the name of the Service port it serves (`''` or omitted for an unnamed port). */
  name?: string;
  /** Protocol; defaults to TCP. */
  protocol?: Protocol;
  /** The port the endpoints listen on (what kube-proxy DNATs to). */
  port: number;
}

/** One endpoint of a manually managed EndpointSlice (discovery.k8s.io/v1 Endpoint). */
export interface EndpointSliceEndpointInput {
  /** Addresses of the endpoint (1 to 100); consumers such as kube-proxy use the first. */
  addresses: string[];
  /** `conditions.ready`; defaults to true (kube-proxy reads an unset condition as ready). */
  ready?: boolean;
  /** `conditions.serving`; defaults to true (kube-proxy reads an unset condition as serving). */
  serving?: boolean;
  /** `conditions.terminating`; defaults to false. */
  terminating?: boolean;
  /** `nodeName`, only when the endpoint runs on a node of the cluster. */
  nodeName?: string;
}

/**
 * An EndpointSlice written by hand (or by a controller of your own) for a Service without a
 * selector, e.g. to send a Service's traffic to a database outside the cluster. The EndpointSlice
 * controller neither writes nor deletes slices whose `endpointslice.kubernetes.io/managed-by`
 * label is not its own.
 */
export interface EndpointSliceInput {
  /** EndpointSlice name (a DNS-1123 subdomain); by convention the Service name and a suffix, e.g. `db-1`. */
  name: string;
  /** Namespace; defaults to `default`. Must be the Service's. */
  namespace?: string;
  /** The Service it belongs to: the `kubernetes.io/service-name` label. */
  service: string;
  /**
   * The `endpointslice.kubernetes.io/managed-by` label: who maintains the slice. Anything but the
   * controller's own `endpointslice-controller.k8s.io`.
   * @default 'staff'
   */
  managedBy?: string;
  /** Ports the endpoints serve. */
  ports: EndpointSlicePortInput[];
  /** The endpoints. */
  endpoints: EndpointSliceEndpointInput[];
}

/** A manually managed EndpointSlice after defaults. */
export interface EndpointSlice {
  /** Name. */
  name: string;
  /** Namespace. */
  namespace: string;
  /** Service name (`kubernetes.io/service-name`). */
  service: string;
  /** `endpointslice.kubernetes.io/managed-by`. */
  managedBy: string;
  /** Always IPv4 in this model. */
  addressType: 'IPv4';
  /** Ports. */
  ports: Array<{ name: string; protocol: Protocol; port: number }>;
  /** Endpoints with every condition set. */
  endpoints: Array<{ addresses: string[]; ready: boolean; serving: boolean; terminating: boolean; nodeName?: string }>;
}

// ---------------------------------------------------------------- cluster DNS

/** The cluster DNS server, behind the `kube-dns` Service in `kube-system`. */
export interface ClusterDnsInput {
  /** Server implementation; defaults to CoreDNS (kubeadm's default since v1.11). */
  provider?: 'coredns' | 'kube-dns';
  /** ClusterIP of the `kube-dns` Service; defaults to the tenth address of the service CIDR (10.96.0.10). */
  clusterIP?: string;
  /** Names of the pods (declared on nodes, in kube-system) that serve DNS; defaults to the kube-system pods labelled `k8s-app: kube-dns`. */
  pods?: string[];
  // --- dns block: CoreDNS kubernetes plugin `pods` option (plugin/kubernetes/README.md).
  /**
   * How CoreDNS answers `a-b-c-d.<namespace>.pod.<zone>` names (the kubernetes plugin's `pods` option):
   * `insecure` answers any dashed IP in an existing namespace, `verified` only the IP of a pod in that
   * namespace, `disabled` none.
   * @default 'insecure'
   */
  podsMode?: PodsMode;
  // --- dual-stack
  /**
   * `spec.clusterIPs` of the `kube-dns` Service, when it has one per family (the first is `clusterIP`).
   * kubelet's `clusterDNS` lists them all, so pods get a nameserver of each family; kubeadm
   * writes only the first (the tenth address of the first service range).
   */
  clusterIPs?: string[];
}

/** The CoreDNS kubernetes plugin's `pods` option (plugin/kubernetes/kubernetes.go: podModeInsecure, ...). */
export type PodsMode = 'insecure' | 'verified' | 'disabled';

/** Cluster DNS after defaults. */
export interface ClusterDns {
  /** Server implementation. */
  provider: 'coredns' | 'kube-dns';
  /** ClusterIP of the kube-dns Service. */
  clusterIP: string;
  /** Names of the DNS server pods (in kube-system). */
  pods: string[];
  /** CoreDNS `pods` mode (kubeadm's Corefile: `pods insecure`). */
  podsMode: PodsMode;
  // --- dual-stack
  /** ClusterIPs of the kube-dns Service, when it has more than one. */
  clusterIPs?: string[];
}

// ---------------------------------------------------------------- ingress / gateway

// The full Gateway API shapes live in gateway-api-types.ts.
export type * from './gateway-api-types.ts';

/** A backend reference: a Service port in the same namespace. */
export interface BackendRef {
  /** Service name. */
  service: string;
  /** Service port number. */
  port: number;
}

/** One HTTP path rule of an Ingress. */
export interface HttpPathRule {
  /** Request host, e.g. `shop.example.com`; omitted for any host. */
  host?: string;
  /** URL path, e.g. `/api`. */
  path: string;
  /** Ingress `pathType`; defaults to Prefix. */
  pathType?: 'Prefix' | 'Exact' | 'ImplementationSpecific';
  /** Where matching requests go. */
  backend: BackendRef;
}

/** An IngressClass (cluster-scoped): the controller that serves the Ingresses naming it. */
export interface IngressClassInput {
  /** Name, what an Ingress's `ingressClassName` refers to. */
  name: string;
  /** `spec.controller`: a domain-prefixed path, e.g. `example.com/ingress-controller`. */
  controller: string;
  /** Marks the class as the cluster's default (annotation `ingressclass.kubernetes.io/is-default-class: "true"`). */
  isDefaultClass?: boolean;
}

/** An Ingress (kind: Ingress) and the controller that serves it. */
export interface IngressInput {
  /** Ingress name (a DNS-1123 subdomain). */
  name: string;
  /** Namespace; defaults to `default`. */
  namespace?: string;
  /** `spec.ingressClassName`, e.g. `nginx`. */
  ingressClassName?: string;
  /** The Service that exposes the ingress controller (namespace/name), e.g. `ingress-nginx/ingress-nginx-controller`. */
  controllerService?: string;
  /** Routing rules. */
  rules: HttpPathRule[];
}

// ---------------------------------------------------------------- network policy

/** An IP block peer, as in `ipBlock`. */
export interface IpBlock {
  /** CIDR allowed. */
  cidr: string;
  /** CIDRs inside `cidr` that are not allowed. */
  except?: string[];
}

/** A NetworkPolicy peer: pod and/or namespace selector (ANDed when both are set), or an ipBlock. */
export interface NetworkPolicyPeer {
  /** Pods selected (in the policy's namespace, or in the namespaces selected by `namespaceSelector`). */
  podSelector?: LabelSelector;
  /** Namespaces selected. */
  namespaceSelector?: LabelSelector;
  /** An IP range. */
  ipBlock?: IpBlock;
}

/** A NetworkPolicy port. */
export interface NetworkPolicyPort {
  /** Protocol; defaults to TCP. */
  protocol?: Protocol;
  /** Port number or named port. */
  port?: number | string;
  /** End of a port range (inclusive). */
  endPort?: number;
}

/** One ingress rule: traffic from any of `from` to any of `ports` is allowed. */
export interface NetworkPolicyIngressRule {
  /** Allowed sources; empty or omitted means all sources. */
  from?: NetworkPolicyPeer[];
  /** Allowed ports; empty or omitted means all ports. */
  ports?: NetworkPolicyPort[];
}

/** One egress rule: traffic to any of `to` on any of `ports` is allowed. */
export interface NetworkPolicyEgressRule {
  /** Allowed destinations; empty or omitted means all destinations. */
  to?: NetworkPolicyPeer[];
  /** Allowed ports; empty or omitted means all ports. */
  ports?: NetworkPolicyPort[];
}

/** A NetworkPolicy (networking.k8s.io/v1). */
export interface NetworkPolicyInput {
  /** Policy name (a DNS-1123 subdomain). */
  name: string;
  /** Namespace; defaults to `default`. */
  namespace?: string;
  /** Pods the policy applies to, in its namespace; `{}` selects all. */
  podSelector: LabelSelector;
  /** Directions the policy isolates; defaults as the API does (Ingress, plus Egress when egress rules exist). */
  policyTypes?: Array<'Ingress' | 'Egress'>;
  /** Allowed incoming traffic. */
  ingress?: NetworkPolicyIngressRule[];
  /** Allowed outgoing traffic. */
  egress?: NetworkPolicyEgressRule[];
}

/** A NetworkPolicy after defaults. */
export interface NetworkPolicy extends Required<Pick<NetworkPolicyInput, 'name' | 'podSelector'>> {
  /** Namespace. */
  namespace: string;
  /** Directions isolated. */
  policyTypes: Array<'Ingress' | 'Egress'>;
  /** Ingress rules. */
  ingress: NetworkPolicyIngressRule[];
  /** Egress rules. */
  egress: NetworkPolicyEgressRule[];
}

/** A namespace and its labels (namespaces used by pods exist implicitly). */
export interface NamespaceInput {
  /** Namespace name. */
  name: string;
  /** Labels, matched by `namespaceSelector`; `kubernetes.io/metadata.name` is added automatically. */
  labels?: Labels;
}

// ---------------------------------------------------------------- cluster

/** The address ranges of a cluster. */
export interface NetworkRangesInput {
  /** The network the nodes' primary interfaces are on, e.g. `192.168.1.0/24`. */
  nodeCIDR: string;
  /** The pod network (`--cluster-cidr`); defaults per plugin: flannel and bridge 10.244.0.0/16, Calico's default IP pool 192.168.0.0/16, Cilium's cluster pool 10.0.0.0/8. */
  clusterCIDR?: string;
  /** The Service range (`--service-cluster-ip-range`); defaults to kubeadm's 10.96.0.0/12. */
  serviceCIDR?: string;
  /** The cluster domain (`--cluster-domain`); defaults to `cluster.local`. */
  clusterDomain?: string;
  // --- dual-stack: each list holds one range per family, the first equal to the single field
  /** The node networks, e.g. `['192.168.1.0/24', 'fd00:192:168:1::/64']`. */
  nodeCIDRs?: string[];
  /** `--cluster-cidr=<IPv4>,<IPv6>` (kube-controller-manager and kube-proxy): the pod networks. */
  clusterCIDRs?: string[];
  /** `--service-cluster-ip-range=<IPv4>,<IPv6>` (kube-apiserver): the Service ranges; the first family is every Service's default. */
  serviceCIDRs?: string[];
}

/** The single-valued ranges of `NetworkRangesInput`, all set after defaults. */
type SingleRanges = Pick<NetworkRangesInput, 'nodeCIDR' | 'clusterCIDR' | 'serviceCIDR' | 'clusterDomain'>;
/** The per-family range lists, set after defaults only when a range has two families. */
type DualRanges = Pick<NetworkRangesInput, 'nodeCIDRs' | 'clusterCIDRs' | 'serviceCIDRs'>;

/** What a `diagrams/*.ts` file default-exports through `defineCluster()`; the file name is the cluster's name. */
export interface ClusterInput {
  /** Human title, used as the diagram caption. */
  title: string;
  /** One or two sentences on what this cluster demonstrates. */
  description: string;
  /** Address ranges and cluster domain. */
  network: NetworkRangesInput;
  /** The network plugin and its mode. */
  plugin: PluginSpec;
  /** kube-proxy mode; defaults to iptables. */
  kubeProxyMode?: 'iptables' | 'ipvs' | 'nftables';
  /** The cluster DNS; defaults to CoreDNS at the tenth service IP. */
  dns?: ClusterDnsInput;
  /** Namespaces with labels (only needed for namespaceSelector). */
  namespaces?: NamespaceInput[];
  /** Nodes, each with its pods. */
  nodes: NodeInput[];
  /** Services (the kube-dns Service is added from `dns`, do not declare it). */
  services?: ServiceInput[];
  /** IngressClasses (optional: an Ingress may name a class the definition does not declare). */
  ingressClasses?: IngressClassInput[];
  /** Ingress resources. */
  ingresses?: IngressInput[];
  /** Gateway API: GatewayClasses, Gateways, routes of each kind (HTTPRoutes are `gatewayApi.httpRoutes`), ReferenceGrants, BackendTLSPolicies. */
  gatewayApi?: GatewayApiInput;
  /** NetworkPolicies. */
  networkPolicies?: NetworkPolicyInput[];
  /** EndpointSlices written by hand for Services without a selector. */
  endpointSlices?: EndpointSliceInput[];
  /** ClusterNetworkPolicies (cluster-scoped, Admin and Baseline tiers; CRDs from the Network Policy API). */
  clusterNetworkPolicies?: ClusterNetworkPolicyInput[];
}

/** A cluster after every default was applied. */
export interface Cluster {
  /** Identifier: the definition's file name without `.ts`. */
  name: string;
  /** Title. */
  title: string;
  /** Description. */
  description: string;
  /** Address ranges: the single ones all set, the per-family lists when dual-stack. */
  network: Required<SingleRanges> & DualRanges;
  /** Plugin. */
  plugin: PluginSpec;
  /** kube-proxy mode. */
  kubeProxyMode: 'iptables' | 'ipvs' | 'nftables';
  /** Cluster DNS. */
  dns: ClusterDns;
  /** Namespaces (declared and implied), with `kubernetes.io/metadata.name` labels. */
  namespaces: Array<{ name: string; labels: Labels }>;
  /** Nodes with their pods. */
  nodes: Node[];
  /** Services, including the generated `kube-system/kube-dns`. */
  services: Service[];
  /** IngressClasses; `resolveCluster` always sets it (a cluster built by hand may leave it out: none). */
  ingressClasses?: IngressClassInput[];
  /** Ingresses. */
  ingresses: Array<Required<Pick<IngressInput, 'name' | 'rules'>> & IngressInput & { namespace: string }>;
  /** Gateway API objects; resolveCluster always sets it (optional for hand-built test clusters). */
  gatewayApi?: GatewayApi;
  /** NetworkPolicies. */
  networkPolicies: NetworkPolicy[];
  /** Manually managed EndpointSlices (omitted when there are none). */
  endpointSlices?: EndpointSlice[];
  /** ClusterNetworkPolicies; `resolveCluster` always sets it (a cluster built by hand may leave it out: none). */
  clusterNetworkPolicies?: ClusterNetworkPolicy[];
}
