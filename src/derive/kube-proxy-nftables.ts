/**
 * kube-proxy's nftables-mode table (`--proxy-mode=nftables`, GA since v1.33) for one node, as
 * the list of `nft` commands that recreate it: the form kube-proxy's own unit tests compare
 * (`knftables.Fake.Dump()`, one `add table|chain|rule|set|map|element` line per object).
 *
 * Upstream: kubernetes pkg/proxy/nftables/proxier.go (setupNFTables, syncProxyRules,
 * writeServiceToEndpointRules, servicePortChainNameBase, servicePortEndpointChainNameBase,
 * hashAndTruncate); expectations in pkg/proxy/nftables/proxier_test.go (baseRules,
 * TestOverallNFTablesRules) at kubernetes/kubernetes 81810de635aa13aa0a32992f6def3aa9d6025ebc.
 * Not modelled: loadBalancerSourceRanges (firewall-* chains), masqueradeAll,
 * IPv6, partial syncs; `--nodeport-addresses` is the nftables default "primary" (the node IP).
 */
import { ofFamily, serviceClusterIPs } from '../model/ip-families.ts';
import type { Cluster, IPFamily, Service, ServicePort } from '../model/types.ts';
import { sha256, toBase32 } from '../net/hash.ts';
import { findNode, findService } from './lookup.ts';
import { isProxied, servicePortName } from './kube-proxy-rules.ts';
import { familyClusterCIDR, servicePortOnNode } from './kube-proxy-service-port.ts';
import type { ProxyEndpoint } from './kube-proxy-topology.ts';

const TABLE = 'ip kube-proxy';
/** knftables.NameLengthMax (256) - chainNamePrefixLengthMax (16). */
const CHAIN_NAME_BASE_LENGTH_MAX = 240;
const MASQUERADE_MARK = '0x4000';

/** proxier.go hashAndTruncate: base32(sha256(name))[:8] + "-" + name, cut to 240 characters. */
export function hashAndTruncate(name: string): string {
  const full = `${toBase32(sha256(name)).slice(0, 8)}-${name}`;
  return full.length > CHAIN_NAME_BASE_LENGTH_MAX ? `${full.slice(0, CHAIN_NAME_BASE_LENGTH_MAX - 3)}...` : full;
}

/** proxier.go servicePortChainNameBase: `HASH-namespace/name/protocol/portName`. */
export function servicePortChainNameBase(service: Pick<Service, 'namespace' | 'name'>, portName: string, protocol: string): string {
  return hashAndTruncate(`${service.namespace}/${service.name}/${protocol}/${portName}`);
}

/** proxier.go servicePortEndpointChainNameBase: `HASH-namespace/name/protocol/portName__ip/port` (IPv6 colons become dots). */
export function endpointChainNameBase(service: Pick<Service, 'namespace' | 'name'>, portName: string, protocol: string, ip: string, port: number): string {
  return hashAndTruncate(`${service.namespace}/${service.name}/${protocol}/${portName}__${ip.replaceAll(':', '.')}/${port}`);
}

/** Options of the nftables derivation. */
export interface NftablesOptions {
  /** The node whose kube-proxy writes the table; defaults to the first node. */
  node?: string;
  /** Pod CIDR of the local-traffic detector; defaults to the cluster CIDR. Empty string: no detector. */
  clusterCIDR?: string;
  /**
   * Dual-stack: the proxier of this family. kube-proxy's IPv6 proxier writes the same objects into
   * `ip6 kube-proxy`, matching `ip6 daddr` / `ip6 saddr`, with `ipv6_addr` affinity sets, and sees only
   * the Service's IPv6 ClusterIP and IPv6 endpoints (pkg/proxy/nftables/proxier.go: ipX, ipvX_addr).
   */
  family?: IPFamily;
}

/** The per-family words of the table (proxier.go NewProxier: ipX, ipvX_addr, nftablesFamily). */
interface NftFamily { table: string; ip: 'ip' | 'ip6'; addrType: 'ipv4_addr' | 'ipv6_addr' }
const NFT_FAMILIES: Record<IPFamily, NftFamily> = {
  IPv4: { table: 'ip kube-proxy', ip: 'ip', addrType: 'ipv4_addr' },
  IPv6: { table: 'ip6 kube-proxy', ip: 'ip6', addrType: 'ipv6_addr' },
};

/** The objects one Service contributes, in the order the page shows them. */
export interface NftablesServiceObjects {
  /** `add set` lines (session-affinity sets). */
  sets: string[];
  /** `add chain` lines, each followed by its `add rule` lines. */
  chains: string[];
  /** `add element` lines. */
  elements: string[];
  /** Why a Service has no objects (headless / ExternalName). */
  skipped?: string;
}

const chainLine = (name: string) => `add chain ${TABLE} ${name}`;
const ruleLine = (chain: string, rule: string) => `add rule ${TABLE} ${chain} ${rule}`;

/** The fixed part setupNFTables writes (proxier_test.go baseRules for an IPv4 node). */
export function nftablesBaseRules(serviceCIDR: string, nodeIP: string): string[] {
  return [
    `add table ${TABLE} { comment "rules for kube-proxy" ; }`,
    `add set ${TABLE} cluster-ips { type ipv4_addr ; comment "Active ClusterIPs" ; }`,
    `add set ${TABLE} nodeport-ips { type ipv4_addr ; comment "IPs that accept NodePort traffic" ; }`,
    `add map ${TABLE} firewall-ips { type ipv4_addr . inet_proto . inet_service : verdict ; comment "destinations that are subject to LoadBalancerSourceRanges" ; }`,
    `add map ${TABLE} no-endpoint-nodeports { type inet_proto . inet_service : verdict ; comment "vmap to drop or reject packets to service nodeports with no endpoints" ; }`,
    `add map ${TABLE} no-endpoint-services { type ipv4_addr . inet_proto . inet_service : verdict ; comment "vmap to drop or reject packets to services with no endpoints" ; }`,
    `add map ${TABLE} service-ips { type ipv4_addr . inet_proto . inet_service : verdict ; comment "ClusterIP, ExternalIP and LoadBalancer IP traffic" ; }`,
    `add map ${TABLE} service-nodeports { type inet_proto . inet_service : verdict ; comment "NodePort traffic" ; }`,
    chainLine('cluster-ips-check'),
    `add chain ${TABLE} filter-prerouting-pre-dnat { type filter hook prerouting priority -110 ; }`,
    `add chain ${TABLE} filter-output-pre-dnat { type filter hook output priority -110 ; }`,
    `add chain ${TABLE} filter-forward { type filter hook forward priority 0 ; }`,
    `add chain ${TABLE} filter-input { type filter hook input priority 0 ; }`,
    `add chain ${TABLE} filter-output { type filter hook output priority 0 ; }`,
    chainLine('firewall-check'),
    chainLine('mark-for-masquerade'),
    chainLine('masquerading'),
    `add chain ${TABLE} nat-output { type nat hook output priority -100 ; }`,
    `add chain ${TABLE} nat-postrouting { type nat hook postrouting priority 100 ; }`,
    `add chain ${TABLE} nat-prerouting { type nat hook prerouting priority -100 ; }`,
    chainLine('nodeport-endpoints-check'),
    `add chain ${TABLE} reject-chain { comment "helper for @no-endpoint-services / @no-endpoint-nodeports" ; }`,
    chainLine('services'),
    chainLine('service-endpoints-check'),
    ruleLine('cluster-ips-check', 'ip daddr @cluster-ips reject comment "Reject traffic to invalid ports of ClusterIPs"'),
    ruleLine('cluster-ips-check', `ip daddr { ${serviceCIDR} } drop comment "Drop traffic to unallocated ClusterIPs"`),
    ruleLine('filter-prerouting-pre-dnat', 'ct state new jump firewall-check'),
    ruleLine('filter-forward', 'ct state new jump service-endpoints-check'),
    ruleLine('filter-forward', 'ct state new jump cluster-ips-check'),
    ruleLine('filter-input', 'ct state new jump nodeport-endpoints-check'),
    ruleLine('filter-input', 'ct state new jump service-endpoints-check'),
    ruleLine('filter-output', 'ct state new jump service-endpoints-check'),
    ruleLine('filter-output-pre-dnat', 'ct state new jump firewall-check'),
    ruleLine('filter-output', 'ct state new jump cluster-ips-check'),
    ruleLine('firewall-check', 'ip daddr . meta l4proto . th dport vmap @firewall-ips'),
    ruleLine('mark-for-masquerade', `mark set mark or ${MASQUERADE_MARK}`),
    ruleLine('masquerading', `mark and ${MASQUERADE_MARK} == 0 return`),
    ruleLine('masquerading', `mark set mark xor ${MASQUERADE_MARK}`),
    ruleLine('masquerading', 'masquerade fully-random'),
    ruleLine('nat-output', 'jump services'),
    ruleLine('nat-postrouting', 'jump masquerading'),
    ruleLine('nat-prerouting', 'jump services'),
    ruleLine('nodeport-endpoints-check', 'ip daddr @nodeport-ips meta l4proto . th dport vmap @no-endpoint-nodeports'),
    ruleLine('reject-chain', 'reject'),
    ruleLine('services', 'ip daddr . meta l4proto . th dport vmap @service-ips'),
    ruleLine('services', 'ip daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports'),
    `add element ${TABLE} nodeport-ips { ${nodeIP} }`,
    ruleLine('service-endpoints-check', 'ip daddr . meta l4proto . th dport vmap @no-endpoint-services'),
  ];
}

/** syncProxyRules for one Service port. */
function servicePortObjects(cluster: Cluster, service: Service, port: ServicePort, nodeName: string, clusterCIDR: string, out: NftablesServiceObjects, family?: IPFamily): void {
  const fam = NFT_FAMILIES[family ?? 'IPv4'];
  const TABLE = fam.table;
  const ipX = fam.ip;
  const chainLine = (name: string) => `add chain ${TABLE} ${name}`;
  const ruleLine = (chain: string, rule: string) => `add rule ${TABLE} ${chain} ${rule}`;
  const elementLine = (container: string, key: string[], value: string, comment?: string) =>
    `add element ${TABLE} ${container} { ${key.join(' . ')}${comment !== undefined ? ` comment "${comment}"` : ''} : ${value} }`;
  const clusterIP = family ? ofFamily(serviceClusterIPs(service), family)! : service.clusterIP!;
  const protocol = port.protocol.toLowerCase();
  const spn = servicePortName(service, port);
  const base = servicePortChainNameBase(service, port.name, protocol);
  const chains = { cluster: `service-${base}`, local: `local-${base}`, external: `external-${base}` };
  const { loadBalancerVIP, externalIPs, policy, clusterEndpoints, localEndpoints, allReachableEndpoints, hasAnyEndpoints: hasEndpoints } =
    servicePortOnNode(cluster, service, port, nodeName, family);
  const { internalPolicyLocal: internalLocal, externalPolicyLocal: externalLocal, externallyAccessible } = policy;
  const epBase = (e: ProxyEndpoint) => endpointChainNameBase(service, port.name, protocol, e.ip, e.port);
  const internalChain = internalLocal ? chains.local : chains.cluster;
  const hasInternal = hasEndpoints && (!internalLocal || localEndpoints.length > 0);
  const externalPolicyChain = externalLocal ? chains.local : chains.cluster;
  const hasExternal = hasEndpoints && (!externalLocal || localEndpoints.length > 0);
  const usesExternalChain = hasEndpoints && externallyAccessible;
  const affinity = service.sessionAffinity === 'ClientIP';
  const verdict = (internal: boolean) => (!hasEndpoints ? 'goto reject-chain' : (internal ? hasInternal : hasExternal) ? '' : 'drop');

  // Elements (proxier.go "Capture the clusterIP / externalIPs / load-balancer ingress / nodeports").
  const key = (ip: string) => [ip, protocol, String(port.port)];
  const elements: string[] = [`add element ${TABLE} cluster-ips { ${clusterIP} }`];
  if (hasInternal) elements.push(elementLine('service-ips', key(clusterIP), `goto ${internalChain}`));
  else elements.push(elementLine('no-endpoint-services', key(clusterIP), verdict(true), spn));
  // "Capture externalIPs": the external chain, or a drop/reject verdict without usable endpoints.
  for (const externalIP of externalIPs) {
    if (hasEndpoints) elements.push(elementLine('service-ips', key(externalIP), `goto ${chains.external}`));
    if (!hasExternal) elements.push(elementLine('no-endpoint-services', key(externalIP), verdict(false), spn));
  }
  if (loadBalancerVIP !== undefined) {
    if (hasEndpoints) elements.push(elementLine('service-ips', key(loadBalancerVIP), `goto ${chains.external}`));
    if (!hasExternal) elements.push(elementLine('no-endpoint-services', key(loadBalancerVIP), verdict(false), spn));
  }
  if (port.nodePort !== undefined) {
    const npKey = [protocol, String(port.nodePort)];
    if (hasEndpoints) elements.push(elementLine('service-nodeports', npKey, `goto ${chains.external}`));
    if (!hasExternal) elements.push(elementLine('no-endpoint-nodeports', npKey, verdict(false), spn));
  }

  // Chains and rules, grouped by chain.
  const chainRules = new Map<string, string[]>();
  const rule = (chain: string, text: string) => {
    if (!chainRules.has(chain)) chainRules.set(chain, []);
    chainRules.get(chain)!.push(text);
  };
  if (clusterEndpoints.length > 0) chainRules.set(chains.cluster, []);
  if (localEndpoints.length > 0) chainRules.set(chains.local, []);
  if (usesExternalChain) chainRules.set(chains.external, []);
  if (hasInternal && clusterCIDR !== '') {
    rule(internalChain, `${ipX} daddr ${clusterIP} ${ipX} saddr != ${clusterCIDR} jump mark-for-masquerade`);
  }
  if (usesExternalChain) {
    if (!externalLocal) rule(chains.external, 'jump mark-for-masquerade');
    else {
      if (clusterCIDR !== '') rule(chains.external, `${ipX} saddr ${clusterCIDR} goto ${chains.cluster} comment "short-circuit pod traffic"`);
      rule(chains.external, 'fib saddr type local jump mark-for-masquerade comment "masquerade local traffic"');
      rule(chains.external, `fib saddr type local goto ${chains.cluster} comment "short-circuit local traffic"`);
    }
    if (hasExternal) rule(chains.external, `goto ${externalPolicyChain}`);
  }
  if (affinity) {
    const timeout = service.sessionAffinityTimeoutSeconds ?? 10800;
    for (const e of allReachableEndpoints) {
      out.sets.push(`add set ${TABLE} affinity-${epBase(e)} { type ${fam.addrType} ; flags dynamic,timeout ; timeout ${timeout}s ; }`);
    }
  }
  const toEndpoints = (chain: string, eps: ProxyEndpoint[]) => {
    if (affinity) for (const e of eps) rule(chain, `${ipX} saddr @affinity-${epBase(e)} goto endpoint-${epBase(e)}`);
    const vmap = eps.map((e, i) => `${i} : goto endpoint-${epBase(e)}`).join(' , ');
    rule(chain, `numgen random mod ${eps.length} vmap { ${vmap} }`);
  };
  if (clusterEndpoints.length > 0) toEndpoints(chains.cluster, clusterEndpoints);
  if (localEndpoints.length > 0) toEndpoints(chains.local, localEndpoints);
  // Endpoint chains, by name (the order knftables' Fake lists them in).
  const endpointChains = allReachableEndpoints.map((e) => ({ e, name: `endpoint-${epBase(e)}` })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const { e, name } of endpointChains) {
    rule(name, `${ipX} saddr ${e.ip} jump mark-for-masquerade`);
    if (affinity) rule(name, `update @affinity-${epBase(e)} { ${ipX} saddr }`);
    rule(name, `meta l4proto ${protocol} dnat to ${e.text}`);
  }
  for (const [chain, rules] of chainRules) out.chains.push(chainLine(chain), ...rules.map((r) => ruleLine(chain, r)));
  out.elements.push(...elements);
}

/** Everything kube-proxy writes into `ip kube-proxy` for one Service, on one node. */
export function nftablesServiceObjects(cluster: Cluster, service: Service, options: NftablesOptions = {}): NftablesServiceObjects {
  const out: NftablesServiceObjects = { sets: [], chains: [], elements: [] };
  if (!isProxied(service)) {
    return { ...out, skipped: service.type === 'ExternalName' ? 'kube-proxy writes nothing for an ExternalName Service: DNS answers it with a CNAME.' : 'kube-proxy writes nothing for a headless Service: DNS returns the pod IPs directly.' };
  }
  const nodeName = options.node ? findNode(cluster, options.node).name : (cluster.nodes[0]?.name ?? '');
  const family = options.family;
  if (family && !ofFamily(serviceClusterIPs(service), family)) {
    return { ...out, skipped: `kube-proxy's ${family} proxier writes nothing for ${service.namespace}/${service.name}: the Service has no ${family} ClusterIP (single-stack).` };
  }
  const clusterCIDR = options.clusterCIDR ?? familyClusterCIDR(cluster, family);
  for (const port of service.ports) servicePortObjects(cluster, service, port, nodeName, clusterCIDR, out, family);
  // ensureElem: a Service with several ports adds its ClusterIP to cluster-ips once.
  out.elements = [...new Set(out.elements)];
  return out;
}

function serviceBlock(service: Service, objects: NftablesServiceObjects): string[] {
  return [`# ${service.namespace}/${service.name}`, ...objects.sets, ...objects.chains, ...objects.elements];
}

/** The `nft` lines for one Service (its sets, chains, rules and elements), by `"ns/name"`. */
export function kubeProxyNftablesRules(cluster: Cluster, serviceRef: string, options: NftablesOptions = {}): string {
  const service = findService(cluster, serviceRef);
  const objects = nftablesServiceObjects(cluster, service, options);
  if (objects.skipped) return `# ${objects.skipped}\n`;
  return `${serviceBlock(service, objects).join('\n')}\n`;
}

/** The whole `ip kube-proxy` table of one node: the base rules, then every Service's objects. */
export function kubeProxyNftablesTable(cluster: Cluster, options: NftablesOptions = {}): string {
  const node = options.node ? findNode(cluster, options.node) : cluster.nodes[0];
  const lines = nftablesBaseRules(cluster.network.serviceCIDR, node?.ip ?? '');
  for (const service of cluster.services) {
    const objects = nftablesServiceObjects(cluster, service, options);
    if (!objects.skipped) lines.push('', ...serviceBlock(service, objects));
  }
  return `${lines.join('\n')}\n`;
}
