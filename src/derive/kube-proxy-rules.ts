/**
 * kube-proxy's iptables-mode NAT rules for a Service, as it writes them to iptables-restore.
 * kubernetes pkg/proxy/iptables/proxier.go: portProtoHash, servicePortPolicyClusterChain,
 * servicePortEndpointChainName, syncProxyRules, writeServiceToEndpointRules, computeProbability;
 * endpoint order: pkg/proxy/endpointslicecache.go (sort.Sort(byEndpoint), by "ip:port" string).
 */
import { ofFamily, serviceClusterIPs } from '../model/ip-families.ts';
import type { Cluster, IPFamily, Service, ServicePort } from '../model/types.ts';
import { findNode, findService } from './lookup.ts';
import { sha256, toBase32 } from '../net/hash.ts';
import { goFormatFixed } from './kube-proxy-go-format.ts';
import type { ProxyEndpoint } from './kube-proxy-topology.ts';
import { familyClusterCIDR, servicePortOnNode, sortedEndpoints } from './kube-proxy-service-port.ts';

/** proxier.go chain-name prefixes. */
export const CHAIN_PREFIX = {
  cluster: 'KUBE-SVC-',
  local: 'KUBE-SVL-',
  firewall: 'KUBE-FW-',
  external: 'KUBE-EXT-',
  endpoint: 'KUBE-SEP-',
} as const;

/** kube-proxy's default --iptables-masquerade-bit 14 as a mark. */
export const MASQUERADE_MARK = '0x4000';
/** v1.DefaultClientIPServiceAffinitySeconds (sessionAffinity ClientIP timeout). */
export const DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800;
/** proxier.go largeClusterEndpointsThreshold: above this many endpoints, SEP rules lose their comments. */
export const LARGE_CLUSTER_ENDPOINTS_THRESHOLD = 1000;
/** metrics.LocalhostNodePortAcceptedNFAcctCounter (pkg/proxy/metrics/metrics.go). */
export const LOCALHOST_NODEPORT_NFACCT_COUNTER = 'localhost_nps_accepted_pkts';

/** proxier.go portProtoHash: base32(sha256(servicePortName + protocol))[:16]. */
export function portProtoHash(servicePortName: string, protocol: string): string {
  return toBase32(sha256(servicePortName + protocol)).slice(0, 16);
}

/** proxier.go servicePortEndpointChainName: KUBE-SEP- + base32(sha256(name + protocol + "ip:port"))[:16]. */
export function endpointChainName(servicePortName: string, protocol: string, endpoint: string): string {
  return CHAIN_PREFIX.endpoint + toBase32(sha256(servicePortName + protocol + endpoint)).slice(0, 16);
}

/** proxy.ServicePortName.String(): `ns/name` or `ns/name:port`. */
export function servicePortName(service: Pick<Service, 'namespace' | 'name'>, port: Pick<ServicePort, 'name'>): string {
  return `${service.namespace}/${service.name}${port.name ? `:${port.name}` : ''}`;
}

/** The per-port chain names (protocol lower-cased, as syncProxyRules does). */
export function serviceChainNames(servicePortNameString: string, protocol: string): {
  cluster: string; local: string; external: string; firewall: string;
} {
  const hash = portProtoHash(servicePortNameString, protocol.toLowerCase());
  return {
    cluster: CHAIN_PREFIX.cluster + hash,
    local: CHAIN_PREFIX.local + hash,
    external: CHAIN_PREFIX.external + hash,
    firewall: CHAIN_PREFIX.firewall + hash,
  };
}

/**
 * proxier.go computeProbability: fmt.Sprintf("%0.10f", 1.0/float64(n)). Go rounds an exact
 * tie to even (n = 2048: 0.0004882812), which toFixed(10) does not, hence goFormatFixed.
 */
export function probability(n: number): string {
  return goFormatFixed(1 / n, 10);
}

/**
 * The probability as `iptables-save` / `iptables -L` print it back: iptables
 * extensions/libxt_statistic.c stores lround(2^31 * p) and prints it with %.11f
 * (so kube-proxy's 0.3333333333 reads back as 0.33333333349).
 */
export function savedProbability(written: string): string {
  const stored = Math.round(0x80000000 * Number(written));
  return (stored / 0x80000000).toFixed(11);
}

/** Go's iptables comment quoting in proxier.go: multi-word comments are written inside `"..."`. */
function quoted(text: string): string {
  return `"${text}"`;
}

/** Options of the rule generator. */
export interface KubeProxyRuleOptions {
  /** The node whose kube-proxy writes the rules (matters for Local traffic policies); defaults to the first node. */
  node?: string;
  /** `--cluster-cidr` for detect-local-mode ClusterCIDR (the `! -s <cidr> -j KUBE-MARK-MASQ` rule); defaults to the cluster's. Empty string: no local detector. */
  clusterCIDR?: string;
  /** Whether iptables supports `--random-fully` (only used by `kubeProxyNatTable`). */
  randomFully?: boolean;
  /**
   * Whether kube-proxy writes the localhost NodePort accounting rule
   * (`-d 127.0.0.0/8 ... -m nfacct --nfacct-name localhost_nps_accepted_pkts`) before each
   * NodePort rule: kube-proxy v1.31+ (kubernetes PR #125015) on a kernel with nfacct, with
   * `--iptables-localhost-nodeports` on (the default) and `--nodeport-addresses` unset.
   * Defaults to true; false matches older kube-proxy or a node without nfacct.
   */
  localhostNodePortsNfacct?: boolean;
  /**
   * proxier.go largeClusterMode (more than 1000 endpoints in all Services): drops `-m comment`
   * from KUBE-SEP rules and from the jumps to them. Defaults to counting the cluster's endpoints.
   */
  largeClusterMode?: boolean;
  /**
   * The IP family of the proxier: a dual-stack kube-proxy runs one per family (iptables and
   * ip6tables), each seeing only the ClusterIP and the EndpointSlice of its own family
   * (pkg/proxy/serviceport.go newBaseServiceInfo, endpointslicecache.go). Unset: the IPv4-era
   * behaviour, the Service's `clusterIP` and each pod's primary address.
   */
  family?: IPFamily;
}

/** The lines kube-proxy writes for one Service. */
export interface KubeProxyServiceRules {
  /** Chain declaration lines (`:KUBE-SVC-... - [0:0]`) in the nat table. */
  natChains: string[];
  /** `-A` lines in the nat table, in the order kube-proxy writes them. */
  natRules: string[];
  /** `-A` lines in the filter table (REJECT/DROP when there are no usable endpoints). */
  filterRules: string[];
  /** Why a Service has no rules (ExternalName and headless Services are skipped by kube-proxy). */
  skipped?: string;
}


/** Whether kube-proxy has a ServicePort for this Service (its svcPortMap skips headless and ExternalName). */
export function isProxied(service: Service): boolean {
  return service.type !== 'ExternalName' && !!service.clusterIP && service.clusterIP !== 'None';
}

/** proxier.go syncProxyRules totalEndpoints: every endpoint of every proxied Service port. */
export function totalProxyEndpoints(cluster: Cluster): number {
  let total = 0;
  for (const service of cluster.services.filter(isProxied)) {
    for (const port of service.ports) total += sortedEndpoints(cluster, service, port).length;
  }
  return total;
}

/** proxier.go: largeClusterMode = totalEndpoints > largeClusterEndpointsThreshold. */
export function isLargeCluster(cluster: Cluster): boolean {
  return totalProxyEndpoints(cluster) > LARGE_CLUSTER_ENDPOINTS_THRESHOLD;
}

/** Per-sync settings of the node's kube-proxy. */
interface SyncSettings {
  nodeName: string; clusterCIDR: string; largeClusterMode: boolean; localhostNodePortsNfacct: boolean;
  /** The ClusterIP of the proxier's family. */
  clusterIP: string;
  family?: IPFamily;
}

/** syncProxyRules for one Service port. */
function servicePortRules(cluster: Cluster, service: Service, port: ServicePort, sync: SyncSettings, out: KubeProxyServiceRules): void {
  const { nodeName, clusterCIDR } = sync;
  const protocol = port.protocol.toLowerCase();
  const spn = servicePortName(service, port);
  const chains = serviceChainNames(spn, protocol);
  const { loadBalancerVIP, externalIPs, policy, clusterEndpoints, localEndpoints, allReachableEndpoints: allReachable, hasAnyEndpoints: hasEndpoints } =
    servicePortOnNode(cluster, service, port, nodeName, sync.family);
  const { internalPolicyLocal: internalLocal, externalPolicyLocal: externalLocal, externallyAccessible } = policy;
  const usesClusterPolicyChain = clusterEndpoints.length > 0;
  const usesLocalPolicyChain = localEndpoints.length > 0;

  const internalChain = internalLocal ? chains.local : chains.cluster;
  const hasInternal = hasEndpoints && (!internalLocal || localEndpoints.length > 0);
  const externalPolicyChain = externalLocal ? chains.local : chains.cluster;
  const hasExternal = hasEndpoints && (!externalLocal || localEndpoints.length > 0);
  const usesExternalChain = hasEndpoints && externallyAccessible;
  // appendServiceCommentLocked: no comments on SEP rules and SVC->SEP jumps in large clusters.
  const sepComment = (text: string): string[] => (sync.largeClusterMode ? [] : ['-m', 'comment', '--comment', text]);
  const affinitySeconds = String(service.sessionAffinityTimeoutSeconds ?? DEFAULT_CLIENT_IP_AFFINITY_SECONDS);

  const clusterIPMatch = ['-m', protocol, '-p', protocol, '-d', sync.clusterIP, '--dport', String(port.port)];
  let internalFilterComment = '';
  let externalFilterComment = '';
  let internalFilterTarget = '';
  let externalFilterTarget = '';
  if (!hasEndpoints) {
    internalFilterTarget = externalFilterTarget = 'REJECT';
    internalFilterComment = externalFilterComment = quoted(`${spn} has no endpoints`);
  } else {
    if (!hasInternal) { internalFilterTarget = 'DROP'; internalFilterComment = quoted(`${spn} has no local endpoints`); }
    if (!hasExternal) { externalFilterTarget = 'DROP'; externalFilterComment = quoted(`${spn} has no local endpoints`); }
  }

  const nat = out.natRules;
  if (hasInternal) {
    nat.push(['-A', 'KUBE-SERVICES', '-m', 'comment', '--comment', quoted(`${spn} cluster IP`), ...clusterIPMatch, '-j', internalChain].join(' '));
  } else {
    out.filterRules.push(['-A', 'KUBE-SERVICES', '-m', 'comment', '--comment', internalFilterComment, ...clusterIPMatch, '-j', internalFilterTarget].join(' '));
  }
  // proxier.go "Capture externalIPs": after the cluster IP rule, before the load-balancer ones.
  for (const externalIP of externalIPs) {
    const extMatch = ['-m', protocol, '-p', protocol, '-d', externalIP, '--dport', String(port.port)];
    if (hasEndpoints) {
      nat.push(['-A', 'KUBE-SERVICES', '-m', 'comment', '--comment', quoted(`${spn} external IP`), ...extMatch, '-j', chains.external].join(' '));
    }
    if (!hasExternal) {
      out.filterRules.push(['-A', 'KUBE-EXTERNAL-SERVICES', '-m', 'comment', '--comment', externalFilterComment, ...extMatch, '-j', externalFilterTarget].join(' '));
    }
  }
  if (loadBalancerVIP !== undefined) {
    const lbMatch = ['-m', protocol, '-p', protocol, '-d', loadBalancerVIP, '--dport', String(port.port)];
    if (hasEndpoints) {
      nat.push(['-A', 'KUBE-SERVICES', '-m', 'comment', '--comment', quoted(`${spn} loadbalancer IP`), ...lbMatch, '-j', chains.external].join(' '));
    }
    if (!hasExternal) {
      out.filterRules.push(['-A', 'KUBE-EXTERNAL-SERVICES', '-m', 'comment', '--comment', externalFilterComment, ...lbMatch, '-j', externalFilterTarget].join(' '));
    }
  }
  if (port.nodePort !== undefined) {
    if (hasEndpoints) {
      if (sync.localhostNodePortsNfacct) {
        nat.push(['-A', 'KUBE-NODEPORTS', '-m', 'comment', '--comment', spn, '-m', protocol, '-p', protocol, '-d', '127.0.0.0/8', '--dport', String(port.nodePort), '-m', 'nfacct', '--nfacct-name', LOCALHOST_NODEPORT_NFACCT_COUNTER, '-j', chains.external].join(' '));
      }
      nat.push(['-A', 'KUBE-NODEPORTS', '-m', 'comment', '--comment', spn, '-m', protocol, '-p', protocol, '--dport', String(port.nodePort), '-j', chains.external].join(' '));
    }
    if (!hasExternal) {
      out.filterRules.push(['-A', 'KUBE-EXTERNAL-SERVICES', '-m', 'comment', '--comment', externalFilterComment, '-m', 'addrtype', '--dst-type', 'LOCAL', '-m', protocol, '-p', protocol, '--dport', String(port.nodePort), '-j', externalFilterTarget].join(' '));
    }
  }
  if (hasInternal && clusterCIDR !== '') {
    nat.push(['-A', internalChain, '-m', 'comment', '--comment', quoted(`${spn} cluster IP`), ...clusterIPMatch, '!', '-s', clusterCIDR, '-j', 'KUBE-MARK-MASQ'].join(' '));
  }
  if (usesExternalChain) {
    out.natChains.push(`:${chains.external} - [0:0]`);
    if (!externalLocal) {
      nat.push(['-A', chains.external, '-m', 'comment', '--comment', quoted(`masquerade traffic for ${spn} external destinations`), '-j', 'KUBE-MARK-MASQ'].join(' '));
    } else {
      if (clusterCIDR !== '') {
        nat.push(['-A', chains.external, '-m', 'comment', '--comment', quoted(`pod traffic for ${spn} external destinations`), '-s', clusterCIDR, '-j', chains.cluster].join(' '));
      }
      nat.push(['-A', chains.external, '-m', 'comment', '--comment', quoted(`masquerade LOCAL traffic for ${spn} external destinations`), '-m', 'addrtype', '--src-type', 'LOCAL', '-j', 'KUBE-MARK-MASQ'].join(' '));
      nat.push(['-A', chains.external, '-m', 'comment', '--comment', quoted(`route LOCAL traffic for ${spn} external destinations`), '-m', 'addrtype', '--src-type', 'LOCAL', '-j', chains.cluster].join(' '));
    }
    if (hasExternal) nat.push(['-A', chains.external, '-j', externalPolicyChain].join(' '));
  }
  const writeToEndpoints = (chain: string, endpoints: ProxyEndpoint[]): void => {
    out.natChains.push(`:${chain} - [0:0]`);
    if (service.sessionAffinity === 'ClientIP') {
      for (const e of endpoints) {
        const sep = endpointChainName(spn, protocol, e.text);
        nat.push(['-A', chain, ...sepComment(quoted(`${spn} -> ${e.text}`)), '-m', 'recent', '--name', sep, '--rcheck', '--seconds', affinitySeconds, '--reap', '-j', sep].join(' '));
      }
    }
    endpoints.forEach((e, i) => {
      const args = ['-A', chain, ...sepComment(quoted(`${spn} -> ${e.text}`))];
      if (i < endpoints.length - 1) args.push('-m', 'statistic', '--mode', 'random', '--probability', probability(endpoints.length - i));
      nat.push([...args, '-j', endpointChainName(spn, protocol, e.text)].join(' '));
    });
  };
  if (usesClusterPolicyChain) writeToEndpoints(chains.cluster, clusterEndpoints);
  if (usesLocalPolicyChain) writeToEndpoints(chains.local, localEndpoints);
  for (const e of allReachable) {
    const sep = endpointChainName(spn, protocol, e.text);
    out.natChains.push(`:${sep} - [0:0]`);
    const args = ['-A', sep, ...sepComment(spn)];
    nat.push([...args, '-s', e.ip, '-j', 'KUBE-MARK-MASQ'].join(' '));
    if (service.sessionAffinity === 'ClientIP') args.push('-m', 'recent', '--name', sep, '--set');
    nat.push([...args, '-m', protocol, '-p', protocol, '-j', 'DNAT', '--to-destination', e.text].join(' '));
  }
}

/** The tail rule of KUBE-SERVICES that sends node-local destinations to KUBE-NODEPORTS (nodePortAddresses unset). */
export const NODEPORTS_TAIL_RULE =
  '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS';

/** The IPv6 proxier's tail rule: localhost NodePorts never work over IPv6, so ::1 is excluded (proxier.go syncProxyRules). */
export const NODEPORTS_TAIL_RULE_IPV6 =
  '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL ! -d ::1/128 -j KUBE-NODEPORTS';

function tailRule(family: IPFamily | undefined): string {
  return family === 'IPv6' ? NODEPORTS_TAIL_RULE_IPV6 : NODEPORTS_TAIL_RULE;
}

/** All lines kube-proxy writes for one Service (every port), on one node. */
export function kubeProxyServiceRules(cluster: Cluster, service: Service, options: KubeProxyRuleOptions = {}): KubeProxyServiceRules {
  const out: KubeProxyServiceRules = { natChains: [], natRules: [], filterRules: [] };
  if (service.type === 'ExternalName') {
    return { ...out, skipped: 'kube-proxy writes no rules for an ExternalName Service: DNS answers it with a CNAME.' };
  }
  if (!service.clusterIP || service.clusterIP === 'None') {
    return { ...out, skipped: 'kube-proxy writes no rules for a headless Service: DNS returns the pod IPs directly.' };
  }
  const family = options.family;
  const clusterIP = family ? ofFamily(serviceClusterIPs(service), family) : service.clusterIP;
  if (!clusterIP) {
    return { ...out, skipped: `kube-proxy's ${family} proxier writes no rules for ${service.namespace}/${service.name}: the Service has no ${family} ClusterIP (single-stack).` };
  }
  const sync: SyncSettings = {
    nodeName: options.node ? findNode(cluster, options.node).name : (cluster.nodes[0]?.name ?? ''),
    clusterCIDR: options.clusterCIDR ?? familyClusterCIDR(cluster, family),
    largeClusterMode: options.largeClusterMode ?? isLargeCluster(cluster),
    // The 127.0.0.0/8 accounting rule exists only for IPv4 (route_localnet has no IPv6 counterpart).
    localhostNodePortsNfacct: family === 'IPv6' ? false : (options.localhostNodePortsNfacct ?? true),
    clusterIP,
    ...(family ? { family } : {}),
  };
  for (const port of service.ports) servicePortRules(cluster, service, port, sync, out);
  return out;
}

/** iptables-restore text of the rules for one Service (`*filter` only when it has filter rules). */
export function formatServiceRules(rules: KubeProxyServiceRules, includeNodePortsTail: boolean, family?: IPFamily): string {
  let text = '';
  if (rules.filterRules.length > 0) text += ['*filter', ...rules.filterRules, 'COMMIT', ''].join('\n');
  const natRules = includeNodePortsTail ? [...rules.natRules, tailRule(family)] : rules.natRules;
  text += ['*nat', ...rules.natChains, ...natRules, 'COMMIT', ''].join('\n');
  return text;
}

/** The iptables-restore input kube-proxy writes for one Service, by `"ns/name"`. */
export function kubeProxyRules(cluster: Cluster, serviceRef: string, options: KubeProxyRuleOptions = {}): string {
  const service = findService(cluster, serviceRef);
  const rules = kubeProxyServiceRules(cluster, service, options);
  if (rules.skipped) return `# ${rules.skipped}\n`;
  return formatServiceRules(rules, service.ports.some((p) => p.nodePort !== undefined), options.family);
}

/**
 * The whole nat table kube-proxy writes for every Service (in the cluster's Service order;
 * kube-proxy iterates a Go map, so its own order between Services varies).
 */
export function kubeProxyNatTable(cluster: Cluster, options: KubeProxyRuleOptions = {}): string {
  const chains = [':KUBE-SERVICES - [0:0]', ':KUBE-NODEPORTS - [0:0]', ':KUBE-POSTROUTING - [0:0]', ':KUBE-MARK-MASQ - [0:0]'];
  const rules = [
    `-A KUBE-POSTROUTING -m mark ! --mark ${MASQUERADE_MARK}/${MASQUERADE_MARK} -j RETURN`,
    `-A KUBE-POSTROUTING -j MARK --xor-mark ${MASQUERADE_MARK}`,
    `-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE${options.randomFully === false ? '' : ' --random-fully'}`,
    `-A KUBE-MARK-MASQ -j MARK --or-mark ${MASQUERADE_MARK}`,
  ];
  // Counted once for the whole table, as syncProxyRules does.
  const tableOptions = { ...options, largeClusterMode: options.largeClusterMode ?? isLargeCluster(cluster) };
  for (const service of cluster.services) {
    const r = kubeProxyServiceRules(cluster, service, tableOptions);
    chains.push(...r.natChains);
    rules.push(...r.natRules);
  }
  rules.push(tailRule(options.family));
  return ['*nat', ...chains, ...rules, 'COMMIT', ''].join('\n');
}
