// Data, not MDX: one list feeds the glossary page and the automatic first-use links, so each term is defined once.
/**
 * The glossary, as data: docs/reference/glossary.mdx renders it (GlossaryTerms.astro) and
 * src/site/rehype-glossary-links.ts links the first use of each term on every other page to it.
 *
 * Writing an entry:
 * - `definition` is one or two sentences, exact as of Kubernetes v1.37; `code` in backticks.
 * - `match` lists the exact strings linked in prose (case-sensitive, whole words). It defaults to
 *   the term and its aliases. Keep it precise: a word that also has an everyday meaning ("ingress"
 *   as a direction, "gateway" as a route) must be matched only in phrases that mean the term.
 * - `page` is the page (and heading anchor) that explains the term; the unit tests check both exist.
 */

/** The sections of the glossary page, in page order. Each has a `## ` heading in glossary.mdx. */
export const GLOSSARY_CATEGORIES = {
  addresses: 'Addresses and pods',
  services: 'Services and kube-proxy',
  plugins: 'Network plugins',
  routing: 'Policy, Ingress and Gateway API',
  dns: 'DNS',
} as const;

export type GlossaryCategory = keyof typeof GLOSSARY_CATEGORIES;

/** One glossary entry. */
export interface GlossaryTerm {
  /** The term as it is written, e.g. `EndpointSlice`. */
  term: string;
  /** Other names for the same thing, shown next to the term (and matched unless `match` is set); backticks mark code. */
  aliases?: string[];
  /** The exact strings to link in prose; defaults to `[term, ...aliases]`. */
  match?: string[];
  /** One or two sentences; backticks mark code. */
  definition: string;
  /** The `id` of the term on the glossary page (lower-case, digits and `-`). */
  anchor: string;
  /** Glossary section. */
  category: GlossaryCategory;
  /** Root-relative link to the page that explains the term, e.g. `/service-networking/#endpointslices`. */
  page?: string;
  /** A primary source (https) that defines the term. */
  source?: string;
}

const K8S = 'https://kubernetes.io/docs';

export const GLOSSARY: GlossaryTerm[] = [
  // ------------------------------------------------------------------ addresses and pods
  {
    term: 'pod network',
    match: ['pod network', 'Pod network'],
    definition:
      'The network every pod is attached to. Under the Kubernetes network model each pod has its own IP address and can reach every other pod, on any node, without NAT.',
    anchor: 'pod-network',
    category: 'addresses',
    page: '/overview/network-model/',
    source: `${K8S}/concepts/services-networking/`,
  },
  {
    term: 'cluster CIDR',
    aliases: ['`clusterCIDR`', '`--cluster-cidr`'],
    match: ['cluster CIDR'],
    definition:
      "The address range of the whole pod network, given to kube-controller-manager (and kube-proxy) as `--cluster-cidr`. The node IPAM controller carves each node's pod CIDR out of it.",
    anchor: 'cluster-cidr',
    category: 'addresses',
    page: '/overview/network-model/#three-address-ranges',
    source: `${K8S}/concepts/cluster-administration/networking/`,
  },
  {
    term: 'pod CIDR',
    aliases: ['`podCIDR`'],
    match: ['pod CIDR', 'pod CIDRs'],
    definition:
      "The part of the cluster CIDR assigned to one node (`spec.podCIDR`, e.g. `10.244.1.0/24`); the node's pods get their addresses from it. Calico's own IPAM ignores it and hands out /26 blocks instead.",
    anchor: 'pod-cidr',
    category: 'addresses',
    page: '/pod-networking/#across-nodes-per-node-pod-cidrs',
    source: `${K8S}/concepts/cluster-administration/networking/`,
  },
  {
    term: 'service CIDR',
    aliases: ['Service range', '`--service-cluster-ip-range`'],
    match: ['service CIDR', 'Service CIDR', 'Service range'],
    definition:
      "The range ClusterIPs are allocated from, set by kube-apiserver's `--service-cluster-ip-range` (kubeadm's default is `10.96.0.0/12`). It must not overlap the pod or node networks; since v1.33 more ranges can be added as ServiceCIDR objects.",
    anchor: 'service-cidr',
    category: 'addresses',
    page: '/service-networking/#clusterip-a-virtual-address',
    source: `${K8S}/concepts/services-networking/cluster-ip-allocation/`,
  },
  {
    term: 'network namespace',
    match: ['network namespace', 'network namespaces'],
    definition:
      "A Linux namespace with its own interfaces, addresses, routes and firewall rules. All containers of a pod share one, so they reach each other on `localhost`; a `hostNetwork` pod uses the node's.",
    anchor: 'network-namespace',
    category: 'addresses',
    page: '/pod-networking/#one-network-namespace-per-pod',
    source: 'https://manpages.ubuntu.com/manpages/plucky/man7/network_namespaces.7.html',
  },
  {
    term: 'pause container',
    aliases: ['sandbox container', 'infra container'],
    definition:
      "The minimal container the runtime starts first in every pod (the pod sandbox) to hold the pod's namespaces; the application containers join its network namespace, so the pod's network outlives container restarts.",
    anchor: 'pause-container',
    category: 'addresses',
    page: '/pod-networking/#one-network-namespace-per-pod',
  },
  {
    term: 'veth pair',
    match: ['veth pair', 'veth pairs'],
    definition:
      "Two virtual Ethernet interfaces joined like a cable: what enters one end leaves the other. A CNI plugin moves one end into the pod as `eth0` and leaves the other on the node.",
    anchor: 'veth-pair',
    category: 'addresses',
    page: '/pod-networking/#inside-a-node-veth-pairs-and-the-cni0-bridge',
    source: 'https://man7.org/linux/man-pages/man4/veth.4.html',
  },
  {
    term: 'cni0 bridge',
    aliases: ['`cni0`'],
    match: ['cni0 bridge'],
    definition:
      "The Linux bridge that the `bridge` CNI plugin (as used by flannel) creates on each node. The node ends of the pods' veth pairs attach to it, and it holds the first address of the node's pod CIDR, the pods' default gateway.",
    anchor: 'cni0-bridge',
    category: 'addresses',
    page: '/pod-networking/#inside-a-node-veth-pairs-and-the-cni0-bridge',
    source: 'https://cni.dev/plugins/current/main/bridge/',
  },
  {
    term: 'CNI',
    aliases: ['Container Network Interface'],
    definition:
      'The Container Network Interface: a specification for plugins that configure the network of a container. The container runtime runs the plugins that the configuration in `/etc/cni/net.d` names, with commands such as `ADD` and `DEL`.',
    anchor: 'cni',
    category: 'addresses',
    page: '/pod-networking/#cni-how-the-runtime-calls-the-plugin',
    source: 'https://github.com/containernetworking/cni/blob/main/SPEC.md',
  },
  {
    term: 'network plugin',
    aliases: ['CNI plugin'],
    match: ['network plugin', 'network plugins', 'CNI plugin', 'CNI plugins'],
    definition:
      'The software that implements the pod network of a cluster, such as Flannel, Calico or Cilium: a CNI plugin the runtime calls for each pod, usually with an agent on every node that sets up routes or tunnels to the other nodes.',
    anchor: 'network-plugin',
    category: 'addresses',
    page: '/network-plugins/',
    source: `${K8S}/concepts/extend-kubernetes/compute-storage-net/network-plugins/`,
  },
  {
    term: 'IPAM',
    aliases: ['IP address management'],
    definition:
      "IP address management: the part of a CNI configuration that hands out pod addresses. `host-local` allocates from the node's pod CIDR and records leases in files on the node; Calico IPAM assigns /26 blocks to nodes.",
    anchor: 'ipam',
    category: 'addresses',
    page: '/pod-networking/#ipam',
    source: 'https://github.com/containernetworking/cni/blob/main/SPEC.md',
  },

  // ------------------------------------------------------------------ services and kube-proxy
  {
    term: 'ClusterIP',
    aliases: ['cluster IP'],
    definition:
      "A Service's virtual IP address from the service CIDR (`spec.clusterIP`), and the default Service type, reachable only inside the cluster. No interface carries the address; kube-proxy's rules translate it to pod addresses.",
    anchor: 'clusterip',
    category: 'services',
    page: '/service-networking/#clusterip-a-virtual-address',
    source: `${K8S}/concepts/services-networking/service/`,
  },
  {
    term: 'NodePort',
    definition:
      'A Service type that also opens the same port (by default from 30000-32767) on every node; traffic to a node on that port reaches the Service\'s endpoints.',
    anchor: 'nodeport',
    category: 'services',
    page: '/service-networking/#nodeport-and-loadbalancer',
    source: `${K8S}/concepts/services-networking/service/`,
  },
  {
    term: 'LoadBalancer',
    definition:
      "A Service type that asks an external load balancer, provisioned by a cloud controller or an add-on such as MetalLB, to send traffic to the Service; it normally builds on a NodePort, and the balancer's address appears in `status.loadBalancer.ingress`.",
    anchor: 'loadbalancer',
    category: 'services',
    page: '/service-networking/#nodeport-and-loadbalancer',
    source: `${K8S}/concepts/services-networking/service/`,
  },
  {
    term: 'headless Service',
    match: ['headless Service', 'headless Services', 'headless service', 'headless services'],
    definition:
      'A Service with `clusterIP: None`: it has no virtual IP and no kube-proxy rules, and cluster DNS answers its name with the addresses of its ready pods.',
    anchor: 'headless-service',
    category: 'services',
    page: '/service-networking/#headless-services-and-externalname',
    source: `${K8S}/concepts/services-networking/service/`,
  },
  {
    term: 'ExternalName',
    match: ['ExternalName'],
    definition:
      "A Service type that maps the Service's name to another DNS name (`spec.externalName`): cluster DNS answers with a CNAME record, and nothing is proxied.",
    anchor: 'externalname',
    category: 'services',
    page: '/dns/records/#externalname-services',
    source: `${K8S}/concepts/services-networking/service/`,
  },
  {
    term: 'EndpointSlice',
    match: ['EndpointSlice', 'EndpointSlices'],
    definition:
      'An API object (`discovery.k8s.io/v1`) listing endpoints of a Service: pod addresses, ports, readiness and node. The EndpointSlice controller keeps them in step with the Service selector (at most 100 endpoints per slice by default); kube-proxy and CoreDNS read them.',
    anchor: 'endpointslice',
    category: 'services',
    page: '/service-networking/#endpointslices',
    source: `${K8S}/concepts/services-networking/endpoint-slices/`,
  },
  {
    term: 'externalIPs',
    match: ['externalIPs'],
    definition:
      "A Service field listing addresses on which kube-proxy also accepts the Service's ports. Kubernetes neither assigns nor announces them: the network must route them to a node, and the `DenyServiceExternalIPs` admission plugin can forbid them.",
    anchor: 'externalips',
    category: 'services',
    page: '/egress-and-external-services/#externalips-accepting-traffic-for-an-address-you-route',
    source: `${K8S}/concepts/services-networking/service/#external-ips`,
  },
  {
    term: 'egress gateway',
    match: ['egress gateway', 'egress gateways'],
    definition:
      'A network-plugin extension (Cilium, Calico Enterprise, OVN-Kubernetes EgressIP) that routes selected pods\' traffic leaving the cluster through chosen nodes or pods and masquerades it there to a fixed address; Kubernetes itself has no such API.',
    anchor: 'egress-gateway',
    category: 'plugins',
    page: '/egress-and-external-services/#egress-gateways-egress-ips-and-dns-name-policies',
    source: 'https://docs.cilium.io/en/stable/network/egress-gateway/egress-gateway/',
  },
  {
    term: 'kube-proxy',
    definition:
      "The agent on every node that watches Services and EndpointSlices and programs the node's packet processing (iptables, nftables or IPVS) so that traffic to a Service address or node port reaches one of its endpoints.",
    anchor: 'kube-proxy',
    category: 'services',
    page: '/service-networking/#kube-proxy',
    source: `${K8S}/reference/networking/virtual-ips/`,
  },
  {
    term: 'iptables',
    definition:
      "The classic Linux packet-filtering tables and the tool that edits them. kube-proxy's default mode writes chains (`KUBE-SERVICES`, `KUBE-SVC-…`, `KUBE-SEP-…`) that pick an endpoint at random and DNAT to it.",
    anchor: 'iptables',
    category: 'services',
    page: '/service-networking/#iptables-mode-the-generated-chains',
    source: `${K8S}/reference/networking/virtual-ips/`,
  },
  {
    term: 'nftables',
    definition:
      "The Linux successor to iptables. kube-proxy's `nftables` mode (GA since v1.33) finds a Service's rules through maps in near-constant time instead of walking one rule per Service.",
    anchor: 'nftables',
    category: 'services',
    page: '/service-networking/#nftables-mode',
    source: `${K8S}/reference/networking/virtual-ips/`,
  },
  {
    term: 'IPVS',
    aliases: ['IP Virtual Server'],
    definition:
      "IP Virtual Server, the Linux kernel's layer 4 load balancer. kube-proxy's `ipvs` mode binds Service addresses to the dummy interface `kube-ipvs0` and balances with IPVS; it is deprecated since v1.35 in favour of nftables, and since v1.37 the `KubeProxyIPVS` feature gate (on by default) allows it (KEP-5495).",
    anchor: 'ipvs',
    category: 'services',
    page: '/service-networking/#ipvs-mode',
    source: 'https://kubernetes.dev/resources/keps/5495',
  },
  {
    term: 'conntrack',
    aliases: ['connection tracking'],
    match: ['conntrack', 'connection tracking'],
    definition:
      "The kernel's connection-tracking table (netfilter): it records the NAT chosen for a connection's first packet, so the following packets and the replies are translated the same way.",
    anchor: 'conntrack',
    category: 'services',
    page: '/service-networking/#conntrack',
    source: 'https://netfilter.org/projects/conntrack-tools/conntrack-manpage.html',
  },
  {
    term: 'DNAT',
    aliases: ['destination NAT'],
    definition:
      "Destination NAT: rewriting a packet's destination address and port, as kube-proxy does from a Service's `ClusterIP:port` to an endpoint's `podIP:targetPort`.",
    anchor: 'dnat',
    category: 'services',
    page: '/service-networking/#iptables-mode-the-generated-chains',
    source: `${K8S}/reference/networking/virtual-ips/`,
  },
  {
    term: 'SNAT',
    aliases: ['source NAT'],
    definition:
      "Source NAT: rewriting a packet's source address, for example to a node's IP, so that replies return through the node that rewrote it.",
    anchor: 'snat',
    category: 'services',
    page: '/service-networking/#externaltrafficpolicy',
    source: `${K8S}/reference/networking/virtual-ips/`,
  },
  {
    term: 'masquerade',
    aliases: ['`MASQUERADE`'],
    match: ['masquerade', 'masquerades', 'masquerading', 'masqueraded'],
    definition:
      "SNAT to the address of the interface a packet leaves by (the iptables `MASQUERADE` target). kube-proxy masquerades Service traffic that arrives from outside with `externalTrafficPolicy: Cluster`, and plugins masquerade pod traffic leaving the cluster.",
    anchor: 'masquerade',
    category: 'services',
    page: '/service-networking/#externaltrafficpolicy',
    source: `${K8S}/reference/networking/virtual-ips/`,
  },
  {
    term: 'externalTrafficPolicy',
    definition:
      "A Service field for traffic arriving on node ports and load-balancer addresses: `Cluster` (the default) may send it to endpoints on any node and hides the client's address; `Local` only uses endpoints on the receiving node and keeps the client's source IP.",
    anchor: 'externaltrafficpolicy',
    category: 'services',
    page: '/service-networking/#externaltrafficpolicy',
    source: `${K8S}/reference/networking/virtual-ips/`,
  },
  {
    term: 'internalTrafficPolicy',
    definition:
      'A Service field for traffic from inside the cluster: `Cluster` (the default) uses all endpoints; `Local` uses only endpoints on the node the traffic comes from, and drops it when there are none.',
    anchor: 'internaltrafficpolicy',
    category: 'services',
    page: '/service-networking/#internaltrafficpolicy',
    source: `${K8S}/concepts/services-networking/service-traffic-policy/`,
  },
  {
    term: 'trafficDistribution',
    definition:
      "A Service field that prefers close endpoints: `PreferSameZone` (formerly `PreferClose`) keeps traffic in the client's zone and `PreferSameNode` on its node while such endpoints exist, through hints the EndpointSlice controller writes and kube-proxy follows.",
    anchor: 'trafficdistribution',
    category: 'services',
    page: '/traffic-distribution/#the-api-trafficdistribution-and-its-values',
    source: `${K8S}/concepts/services-networking/service/#traffic-distribution`,
  },

  // ------------------------------------------------------------------ network plugins
  {
    term: 'Flannel',
    aliases: ['flannel'],
    definition:
      "A simple network plugin that gives each node a subnet of the cluster CIDR and carries pod traffic between nodes with a backend, VXLAN by default or host-gw. It does not enforce NetworkPolicy.",
    anchor: 'flannel',
    category: 'plugins',
    page: '/network-plugins/#flannel-an-l2-overlay',
    source: 'https://github.com/flannel-io/flannel/blob/master/Documentation/backends.md',
  },
  {
    term: 'VXLAN',
    aliases: ['Virtual eXtensible LAN'],
    definition:
      'Virtual eXtensible LAN (RFC 7348): Ethernet frames wrapped in UDP, so that pods on different nodes share a virtual layer 2 network over any IP network. The IANA port is 4789; Linux and flannel default to 8472.',
    anchor: 'vxlan',
    category: 'plugins',
    page: '/network-plugins/#the-vxlan-backend',
    source: 'https://tools.ietf.org/html/rfc7348',
  },
  {
    term: 'VTEP',
    aliases: ['VXLAN tunnel endpoint'],
    definition:
      'VXLAN tunnel endpoint: the device that wraps and unwraps VXLAN packets; on a flannel node it is the `flannel.1` interface.',
    anchor: 'vtep',
    category: 'plugins',
    page: '/network-plugins/#the-vxlan-backend',
    source: 'https://tools.ietf.org/html/rfc7348',
  },
  {
    term: 'flannel.1',
    definition:
      "The VXLAN device flannel's `vxlan` backend creates on each node (the `1` is the VXLAN network identifier); the routes to other nodes' pod subnets point through it.",
    anchor: 'flannel-1',
    category: 'plugins',
    page: '/network-plugins/#the-vxlan-backend',
    source: 'https://github.com/flannel-io/flannel/blob/master/Documentation/backends.md',
  },
  {
    term: 'host-gw',
    definition:
      "Flannel's backend without encapsulation: every node gets a route to each other node's pod subnet via that node's IP, which requires all nodes to share a layer 2 network.",
    anchor: 'host-gw',
    category: 'plugins',
    page: '/network-plugins/#the-host-gw-backend',
    source: 'https://github.com/flannel-io/flannel/blob/master/Documentation/backends.md',
  },
  {
    term: 'Calico',
    definition:
      'A network plugin that routes pod traffic at layer 3, exchanging routes with BGP or encapsulating with IP-in-IP or VXLAN, allocates pod addresses in /26 blocks, and enforces NetworkPolicy.',
    anchor: 'calico',
    category: 'plugins',
    page: '/network-plugins/#calico-a-pure-l3-fabric',
    source: 'https://docs.tigera.io/calico/latest/reference/resources/ippool',
  },
  {
    term: 'BGP',
    aliases: ['Border Gateway Protocol'],
    definition:
      "Border Gateway Protocol, the Internet's routing protocol. Calico's BIRD daemon on each node uses it to tell the other nodes, or the network's routers, which pod address blocks the node hosts.",
    anchor: 'bgp',
    category: 'plugins',
    page: '/network-plugins/#bgp-routing',
    source: 'https://docs.tigera.io/calico/latest/reference/configure-calico-node',
  },
  {
    term: 'IP-in-IP',
    aliases: ['IPIP', '`tunl0`'],
    match: ['IP-in-IP', 'IPIP'],
    definition:
      "An IP packet carried inside another IP packet (IP protocol 4). In Calico's IP-in-IP mode pod packets to other nodes leave through the `tunl0` device, so the network between nodes only sees node addresses.",
    anchor: 'ip-in-ip',
    category: 'plugins',
    page: '/network-plugins/#encapsulation-what-is-on-by-default',
    source: 'https://docs.tigera.io/calico/latest/networking/configuring/vxlan-ipip',
  },
  {
    term: 'MTU',
    aliases: ['maximum transmission unit'],
    match: ['MTU'],
    definition:
      'The largest IP packet an interface sends in one piece. A tunnel’s headers come out of it, so pods on a VXLAN overlay get 50 bytes less than the node’s interface: 1450 on a 1500-byte network.',
    anchor: 'mtu',
    category: 'plugins',
    page: '/conntrack-and-mtu/#mtu-what-fits-inside-the-tunnel',
    source: 'https://docs.tigera.io/calico/latest/networking/configuring/mtu',
  },
  {
    term: 'path MTU discovery',
    aliases: ['PMTUD'],
    match: ['path MTU discovery', 'path MTU black hole'],
    definition:
      'How a sender learns the largest packet a whole path carries: it sets Don’t Fragment, and a router that must drop a bigger packet answers with ICMP “fragmentation needed” and the MTU that fits. When that ICMP message is lost or filtered, large packets vanish: a path MTU black hole.',
    anchor: 'path-mtu-discovery',
    category: 'plugins',
    page: '/conntrack-and-mtu/#path-mtu-black-holes',
    source: 'https://www.rfc-editor.org/rfc/rfc1191',
  },
  {
    term: 'Cilium',
    definition:
      'A network plugin built on eBPF: pod networking, NetworkPolicy (with layer 7 extensions) and, optionally, a replacement for kube-proxy.',
    anchor: 'cilium',
    category: 'plugins',
    page: '/network-plugins/#cilium-ebpf',
    source: 'https://docs.cilium.io/en/latest/gettingstarted/kubeproxy-free/',
  },
  {
    term: 'eBPF',
    definition:
      'A Linux kernel facility that runs verified programs at hooks such as network interfaces and sockets; Cilium uses it to route, balance and filter packets without iptables.',
    anchor: 'ebpf',
    category: 'plugins',
    page: '/network-plugins/#cilium-ebpf',
    source: 'https://docs.cilium.io/en/latest/network/concepts/routing/',
  },
  {
    term: 'socket-LB',
    definition:
      "Cilium's socket-level load balancing: a program on the cgroup connect() hook picks a Service backend and rewrites the socket's destination before the first packet, so no packet carries the ClusterIP.",
    anchor: 'socket-lb',
    category: 'plugins',
    page: '/ebpf-dataplanes/#socket-level-load-balancing-why-the-clusterip-is-never-on-the-wire',
    source: 'https://docs.cilium.io/en/stable/network/kubernetes/kubeproxy-free/',
  },
  {
    term: 'security identity',
    definition:
      "Cilium's numeric identity for a set of security-relevant labels, shared by every pod that carries them; policy and the ipcache map work on identities instead of addresses.",
    anchor: 'security-identity',
    category: 'plugins',
    page: '/ebpf-dataplanes/#identities-instead-of-ips',
    source: 'https://docs.cilium.io/en/stable/internals/security-identities/',
  },

  // ------------------------------------------------------------------ policy, ingress, gateway
  {
    term: 'NetworkPolicy',
    match: ['NetworkPolicy', 'NetworkPolicies'],
    definition:
      'An API object (`networking.k8s.io/v1`) that allows traffic to and from selected pods by pod, namespace or IP block and port. Once a policy selects a pod for a direction, only traffic some policy allows in that direction gets through; the network plugin enforces it.',
    anchor: 'networkpolicy',
    category: 'routing',
    page: '/network-policy/',
    source: `${K8S}/concepts/services-networking/network-policies/`,
  },
  {
    term: 'ClusterNetworkPolicy',
    aliases: ['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy'],
    match: ['ClusterNetworkPolicy', 'ClusterNetworkPolicies'],
    definition:
      'A cluster-scoped policy (`policy.networking.k8s.io/v1beta1`, a CRD of the Network Policy API) whose rules Accept, Deny or Pass traffic in priority order, in an Admin tier evaluated before NetworkPolicies or a Baseline tier evaluated after them. It replaced the `v1alpha1` AdminNetworkPolicy and BaselineAdminNetworkPolicy.',
    anchor: 'clusternetworkpolicy',
    category: 'routing',
    page: '/cluster-network-policy/#three-tiers-one-direction-at-a-time',
    source: 'https://network-policy-api.sigs.k8s.io/api-overview/',
  },
  {
    term: 'Ingress',
    match: ['Ingress resource', 'Ingress resources', 'Ingress object', 'Ingress objects', 'Ingress API'],
    definition:
      'An API object (`networking.k8s.io/v1`) with HTTP(S) routing rules, host and path to a Service, that an Ingress controller implements. The API is frozen: new features go into the Gateway API.',
    anchor: 'ingress',
    category: 'routing',
    page: '/ingress-and-gateway/#ingress-a-resource-and-a-controller',
    source: `${K8S}/concepts/services-networking/ingress/`,
  },
  {
    term: 'Ingress controller',
    match: ['Ingress controller', 'Ingress controllers', 'ingress controller', 'ingress controllers'],
    definition:
      'The proxy (for example Traefik, HAProxy or a cloud load balancer controller) that watches Ingress objects of its class and serves their rules. A cluster has none until one is installed.',
    anchor: 'ingress-controller',
    category: 'routing',
    page: '/ingress-and-gateway/#ingress-a-resource-and-a-controller',
    source: `${K8S}/concepts/services-networking/ingress-controllers/`,
  },
  {
    term: 'IngressClass',
    definition:
      'A cluster-scoped object that names an Ingress controller (`spec.controller`). An Ingress selects one with `spec.ingressClassName`; one class can be marked as the default.',
    anchor: 'ingressclass',
    category: 'routing',
    page: '/ingress-and-gateway/#ingressclass-which-controller-serves-which-ingress',
    source: `${K8S}/concepts/services-networking/ingress/`,
  },
  {
    term: 'Gateway API',
    definition:
      'A family of API kinds (`gateway.networking.k8s.io`), among them GatewayClass, Gateway and HTTPRoute, for routing traffic into and within a cluster, split by role: infrastructure provider, cluster operator, application developer. Installed as CRDs and implemented by controllers.',
    anchor: 'gateway-api',
    category: 'routing',
    page: '/ingress-and-gateway/#gateway-api',
    source: `${K8S}/concepts/services-networking/gateway/`,
  },
  {
    term: 'GatewayClass',
    definition:
      'A cluster-scoped Gateway API resource that names the controller (`spec.controllerName`) implementing Gateways of that class, as IngressClass does for Ingress.',
    anchor: 'gatewayclass',
    category: 'routing',
    page: '/ingress-and-gateway/#gatewayclass-gateway-and-httproute',
    source: `${K8S}/concepts/services-networking/gateway/`,
  },
  {
    term: 'Gateway',
    match: ['Gateway resource', 'Gateway resources', 'Gateway object', 'Gateway objects'],
    definition:
      'An instance of traffic-handling infrastructure, such as a cloud load balancer or an in-cluster proxy, of some GatewayClass, with listeners (port, protocol, hostname, TLS) that routes attach to.',
    anchor: 'gateway',
    category: 'routing',
    page: '/ingress-and-gateway/#gatewayclass-gateway-and-httproute',
    source: `${K8S}/concepts/services-networking/gateway/`,
  },
  {
    term: 'HTTPRoute',
    match: ['HTTPRoute', 'HTTPRoutes'],
    definition:
      'A Gateway API resource that attaches to a Gateway through `parentRefs` and routes HTTP requests, by host, path, headers and more, to backend Services.',
    anchor: 'httproute',
    category: 'routing',
    page: '/ingress-and-gateway/#gatewayclass-gateway-and-httproute',
    source: `${K8S}/concepts/services-networking/gateway/`,
  },

  // ------------------------------------------------------------------ DNS
  {
    term: 'CoreDNS',
    definition:
      'The DNS server behind cluster DNS in most clusters, and kubeadm\'s default. Its `kubernetes` plugin answers for the cluster domain from Services and EndpointSlices, and `forward` sends other names upstream.',
    anchor: 'coredns',
    category: 'dns',
    page: '/dns/coredns-vs-kube-dns/',
    source: 'https://coredns.io/plugins/kubernetes/',
  },
  {
    term: 'Corefile',
    definition:
      "CoreDNS's configuration: server blocks such as `.:53 { ... }` listing the plugins for a zone. kubeadm keeps it in the `coredns` ConfigMap in `kube-system`.",
    anchor: 'corefile',
    category: 'dns',
    page: '/dns/coredns-vs-kube-dns/#the-corefile-kubeadm-installs',
    source: `${K8S}/tasks/administer-cluster/dns-custom-nameservers/`,
  },
  {
    term: 'kube-dns',
    definition:
      'Two things: the Service in `kube-system` in front of the cluster DNS server (10.96.0.10 on kubeadm clusters), which keeps that name with CoreDNS behind it; and the older DNS server that CoreDNS replaced.',
    anchor: 'kube-dns',
    category: 'dns',
    page: '/dns/coredns-vs-kube-dns/#why-kube-dns-names-two-things',
    source: `${K8S}/tasks/administer-cluster/dns-custom-nameservers/`,
  },
  {
    term: 'cluster domain',
    aliases: ['`clusterDomain`', '`cluster.local`'],
    match: ['cluster domain'],
    definition:
      "The DNS zone of the cluster, the kubelet's `clusterDomain` (default `cluster.local`). Services are named `<service>.<namespace>.svc.<cluster domain>`.",
    anchor: 'cluster-domain',
    category: 'dns',
    page: '/dns/name-resolution/',
    source: `${K8S}/concepts/services-networking/dns-pod-service/`,
  },
  {
    term: 'search list',
    aliases: ['search domains'],
    match: ['search list', 'search domains', 'search domain'],
    definition:
      'The domains on the `search` line of resolv.conf, which the resolver appends in turn to a name with fewer dots than `ndots` before trying the name as given. A `ClusterFirst` pod gets `<namespace>.svc.cluster.local svc.cluster.local cluster.local`.',
    anchor: 'search-list',
    category: 'dns',
    page: '/dns/name-resolution/',
    source: 'https://man7.org/linux/man-pages/man5/resolv.conf.5.html',
  },
  {
    term: 'ndots',
    definition:
      'The resolv.conf option giving how many dots a name needs for the resolver to try it as written before the search list (musl then skips the search list altogether). Kubernetes sets `ndots:5` so that every relative in-cluster name, up to SRV names such as `_http._tcp.web.default.svc` (four dots), is completed from the search list before it is sent upstream as written.',
    anchor: 'ndots',
    category: 'dns',
    page: '/dns/name-resolution/#options-ndots5',
    source: 'https://man7.org/linux/man-pages/man5/resolv.conf.5.html',
  },
  {
    term: 'FQDN',
    aliases: ['fully qualified domain name', 'trailing dot'],
    match: ['FQDN', 'fully qualified domain name', 'fully qualified name', 'trailing dot'],
    definition:
      'A fully qualified domain name names a host from the root of the DNS tree. Written with a trailing dot (`example.com.`), it tells the resolver to skip the search list and query the name exactly as given.',
    anchor: 'fqdn',
    category: 'dns',
    page: '/dns/name-resolution/#the-trailing-dot',
    source: 'https://man7.org/linux/man-pages/man5/resolv.conf.5.html',
  },
  {
    term: 'NXDOMAIN',
    definition:
      'The DNS response code 3 (Name Error): the queried name does not exist. The cluster DNS answers every search-list candidate that does not exist with NXDOMAIN.',
    anchor: 'nxdomain',
    category: 'dns',
    page: '/dns/name-resolution/',
    source: 'https://tools.ietf.org/html/rfc2308',
  },
  {
    term: 'SRV record',
    match: ['SRV record', 'SRV records'],
    definition:
      'A DNS record that gives the port and target host of a service (RFC 2782). Cluster DNS publishes `_<port-name>._<protocol>.<service>.<namespace>.svc.cluster.local` for every named Service port.',
    anchor: 'srv-record',
    category: 'dns',
    page: '/dns/records/#srv-records',
    source: 'https://github.com/kubernetes/dns/blob/master/docs/specification.md',
  },
  {
    term: 'dnsPolicy',
    definition:
      "The pod field that decides where its resolv.conf comes from: `ClusterFirst` (the default, cluster DNS), `ClusterFirstWithHostNet`, `Default` (the node's resolver configuration) or `None` (only `dnsConfig`).",
    anchor: 'dnspolicy',
    category: 'dns',
    page: '/dns/dns-policy-and-debugging/#the-four-policies',
    source: `${K8S}/concepts/services-networking/dns-pod-service/`,
  },
  {
    term: 'dnsConfig',
    definition:
      "The pod field that adds nameservers, search domains and options to the resolv.conf its dnsPolicy produces; with `dnsPolicy: None` it is the whole file.",
    anchor: 'dnsconfig',
    category: 'dns',
    page: '/dns/dns-policy-and-debugging/#dnsconfig-adding-to-any-policy',
    source: `${K8S}/concepts/services-networking/dns-pod-service/`,
  },
  {
    term: 'NodeLocal DNSCache',
    aliases: ['`node-local-dns`'],
    match: ['NodeLocal DNSCache'],
    definition:
      "A DNS caching agent run on every node as a DaemonSet, listening on a link-local address such as 169.254.20.10. Pods query it on their own node instead of going through kube-proxy's DNAT and conntrack, and it forwards cache misses for the cluster domain to kube-dns.",
    anchor: 'nodelocal-dnscache',
    category: 'dns',
    page: '/dns/dns-policy-and-debugging/#nodelocal-dnscache',
    source: `${K8S}/tasks/administer-cluster/nodelocaldns/`,
  },
];

/** The strings a term is linked on, longest first. */
export function matchesOf(term: GlossaryTerm): string[] {
  const defaults = [term.term, ...(term.aliases ?? []).filter((alias) => !alias.startsWith('`'))];
  return [...(term.match ?? defaults)].sort((a, b) => b.length - a.length);
}

/** Terms of one category, alphabetically (case-insensitive). */
export function termsInCategory(category: GlossaryCategory, terms: GlossaryTerm[] = GLOSSARY): GlossaryTerm[] {
  return terms
    .filter((t) => t.category === category)
    .sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
}

/** Root-relative URL of a term on the glossary page. */
export const GLOSSARY_PATH = '/reference/glossary/';
export function glossaryHref(term: GlossaryTerm): string {
  return `${GLOSSARY_PATH}#${term.anchor}`;
}
