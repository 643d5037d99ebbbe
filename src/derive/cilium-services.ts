/**
 * What a Cilium agent with kube-proxy replacement implements for a cluster's Services, as
 * `cilium-dbg service list` prints it on one node, and which iptables chains stay on a node.
 *
 * Sources (cilium/cilium):
 * - cilium-dbg/cmd/service_list.go printServiceList: a tabwriter (minwidth 5, tabwidth 0,
 *   padding 3, pad ' ', no flags) with the header `Frontend\tService Type\tBackend\t`, one row per
 *   frontend sorted by the frontend's text, backends as `N => <address> (<state>)`, the first on
 *   the frontend's row and the others on their own rows with two empty cells before them.
 *   Releases before the load-balancer rewrite printed a numeric ID column first, as the example
 *   in Documentation/network/kubernetes/kubeproxy-free.rst still shows.
 * - pkg/loadbalancer L3n4Addr.String / StringWithProtocol: `<ip>:<port>/<protocol>`.
 * - kubeproxy-free.rst: a NodePort Service gets a ClusterIP frontend, a `0.0.0.0:<nodePort>`
 *   frontend and one per node address; a LoadBalancer Service adds its load-balancer IP.
 * - pkg/datapath/iptables/iptables.go ciliumChains: the chains the agent keeps installing.
 * - kubernetes pkg/kubelet/kubelet_network_linux.go: kubelet's KUBE-KUBELET-CANARY chains.
 */
import { apiServerEndpoints, kubernetesService } from '../model/defaults.ts';
import type { Cluster, Node, Service, ServicePort } from '../model/types.ts';
import { networkPlugin } from '../plugins/index.ts';
import { endpointSliceEndpoints } from './endpoints.ts';
import { isProxied, kubeProxyNatTable } from './kube-proxy-rules.ts';
import { findNode } from './lookup.ts';

/** One backend of a frontend, as the agent reports it. */
export interface CiliumBackend {
  /** `<ip>:<port>/<protocol>`. */
  address: string;
  /** `active`, or `terminating` for an endpoint that still serves while its pod shuts down. */
  state: 'active' | 'terminating';
}

/** One row group of `cilium-dbg service list`: a frontend and its backends. */
export interface CiliumFrontend {
  /** `<ip>:<port>/<protocol>`. */
  frontend: string;
  /** The Service Type column: `ClusterIP`, `NodePort` or `LoadBalancer`. */
  type: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
  /** The Service it comes from, `namespace/name` (not printed; for the page's words). */
  service: string;
  backends: CiliumBackend[];
}

const addressText = (ip: string, port: number, protocol: string): string => `${ip}:${port}/${protocol}`;

/**
 * The backends Cilium keeps for a Service port: ready endpoints as `active`, serving endpoints of
 * terminating pods as `terminating` (graceful termination); in `ip:port` order, which the page
 * calls illustrative (the agent lists them in its own table order).
 */
function backendsOf(cluster: Cluster, service: Service, port: ServicePort): CiliumBackend[] {
  return endpointSliceEndpoints(cluster, service, port)
    .filter((e) => e.conditions.ready || (e.conditions.serving && e.conditions.terminating))
    .map((e): CiliumBackend => ({ address: addressText(e.ip, e.port, port.protocol), state: e.conditions.ready ? 'active' : 'terminating' }))
    .sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}

/** The frontends of one Service port on `node`. */
function frontendsOf(cluster: Cluster, node: Node, service: Service, port: ServicePort, backends: CiliumBackend[]): CiliumFrontend[] {
  const ref = `${service.namespace}/${service.name}`;
  if (service.externalTrafficPolicy === 'Local' || service.internalTrafficPolicy === 'Local') {
    throw new Error(
      `Cluster "${cluster.name}": Service ${ref} uses a Local traffic policy; Cilium then splits its frontends by scope (/i), ` +
        'which the cilium-dbg service list derivation does not model.',
    );
  }
  const out: CiliumFrontend[] = [{ frontend: addressText(service.clusterIP!, port.port, port.protocol), type: 'ClusterIP', service: ref, backends }];
  if (port.nodePort !== undefined) {
    for (const ip of ['0.0.0.0', node.ip]) out.push({ frontend: addressText(ip, port.nodePort, port.protocol), type: 'NodePort', service: ref, backends });
  }
  if (service.type === 'LoadBalancer' && service.loadBalancerIP) {
    out.push({ frontend: addressText(service.loadBalancerIP, port.port, port.protocol), type: 'LoadBalancer', service: ref, backends });
  }
  return out;
}

/**
 * Every frontend the agent on `nodeName` implements, sorted as the command sorts them (by the
 * frontend text). `default/kubernetes` comes first in the cluster's own list: its backends are the
 * control-plane nodes' apiserver addresses.
 */
export function ciliumServiceList(cluster: Cluster, nodeName: string): CiliumFrontend[] {
  const node = findNode(cluster, nodeName);
  const api = kubernetesService(cluster.network.serviceCIDR);
  const apiPort = api.ports[0]!;
  const out: CiliumFrontend[] = [{
    frontend: addressText(api.clusterIP!, apiPort.port, apiPort.protocol), type: 'ClusterIP', service: `${api.namespace}/${api.name}`,
    backends: apiServerEndpoints(cluster.nodes).map((e) => ({ address: addressText(e.ip, e.port, apiPort.protocol), state: 'active' as const })),
  }];
  for (const service of cluster.services.filter(isProxied)) {
    for (const port of service.ports) out.push(...frontendsOf(cluster, node, service, port, backendsOf(cluster, service, port)));
  }
  // printServiceList: sort.Slice by the frontend text (<=); the texts are unique.
  return out.sort((a, b) => (a.frontend < b.frontend ? -1 : a.frontend > b.frontend ? 1 : 0));
}

/**
 * Go text/tabwriter with cells all terminated by a tab, as printServiceList uses it: every column
 * is as wide as its widest cell plus `padding`, at least `minwidth`, padded with spaces (also the
 * last column, since each line ends in a tab).
 */
export function tabwriterFormat(rows: readonly (readonly string[])[], minwidth = 5, padding = 3): string {
  const columns = Math.max(0, ...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, j) => Math.max(minwidth, ...rows.map((r) => (r[j] ?? '').length + padding)));
  return rows.map((r) => r.map((cell, j) => cell.padEnd(widths[j]!)).join('') + '\n').join('');
}

/** The output of `cilium-dbg service list` on `nodeName`. */
export function ciliumServiceListText(cluster: Cluster, nodeName: string): string {
  const rows: string[][] = [['Frontend', 'Service Type', 'Backend']];
  for (const fe of ciliumServiceList(cluster, nodeName)) {
    const backends = fe.backends.map((b, i) => `${i + 1} => ${b.address} (${b.state})`);
    rows.push([fe.frontend, fe.type, backends[0] ?? '']);
    for (const line of backends.slice(1)) rows.push(['', '', line]);
  }
  return tabwriterFormat(rows);
}

/** An iptables chain and who installs it. */
export interface IptablesChain {
  table: 'filter' | 'nat' | 'mangle' | 'raw';
  chain: string;
  /** The built-in chain that jumps to it, if any. */
  hook?: string;
  owner: 'cilium' | 'kubelet' | 'kube-proxy';
}

/** pkg/datapath/iptables ciliumChains: Cilium's own chains and the built-in hook feeding each. */
export const CILIUM_CHAINS: readonly IptablesChain[] = [
  { table: 'filter', chain: 'CILIUM_INPUT', hook: 'INPUT', owner: 'cilium' },
  { table: 'filter', chain: 'CILIUM_OUTPUT', hook: 'OUTPUT', owner: 'cilium' },
  { table: 'raw', chain: 'CILIUM_OUTPUT_raw', hook: 'OUTPUT', owner: 'cilium' },
  { table: 'nat', chain: 'CILIUM_POST_nat', hook: 'POSTROUTING', owner: 'cilium' },
  { table: 'nat', chain: 'CILIUM_OUTPUT_nat', hook: 'OUTPUT', owner: 'cilium' },
  { table: 'nat', chain: 'CILIUM_PRE_nat', hook: 'PREROUTING', owner: 'cilium' },
  { table: 'mangle', chain: 'CILIUM_POST_mangle', hook: 'POSTROUTING', owner: 'cilium' },
  { table: 'mangle', chain: 'CILIUM_PRE_mangle', hook: 'PREROUTING', owner: 'cilium' },
  { table: 'raw', chain: 'CILIUM_PRE_raw', hook: 'PREROUTING', owner: 'cilium' },
  { table: 'filter', chain: 'CILIUM_FORWARD', hook: 'FORWARD', owner: 'cilium' },
];

/** kubelet's canary chain, created in three tables to notice a flush of the rules (initNetworkUtil). */
const KUBELET_CHAINS: readonly IptablesChain[] = (['mangle', 'nat', 'filter'] as const).map((table) => ({ table, chain: 'KUBE-KUBELET-CANARY', owner: 'kubelet' }));

/** The kube-proxy chains of the cluster's nat table (from its derived `iptables-restore` input). */
function kubeProxyChains(cluster: Cluster): IptablesChain[] {
  return kubeProxyNatTable(cluster)
    .split('\n')
    .filter((line) => line.startsWith(':'))
    .map((line) => ({ table: 'nat' as const, chain: line.slice(1, line.indexOf(' ')), owner: 'kube-proxy' as const }));
}

/**
 * The chains on a node of a Cilium cluster: Cilium's own and kubelet's always; kube-proxy's nat
 * chains only when kube-proxy still runs (no kube-proxy replacement). Throws for another plugin.
 */
export function ciliumNodeChains(cluster: Cluster): IptablesChain[] {
  if (cluster.plugin.name !== 'cilium') throw new Error(`Cluster "${cluster.name}" does not use the cilium plugin.`);
  const replaced = networkPlugin(cluster.plugin).serviceTranslation?.replacesKubeProxy === true;
  return [...CILIUM_CHAINS, ...KUBELET_CHAINS, ...(replaced ? [] : kubeProxyChains(cluster))];
}

/** How many `-A` rules kube-proxy (iptables mode) would write in the nat table for this cluster: what the replacement removes. */
export function kubeProxyNatRuleCount(cluster: Cluster): number {
  return kubeProxyNatTable(cluster).split('\n').filter((line) => line.startsWith('-A ')).length;
}
