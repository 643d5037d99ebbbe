import { describe, expect, it } from 'vitest';
import { formatDiagnostic, validateCluster, type ClusterInput, type Diagnostic } from '../../../src/model/index.ts';
import { isIngressClassController } from '../../../src/model/validation/routing.ts';
import { BASE_FILE, baseCluster } from '../../fixtures/clusters/base-cluster.ts';

type Mutation = (c: ClusterInput) => void;

interface RuleCase {
  /** The rule, as listed in the closing note. */
  rule: string;
  /** Path the diagnostic must name. */
  path: string;
  /** Text the message must contain. */
  message: string | RegExp;
  /** Expected severity (error unless said). */
  severity?: 'error' | 'warning';
  /** Turns the base into the failing fixture. */
  broken: Mutation;
  /** Turns the base into the valid twin: a nearby value that passes. */
  twin: Mutation;
}

const pods = (c: ClusterInput, node: number) => c.nodes[node]!.pods!;
const svc = (c: ClusterInput, i: number) => c.services![i]!;

const CASES: RuleCase[] = [
  {
    rule: 'malformed node IP',
    path: 'nodes[0].ip',
    message: 'node IP "192.168.1.300" is not a valid IPv4 address',
    broken: (c) => void (c.nodes[0]!.ip = '192.168.1.300'),
    twin: (c) => void (c.nodes[0]!.ip = '192.168.1.30'),
  },
  {
    rule: 'CIDR with host bits',
    path: 'nodes[1].podCIDR',
    message: `node-2's podCIDR "10.244.1.5/24" has host bits set (the network is 10.244.1.0/24)`,
    broken: (c) => void (c.nodes[1]!.podCIDR = '10.244.1.5/24'),
    twin: (c) => void (c.nodes[1]!.podCIDR = '10.244.1.0/24'),
  },
  {
    rule: 'CIDR without prefix length',
    path: 'network.serviceCIDR',
    message: 'service CIDR "10.96.0.0" has no prefix length',
    broken: (c) => void (c.network.serviceCIDR = '10.96.0.0'),
    twin: (c) => void (c.network.serviceCIDR = '10.96.0.0/16'),
  },
  {
    rule: 'malformed port',
    path: 'services[0].ports[0].port',
    message: 'port 70000 is not a port number between 1 and 65535',
    broken: (c) => void (svc(c, 0).ports![0]!.port = 70000),
    twin: (c) => void (svc(c, 0).ports![0]!.port = 80),
  },
  {
    rule: 'malformed container port',
    path: 'nodes[0].pods[1].ports[0].containerPort',
    message: 'containerPort 0 is not a port number',
    broken: (c) => void (pods(c, 0)[1]!.ports![0]!.containerPort = 0),
    twin: (c) => void (pods(c, 0)[1]!.ports![0]!.containerPort = 8443),
  },
  {
    rule: "pod IP outside its node's podCIDR",
    path: 'nodes[1].pods[0].ip',
    message: "10.244.9.2 is outside node-2's podCIDR 10.244.1.0/24",
    broken: (c) => void (pods(c, 1)[0]!.ip = '10.244.9.2'),
    twin: (c) => void (pods(c, 1)[0]!.ip = '10.244.1.9'),
  },
  {
    rule: 'pod IP on the cni0 bridge address',
    path: 'nodes[1].pods[0].ip',
    message: '10.244.1.1 is the address of the cni0 bridge on node-2',
    broken: (c) => void (pods(c, 1)[0]!.ip = '10.244.1.1'),
    twin: (c) => void (pods(c, 1)[0]!.ip = '10.244.1.254'),
  },
  {
    rule: 'pod IP is the network address',
    path: 'nodes[1].pods[0].ip',
    message: '10.244.1.0 is the network or broadcast address of 10.244.1.0/24',
    broken: (c) => void (pods(c, 1)[0]!.ip = '10.244.1.0'),
    // Calico IPAM assigns every address of its block, the first included.
    twin: (c) => {
      c.plugin = { name: 'calico', mode: 'bgp' };
      c.network.clusterCIDR = '10.244.0.0/16';
      pods(c, 1)[0]!.ip = '10.244.1.0';
    },
  },
  {
    rule: 'pod without IP',
    path: 'nodes[1].pods[0].ip',
    message: 'pod web-2 has no IP',
    broken: (c) => void delete pods(c, 1)[0]!.ip,
    twin: (c) => void (pods(c, 1)[0]!.ip = '10.244.1.20'),
  },
  {
    rule: 'hostNetwork pod with its own IP',
    path: 'nodes[0].pods[2].ip',
    message: "hostNetwork pod agent has IP \"10.244.0.9\", not its node's IP 192.168.1.11",
    broken: (c) => void (pods(c, 0)[2]!.ip = '10.244.0.9'),
    twin: (c) => void (pods(c, 0)[2]!.ip = '192.168.1.11'),
  },
  {
    rule: 'node podCIDR outside the cluster CIDR',
    path: 'nodes[2].podCIDR',
    message: "node-3's podCIDR 10.245.2.0/24 is outside the cluster CIDR 10.244.0.0/16",
    broken: (c) => {
      c.nodes[2]!.podCIDR = '10.245.2.0/24';
      pods(c, 2)[0]!.ip = '10.245.2.2';
    },
    twin: (c) => {
      c.nodes[2]!.podCIDR = '10.244.200.0/24';
      pods(c, 2)[0]!.ip = '10.244.200.2';
    },
  },
  {
    rule: 'overlapping node pod CIDRs',
    path: 'nodes[2].podCIDR',
    message: "node-3's podCIDR 10.244.1.128/25 overlaps node-2's podCIDR 10.244.1.0/24",
    broken: (c) => {
      c.nodes[2]!.podCIDR = '10.244.1.128/25';
      pods(c, 2)[0]!.ip = '10.244.1.130';
    },
    twin: (c) => {
      c.nodes[2]!.podCIDR = '10.244.2.128/25';
      pods(c, 2)[0]!.ip = '10.244.2.130';
    },
  },
  {
    rule: 'overlapping cluster and service ranges',
    path: 'network.serviceCIDR',
    message: 'service CIDR 10.240.0.0/12 overlaps the cluster CIDR 10.244.0.0/16',
    broken: (c) => void (c.network.serviceCIDR = '10.240.0.0/12'),
    twin: (c) => void (c.network.serviceCIDR = '10.96.0.0/16'),
  },
  {
    rule: 'overlapping node and pod ranges',
    path: 'network.clusterCIDR',
    message: 'cluster CIDR 192.168.0.0/16 overlaps the node network 192.168.1.0/24',
    broken: (c) => {
      c.plugin = { name: 'calico', mode: 'bgp' };
      c.network.clusterCIDR = '192.168.0.0/16';
    },
    twin: (c) => {
      c.plugin = { name: 'calico', mode: 'bgp' };
      c.network.clusterCIDR = '10.244.0.0/16';
    },
  },
  {
    rule: 'node IP outside the node network',
    path: 'nodes[2].ip',
    message: 'node IP 192.168.2.13 is outside the node network 192.168.1.0/24',
    broken: (c) => void (c.nodes[2]!.ip = '192.168.2.13'),
    twin: (c) => void (c.nodes[2]!.ip = '192.168.1.113'),
  },
  {
    rule: 'ClusterIP outside the service CIDR',
    path: 'services[0].clusterIP',
    message: 'ClusterIP 10.112.0.20 is outside the service CIDR 10.96.0.0/12',
    broken: (c) => void (svc(c, 0).clusterIP = '10.112.0.20'),
    twin: (c) => void (svc(c, 0).clusterIP = '10.111.0.20'),
  },
  {
    rule: 'ClusterIP taken by the DNS Service',
    path: 'services[0].clusterIP',
    message: 'ClusterIP 10.96.0.10 is already taken by Service kube-system/kube-dns',
    broken: (c) => void (svc(c, 0).clusterIP = '10.96.0.10'),
    twin: (c) => void (svc(c, 0).clusterIP = '10.96.0.11'),
  },
  {
    rule: 'ClusterIP taken by another Service',
    path: 'services[2].clusterIP',
    message: 'ClusterIP 10.96.0.20 is already taken by Service default/web',
    broken: (c) => void (svc(c, 2).clusterIP = '10.96.0.20'),
    twin: (c) => void (svc(c, 2).clusterIP = '10.96.0.21'),
  },
  {
    rule: 'ClusterIP of the kubernetes Service',
    path: 'services[0].clusterIP',
    message: 'ClusterIP 10.96.0.1 is taken by the default/kubernetes Service',
    broken: (c) => void (svc(c, 0).clusterIP = '10.96.0.1'),
    twin: (c) => void (svc(c, 0).clusterIP = '10.96.0.2'),
  },
  {
    rule: 'DNS IP outside the service CIDR',
    path: 'dns.clusterIP',
    message: 'the DNS ClusterIP 10.200.0.10 is outside the service CIDR 10.96.0.0/12',
    broken: (c) => void (c.dns = { clusterIP: '10.200.0.10' }),
    twin: (c) => void (c.dns = { clusterIP: '10.96.0.53' }),
  },
  {
    rule: 'duplicate node name',
    path: 'nodes[1].name',
    message: 'node name "node-1" is already used by nodes[0]',
    broken: (c) => void (c.nodes[1]!.name = 'node-1'),
    twin: (c) => void (c.nodes[1]!.name = 'node-9'),
  },
  {
    rule: 'duplicate node IP',
    path: 'nodes[1].ip',
    message: 'node IP 192.168.1.11 is already used by node-1',
    broken: (c) => void (c.nodes[1]!.ip = '192.168.1.11'),
    twin: (c) => void (c.nodes[1]!.ip = '192.168.1.21'),
  },
  {
    rule: 'duplicate pod name in a namespace',
    path: 'nodes[1].pods[0].name',
    message: 'pod "web-1" is already declared at nodes[0].pods[1]',
    broken: (c) => void (pods(c, 1)[0]!.name = 'web-1'),
    // The same name in another namespace is fine.
    twin: (c) => {
      pods(c, 1)[0]!.name = 'web-1';
      pods(c, 1)[0]!.namespace = 'shop';
    },
  },
  {
    rule: 'duplicate pod IP',
    path: 'nodes[0].pods[1].ip',
    message: 'pod IP 10.244.0.2 is already used by pod kube-system/coredns-1',
    broken: (c) => void (pods(c, 0)[1]!.ip = '10.244.0.2'),
    twin: (c) => void (pods(c, 0)[1]!.ip = '10.244.0.4'),
  },
  {
    rule: 'duplicate Service name in a namespace',
    path: 'services[2].name',
    message: 'Service default/web is already declared at services[0]',
    broken: (c) => void (svc(c, 2).name = 'web'),
    twin: (c) => void (svc(c, 2).name = 'web-np'),
  },
  {
    rule: 'declaring kube-dns by hand',
    path: 'services[5].name',
    message: 'Service kube-system/kube-dns is generated from dns',
    broken: (c) => void c.services!.push({ name: 'kube-dns', namespace: 'kube-system', ports: [{ port: 53 }] }),
    // The same name in another namespace is an ordinary Service.
    // (Without a selector it needs an EndpointSlice, or validation warns that it has no endpoints.)
    twin: (c) => {
      c.services!.push({ name: 'kube-dns', namespace: 'kube-public', ports: [{ port: 53 }] });
      c.endpointSlices = [{ name: 'kube-dns-1', namespace: 'kube-public', service: 'kube-dns', ports: [{ port: 53 }], endpoints: [{ addresses: ['192.168.1.53'] }] }];
    },
  },
  {
    rule: 'unknown DNS pod',
    path: 'dns.pods[0]',
    message: 'DNS pod "coredns-9" is not declared in namespace kube-system',
    broken: (c) => void (c.dns = { pods: ['coredns-9'] }),
    twin: (c) => void (c.dns = { pods: ['coredns-1'] }),
  },
  {
    rule: 'DNS pod without the kube-dns label',
    path: 'dns.pods[0]',
    message: 'DNS pod coredns-1 lacks the label k8s-app=kube-dns',
    broken: (c) => {
      c.dns = { pods: ['coredns-1'] };
      pods(c, 0)[0]!.labels = { app: 'dns' };
    },
    twin: (c) => {
      c.dns = { pods: ['coredns-1'] };
      pods(c, 0)[0]!.labels = { app: 'dns', 'k8s-app': 'kube-dns' };
    },
  },
  {
    rule: 'Ingress backend names an unknown Service',
    path: 'ingresses[0].rules[0].backend.service',
    message: 'backend Service "shop" does not exist in namespace default',
    broken: (c) => void (c.ingresses![0]!.rules[0]!.backend.service = 'shop'),
    twin: (c) => {
      c.ingresses![0]!.rules[0]!.backend.service = 'shop';
      c.ingresses![0]!.namespace = 'shop';
    },
  },
  {
    rule: 'Ingress backend port the Service lacks',
    path: 'ingresses[0].rules[0].backend.port',
    message: 'Service web has no port 8080 (ports: 80)',
    broken: (c) => void (c.ingresses![0]!.rules[0]!.backend.port = 8080),
    twin: (c) => void (svc(c, 0).ports!.push({ name: 'alt', port: 8080 }), (c.ingresses![0]!.rules[0]!.backend.port = 8080)),
  },
  {
    rule: 'Ingress controller Service unknown',
    path: 'ingresses[0].controllerService',
    message: 'controller Service "ingress-nginx/ingress-nginx-controller" does not exist',
    broken: (c) => void (c.ingresses![0]!.controllerService = 'ingress-nginx/ingress-nginx-controller'),
    twin: (c) => void (c.ingresses![0]!.controllerService = 'default/web-nodeport'),
  },
  {
    rule: 'top-level httpRoutes (HTTPRoutes are gatewayApi.httpRoutes)',
    path: 'httpRoutes',
    message: 'httpRoutes is not a top-level field: HTTPRoutes belong to gatewayApi.httpRoutes',
    broken: (c) => void Object.assign(c, { httpRoutes: [{ name: 'api', gateway: 'public', rules: [{ path: '/', backend: { service: 'web', port: 80 } }] }] }),
    twin: (c) => void c.gatewayApi!.httpRoutes!.push({ name: 'api', parentRefs: [{ name: 'public' }], rules: [{ backendRefs: [{ name: 'web', port: 80 }] }] }),
  },
  {
    rule: 'IngressClass controller without a path',
    path: 'ingressClasses[0].controller',
    message: 'controller "example.com" is not a domain-prefixed path',
    broken: (c) => void (c.ingressClasses = [{ name: 'nginx', controller: 'example.com' }]),
    twin: (c) => void (c.ingressClasses = [{ name: 'nginx', controller: 'k8s.io/ingress-nginx' }]),
  },
  {
    rule: 'two default IngressClasses',
    path: 'ingressClasses[1].isDefaultClass',
    message: '2 IngressClasses are marked default (nginx, internal)',
    severity: 'warning',
    broken: (c) => void (c.ingressClasses = [{ name: 'nginx', controller: 'k8s.io/ingress-nginx', isDefaultClass: true }, { name: 'internal', controller: 'example.com/internal', isDefaultClass: true }]),
    twin: (c) => void (c.ingressClasses = [{ name: 'nginx', controller: 'k8s.io/ingress-nginx', isDefaultClass: true }, { name: 'internal', controller: 'example.com/internal' }]),
  },
  {
    rule: 'GatewayClass controllerName without a path',
    path: 'gatewayApi.gatewayClasses[0].controllerName',
    message: 'controllerName "example.com" is not a domain-prefixed path',
    broken: (c) => void (c.gatewayApi!.gatewayClasses![0]!.controllerName = 'example.com'),
    twin: (c) => void (c.gatewayApi!.gatewayClasses![0]!.controllerName = 'example.com/gw'),
  },
  {
    rule: 'pod subdomain names no Service',
    path: 'nodes[1].pods[1].subdomain',
    message: 'subdomain "database" names no Service in namespace default',
    broken: (c) => void (pods(c, 1)[1]!.subdomain = 'database'),
    twin: (c) => void (pods(c, 1)[1]!.subdomain = 'db'),
  },
  {
    rule: 'pod subdomain names a Service that is not headless',
    path: 'nodes[1].pods[1].subdomain',
    message: 'subdomain "web" names Service web, which is not headless',
    severity: 'warning',
    broken: (c) => void (pods(c, 1)[1]!.subdomain = 'web'),
    twin: (c) => void (pods(c, 1)[1]!.subdomain = 'db'),
  },
  {
    rule: 'selector matching no pod',
    path: 'services[0].selector',
    message: 'selector app=wbe matches no pod in namespace default',
    severity: 'warning',
    broken: (c) => void (svc(c, 0).selector = { app: 'wbe' }),
    twin: (c) => void (svc(c, 0).selector = { app: 'web' }),
  },
  {
    rule: 'named targetPort no selected pod declares',
    path: 'services[0].ports[0].targetPort',
    message: 'no selected pod declares a container port named "web"',
    severity: 'warning',
    broken: (c) => void (svc(c, 0).ports![0]!.targetPort = 'web'),
    twin: (c) => void (svc(c, 0).ports![0]!.targetPort = 'http'),
  },
  {
    rule: 'NodePort outside 30000-32767',
    path: 'services[2].ports[0].nodePort',
    message: 'nodePort 8080 is outside the NodePort range 30000-32767',
    broken: (c) => void (svc(c, 2).ports![0]!.nodePort = 8080),
    twin: (c) => void (svc(c, 2).ports![0]!.nodePort = 32767),
  },
  {
    rule: 'nodePort on a ClusterIP Service',
    path: 'services[0].ports[0].nodePort',
    message: 'nodePort is set on a ClusterIP Service',
    broken: (c) => void (svc(c, 0).ports![0]!.nodePort = 30090),
    twin: (c) => {
      svc(c, 0).ports![0]!.nodePort = 30090;
      svc(c, 0).type = 'NodePort';
    },
  },
  {
    rule: 'duplicate nodePort',
    // web (services[0]) claims 30080 first, so the later web-nodeport is reported.
    path: 'services[2].ports[0].nodePort',
    message: 'nodePort 30080 is already used by Service default/web',
    broken: (c) => {
      svc(c, 0).type = 'NodePort';
      svc(c, 0).ports![0]!.nodePort = 30080;
    },
    twin: (c) => {
      svc(c, 0).type = 'NodePort';
      svc(c, 0).ports![0]!.nodePort = 30081;
    },
  },
  {
    rule: 'multi-port Service with an unnamed port',
    path: 'services[4].ports[1].name',
    message: 'port 9090 has no name, but Service shop has 2 ports',
    broken: (c) => void delete svc(c, 4).ports![1]!.name,
    twin: (c) => void (svc(c, 4).ports![1]!.name = 'prom'),
  },
  {
    rule: 'headless NodePort Service',
    path: 'services[1].clusterIP',
    message: 'a NodePort Service cannot be headless',
    broken: (c) => void (svc(c, 1).type = 'NodePort'),
    twin: (c) => void (svc(c, 1).type = 'ClusterIP'),
  },
  {
    rule: 'ExternalName that is not a DNS name',
    path: 'services[3].externalName',
    message: 'externalName "api payments" is not a DNS name',
    broken: (c) => void (svc(c, 3).externalName = 'api payments'),
    twin: (c) => void (svc(c, 3).externalName = 'api.payments.example.org'),
  },
  {
    // ValidatePodName: a DNS-1123 subdomain, so dots are fine.
    rule: 'pod name not a DNS-1123 subdomain',
    path: 'nodes[0].pods[1].name',
    message: 'pod name "Web_1" is not a DNS-1123 subdomain',
    broken: (c) => void (pods(c, 0)[1]!.name = 'Web_1'),
    twin: (c) => void (pods(c, 0)[1]!.name = 'web.one'),
  },
  {
    // ValidateNodeName: a DNS-1123 subdomain (node names are often FQDNs).
    rule: 'node name not a DNS-1123 subdomain',
    path: 'nodes[2].name',
    message: 'node name "node.3." is not a DNS-1123 subdomain',
    broken: (c) => void (c.nodes[2]!.name = 'node.3.'),
    twin: (c) => void (c.nodes[2]!.name = 'node-3.example.com'),
  },
  {
    // KEP-5311 RelaxedServiceNameValidation (beta, on by default since v1.36): a DNS-1123 label, so a leading digit is fine.
    rule: 'Service name not a DNS-1123 label',
    path: 'services[3].name',
    message: 'Service name "payments.v1" is not a DNS-1123 label',
    broken: (c) => void (svc(c, 3).name = 'payments.v1'),
    twin: (c) => void (svc(c, 3).name = '1payments'),
  },
  {
    rule: 'dnsPolicy None without nameservers',
    path: 'nodes[1].pods[2].dnsConfig.nameservers',
    message: 'dnsPolicy None needs at least one nameserver in dnsConfig',
    broken: (c) => void delete pods(c, 1)[2]!.dnsConfig,
    twin: (c) => void (pods(c, 1)[2]!.dnsConfig = { nameservers: ['1.1.1.1'] }),
  },
  {
    rule: 'more than three nameservers',
    path: 'nodes[1].pods[2].dnsConfig.nameservers',
    message: '4 nameservers given, at most 3 are allowed',
    broken: (c) => void (pods(c, 1)[2]!.dnsConfig = { nameservers: ['10.96.0.10', '1.1.1.1', '8.8.8.8', '9.9.9.9'] }),
    twin: (c) => void (pods(c, 1)[2]!.dnsConfig = { nameservers: ['10.96.0.10', '1.1.1.1', '8.8.8.8'] }),
  },
  {
    rule: 'ipBlock except outside its cidr',
    path: 'networkPolicies[0].ingress[1].from[0].ipBlock.except[0]',
    message: 'except 192.168.2.0/25 is outside ipBlock 192.168.1.0/24',
    broken: (c) => void (c.networkPolicies![0]!.ingress![1]!.from![0]!.ipBlock!.except = ['192.168.2.0/25']),
    twin: (c) => void (c.networkPolicies![0]!.ingress![1]!.from![0]!.ipBlock!.except = ['192.168.1.0/25']),
  },
  {
    rule: 'endPort below port',
    path: 'networkPolicies[0].egress[0].ports[0].endPort',
    message: 'endPort 7000 is below port 8000',
    broken: (c) => void (c.networkPolicies![0]!.egress![0]!.ports![0]!.endPort = 7000),
    twin: (c) => void (c.networkPolicies![0]!.egress![0]!.ports![0]!.endPort = 8000),
  },
  {
    rule: 'NetworkPolicy selecting no pod',
    path: 'networkPolicies[0].podSelector',
    message: 'podSelector matches no pod in namespace default',
    severity: 'warning',
    broken: (c) => void (c.networkPolicies![0]!.podSelector = { matchLabels: { app: 'cache' } }),
    twin: (c) => void (c.networkPolicies![0]!.podSelector = {}),
  },
  {
    rule: 'unknown plugin mode',
    path: 'plugin.backend',
    message: 'flannel backend "udp" is not one of vxlan, host-gw',
    broken: (c) => void (c.plugin = { name: 'flannel', backend: 'udp' as 'vxlan' }),
    twin: (c) => void (c.plugin = { name: 'flannel', backend: 'host-gw' }),
  },
  {
    rule: 'a cluster without nodes',
    path: 'nodes',
    message: 'a cluster needs at least one node',
    broken: (c) => void (c.nodes = []),
    // The base has nodes: nothing to change.
    twin: () => undefined,
  },
  {
    rule: 'bridge plugin on several nodes',
    path: 'nodes',
    message: 'the bridge plugin connects pods on one node only, but 3 nodes are declared',
    severity: 'warning',
    broken: (c) => void (c.plugin = { name: 'bridge' }),
    twin: (c) => void (c.plugin = { name: 'flannel', backend: 'host-gw' }),
  },
  // What the API server rejects and accepts (apimachinery util/validation, pkg/apis/core/validation).
  {
    rule: 'container port protocol outside the enum',
    path: 'nodes[0].pods[1].ports[0].protocol',
    message: 'protocol "tcp" is not one of TCP, UDP, SCTP',
    broken: (c) => void (pods(c, 0)[1]!.ports![0]!.protocol = 'tcp' as never),
    twin: (c) => void (pods(c, 0)[1]!.ports![0]!.protocol = 'SCTP'),
  },
  {
    rule: 'Service port protocol outside the enum',
    path: 'services[0].ports[0].protocol',
    message: 'protocol "HTTP" is not one of TCP, UDP, SCTP',
    broken: (c) => void (svc(c, 0).ports![0]!.protocol = 'HTTP' as never),
    twin: (c) => void (svc(c, 0).ports![0]!.protocol = 'TCP'),
  },
  {
    rule: 'NetworkPolicy port protocol outside the enum',
    path: 'networkPolicies[0].ingress[0].ports[0].protocol',
    message: 'protocol "ICMP" is not one of TCP, UDP, SCTP',
    broken: (c) => void (c.networkPolicies![0]!.ingress![0]!.ports![0]!.protocol = 'ICMP' as never),
    twin: (c) => void (c.networkPolicies![0]!.ingress![0]!.ports![0]!.protocol = 'UDP'),
  },
  {
    rule: 'same port and protocol twice in a Service',
    path: 'services[4].ports[1].port',
    message: 'port 80/TCP is already declared at ports[0]',
    broken: (c) => void (svc(c, 4).ports![1]!.port = 80),
    // The same number with another protocol is allowed (DNS serves 53/UDP and 53/TCP).
    twin: (c) => Object.assign(svc(c, 4).ports![1]!, { port: 80, protocol: 'UDP' }),
  },
  {
    rule: 'ExternalName with two trailing dots',
    path: 'services[3].externalName',
    message: 'externalName "api.payments.example.com.." is not a DNS name',
    broken: (c) => void (svc(c, 3).externalName = 'api.payments.example.com..'),
    // One trailing dot marks a fully qualified name; the API server accepts it.
    twin: (c) => void (svc(c, 3).externalName = 'api.payments.example.com.'),
  },
  {
    rule: 'more than 32 search domains',
    path: 'nodes[1].pods[2].dnsConfig.searches',
    message: '33 search domains given, at most 32 are allowed',
    broken: (c) => void (pods(c, 1)[2]!.dnsConfig!.searches = Array.from({ length: 33 }, (_, i) => `d${i}.example.com`)),
    twin: (c) => void (pods(c, 1)[2]!.dnsConfig!.searches = Array.from({ length: 32 }, (_, i) => `d${i}.example.com`)),
  },
  {
    rule: 'search list longer than 2048 characters',
    path: 'nodes[1].pods[2].dnsConfig.searches',
    message: 'the search list is 2049 characters long (joined with spaces), at most 2048 are allowed',
    // 8 domains of 227 characters, one of 224 and 8 spaces = 2048 exactly; one character more fails.
    broken: (c) => void (pods(c, 1)[2]!.dnsConfig!.searches = [...Array.from({ length: 8 }, () => longDomain(227)), longDomain(225)]),
    twin: (c) => void (pods(c, 1)[2]!.dnsConfig!.searches = [...Array.from({ length: 8 }, () => longDomain(227)), longDomain(224)]),
  },
  {
    rule: 'search domain that is not a subdomain (one trailing dot is fine)',
    path: 'nodes[1].pods[2].dnsConfig.searches[0]',
    message: 'search domain "Example.com" is not a DNS subdomain',
    broken: (c) => void (pods(c, 1)[2]!.dnsConfig!.searches = ['Example.com']),
    // KEP-4427 (GA in v1.34): underscores and the root '.' are accepted.
    twin: (c) => void (pods(c, 1)[2]!.dnsConfig!.searches = ['example.com.', '_sip._tcp.example.com', '.']),
  },
  {
    rule: 'DNS option without a name',
    path: 'nodes[1].pods[2].dnsConfig.options[0].name',
    message: 'a DNS option has no name',
    broken: (c) => void (pods(c, 1)[2]!.dnsConfig!.options = [{ name: '', value: '2' }]),
    twin: (c) => void (pods(c, 1)[2]!.dnsConfig!.options = [{ name: 'ndots', value: '2' }]),
  },
  {
    rule: 'label key with an invalid prefix',
    path: 'nodes[0].pods[1].labels.Example.com/app',
    message: 'label key "Example.com/app" has a prefix "Example.com" that is not a DNS-1123 subdomain',
    broken: (c) => void (pods(c, 0)[1]!.labels = { app: 'web', 'Example.com/app': 'x' }),
    twin: (c) => void (pods(c, 0)[1]!.labels = { app: 'web', 'app.kubernetes.io/name': 'x' }),
  },
  {
    rule: 'label key name part longer than 63 characters',
    path: `nodes[0].pods[1].labels.${'k'.repeat(64)}`,
    message: 'has a name part of 64 characters (at most 63)',
    broken: (c) => void (pods(c, 0)[1]!.labels = { app: 'web', ['k'.repeat(64)]: 'x' }),
    // Upper case and '_' are allowed in the name part.
    twin: (c) => void (pods(c, 0)[1]!.labels = { app: 'web', ['K_'.repeat(31) + 'k']: 'x' }),
  },
  {
    rule: 'label value with a character labels do not allow',
    path: 'namespaces[0].labels.team',
    message: 'label value "shop team" must be empty or start and end with a letter or digit',
    broken: (c) => void (c.namespaces![0]!.labels = { team: 'shop team' }),
    // The empty value is a valid label value.
    twin: (c) => void (c.namespaces![0]!.labels = { team: 'shop', tier: '' }),
  },
  {
    rule: 'Service selector value longer than 63 characters',
    path: 'services[0].selector.app',
    message: 'selector value',
    broken: (c) => void (svc(c, 0).selector = { app: 'w'.repeat(64) }),
    twin: (c) => void (svc(c, 0).selector = { app: 'web' }),
  },
  {
    rule: 'NetworkPolicy name not a DNS-1123 subdomain',
    path: 'networkPolicies[0].name',
    message: 'NetworkPolicy name "db_from_web" is not a DNS-1123 subdomain',
    broken: (c) => void (c.networkPolicies![0]!.name = 'db_from_web'),
    twin: (c) => void (c.networkPolicies![0]!.name = 'db.from-web'),
  },
  {
    rule: 'NetworkPolicy peer selector with an invalid label key',
    path: 'networkPolicies[0].ingress[0].from[0].podSelector.matchLabels.-app',
    message: 'label selector key "-app"',
    broken: (c) => void (c.networkPolicies![0]!.ingress![0]!.from![0]!.podSelector = { matchLabels: { '-app': 'web' } }),
    twin: (c) => void (c.networkPolicies![0]!.ingress![0]!.from![0]!.podSelector = { matchLabels: { app: 'web' } }),
  },
  {
    rule: 'matchExpressions In without values',
    path: 'networkPolicies[0].podSelector.matchExpressions[0].values',
    message: 'operator In needs at least one value',
    broken: (c) => void (c.networkPolicies![0]!.podSelector = { matchExpressions: [{ key: 'app', operator: 'In', values: [] }] }),
    twin: (c) => void (c.networkPolicies![0]!.podSelector = { matchExpressions: [{ key: 'app', operator: 'In', values: ['db'] }] }),
  },
  {
    rule: 'matchExpressions Exists with values in a namespaceSelector',
    path: 'networkPolicies[0].egress[0].to[0].namespaceSelector.matchExpressions[0].values',
    message: 'operator Exists takes no values',
    broken: (c) => void (c.networkPolicies![0]!.egress![0]!.to![0]!.namespaceSelector = { matchExpressions: [{ key: 'team', operator: 'Exists', values: ['shop'] }] }),
    twin: (c) => void (c.networkPolicies![0]!.egress![0]!.to![0]!.namespaceSelector = { matchExpressions: [{ key: 'team', operator: 'Exists' }] }),
  },
  {
    rule: 'podSelector with matchExpressions that selects no pod',
    path: 'networkPolicies[0].podSelector',
    message: 'podSelector matches no pod in namespace default',
    severity: 'warning',
    broken: (c) => void (c.networkPolicies![0]!.podSelector = { matchLabels: { app: 'db' }, matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['db'] }] }),
    twin: (c) => void (c.networkPolicies![0]!.podSelector = { matchLabels: { app: 'db' }, matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }),
  },
  {
    rule: 'externalTrafficPolicy outside the enum',
    path: 'services[2].externalTrafficPolicy',
    message: 'externalTrafficPolicy "local" is not one of Cluster, Local',
    broken: (c) => void (svc(c, 2).externalTrafficPolicy = 'local' as never),
    twin: (c) => void (svc(c, 2).externalTrafficPolicy = 'Local'),
  },
  {
    rule: 'internalTrafficPolicy outside the enum',
    path: 'services[0].internalTrafficPolicy',
    message: 'internalTrafficPolicy "Node" is not one of Cluster, Local',
    broken: (c) => void (svc(c, 0).internalTrafficPolicy = 'Node' as never),
    twin: (c) => void (svc(c, 0).internalTrafficPolicy = 'Local'),
  },
  {
    rule: 'sessionAffinity outside the enum',
    path: 'services[0].sessionAffinity',
    message: 'sessionAffinity "Cookie" is not one of None, ClientIP',
    broken: (c) => void (svc(c, 0).sessionAffinity = 'Cookie' as never),
    twin: (c) => void (svc(c, 0).sessionAffinity = 'ClientIP'),
  },
  {
    rule: 'Ingress pathType outside the enum',
    path: 'ingresses[0].rules[0].pathType',
    message: 'pathType "prefix" is not one of Prefix, Exact, ImplementationSpecific',
    broken: (c) => void (c.ingresses![0]!.rules[0]!.pathType = 'prefix' as never),
    twin: (c) => void (c.ingresses![0]!.rules[0]!.pathType = 'Exact'),
  },
];

/** A DNS subdomain of exactly `length` characters: 63-character labels joined by dots, then the rest. */
function longDomain(length: number): string {
  const labels: string[] = [];
  let left = length;
  for (; left > 64; left -= 64) labels.push('a'.repeat(63));
  labels.push('b'.repeat(left));
  return labels.join('.');
}

function run(mutate: Mutation): Diagnostic[] {
  const input = baseCluster();
  mutate(input);
  return validateCluster(input, { file: BASE_FILE }).diagnostics;
}

describe('validateCluster', () => {
  it('accepts the base fixture without any diagnostic', () => {
    const result = validateCluster(baseCluster(), { file: BASE_FILE });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(result.cluster?.name).toBe('base');
  });

  describe.each(CASES)('$rule', (rule) => {
    it(`reports ${rule.severity ?? 'an error'} at ${rule.path}`, () => {
      const found = run(rule.broken).filter((d) => d.path === rule.path);
      const match = found.find((d) => (typeof rule.message === 'string' ? d.message.includes(rule.message) : rule.message.test(d.message)));
      expect(match, `diagnostics at ${rule.path}: ${found.map((d) => d.message).join(' | ') || 'none'}`).toBeDefined();
      expect(match!.severity).toBe(rule.severity ?? 'error');
      expect(match!.file).toBe(BASE_FILE);
      expect(match!.hint.length).toBeGreaterThan(10);
    });

    it('passes in its valid twin', () => {
      const diagnostics = run(rule.twin);
      expect(diagnostics.map(formatDiagnostic)).toEqual([]);
    });
  });

  it('reports every error of a definition in one run', () => {
    const diagnostics = run((c) => {
      pods(c, 1)[0]!.ip = '10.244.9.2';
      c.nodes[2]!.name = 'node-1';
      svc(c, 0).clusterIP = '10.96.0.10';
      svc(c, 2).ports![0]!.nodePort = 80;
      c.ingresses![0]!.rules[0]!.backend.service = 'nope';
      c.title = '';
    });
    const errorPaths = diagnostics.filter((d) => d.severity === 'error').map((d) => d.path);
    expect(errorPaths).toEqual(
      expect.arrayContaining([
        'title',
        'nodes[2].name',
        'nodes[1].pods[0].ip',
        'services[0].clusterIP',
        'services[2].ports[0].nodePort',
        'ingresses[0].rules[0].backend.service',
      ]),
    );
  });

  it('returns no cluster when there is an error, but one when there are only warnings', () => {
    expect(validateCluster(Object.assign(baseCluster(), { nodes: [] }), { file: BASE_FILE }).cluster).toBeUndefined();
    const warned = baseCluster();
    svc(warned, 0).selector = { app: 'nothing' };
    const result = validateCluster(warned, { file: BASE_FILE });
    expect(result.diagnostics.map((d) => d.severity)).toEqual(['warning']);
    expect(result.cluster).toBeDefined();
  });

  it('formats a diagnostic as file: path: message (hint: ...)', () => {
    const [d] = run((c) => void (pods(c, 1)[0]!.ip = '10.244.9.2'));
    expect(formatDiagnostic(d!)).toBe(
      "diagrams/base.ts: nodes[1].pods[0].ip: 10.244.9.2 is outside node-2's podCIDR 10.244.1.0/24 (hint: a pod gets its IP from the podCIDR of the node it runs on: pick an address in 10.244.1.0/24)",
    );
    const [moved] = run((c) => void (pods(c, 1)[0]!.ip = '10.244.2.9'));
    expect(moved!.hint).toContain('or move the pod under node-3, whose podCIDR 10.244.2.0/24 holds 10.244.2.9');
  });

  it('suggests a valid name in the hint', () => {
    const [d] = run((c) => void (pods(c, 0)[1]!.name = 'Web_1'));
    expect(d!.hint).toContain("'web-1'");
  });

  it('names the cluster after its file, and reports a file name that is not a DNS-1123 label', () => {
    expect(validateCluster(baseCluster(), { file: 'diagrams/flannel-demo.ts' }).cluster?.name).toBe('flannel-demo');
    const result = validateCluster(baseCluster(), { file: 'diagrams/Flannel_Demo.ts' });
    expect(result.cluster).toBeUndefined();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        path: '',
        severity: 'error',
        message: 'file name "Flannel_Demo" is not a DNS-1123 label',
        hint: 'rename the file to diagrams/flannel-demo.ts: pages refer to a cluster by its file name',
      }),
    ]);
  });

  it('ignores a name written in the definition: the file names the cluster', () => {
    const result = validateCluster({ ...baseCluster(), name: 'other' }, { file: BASE_FILE });
    expect(result.diagnostics).toEqual([]);
    expect(result.cluster?.name).toBe('base');
  });

  it('recognises IngressClass controllers as IsDomainPrefixedPath does, at most 250 characters', () => {
    expect(['acme.io/foo', 'k8s.io/ingress-nginx', 'example.com/ingress-controller', `a.io/${'b'.repeat(245)}`].map(isIngressClassController)).toEqual([true, true, true, true]);
    expect(['acme.io', 'acme.io/', '/foo', 'Acme.io/foo', 'acme.io/a b', `a.io/${'b'.repeat(246)}`, 3].map(isIngressClassController)).toEqual([false, false, false, false, false, false, false]);
  });

  it('refuses a top-level httpRoutes before resolving, naming the file and pointing to gatewayApi.httpRoutes', () => {
    const result = validateCluster({ ...baseCluster(), httpRoutes: [] }, { file: BASE_FILE });
    expect(result.cluster).toBeUndefined();
    expect(result.diagnostics).toHaveLength(1);
    const text = formatDiagnostic(result.diagnostics[0]!);
    expect(text).toMatch(/^diagrams\/base\.ts: httpRoutes: httpRoutes is not a top-level field/);
    expect(text).toContain('(hint: move each route to gatewayApi.httpRoutes');
  });

  it('reports a non-object default export instead of throwing', () => {
    const result = validateCluster('nope', { file: 'diagrams/x.ts' });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ file: 'diagrams/x.ts', path: '', severity: 'error', message: 'the default export is not a cluster definition' }),
    ]);
  });
});
