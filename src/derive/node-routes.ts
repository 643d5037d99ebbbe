/**
 * A node's main routing table as `ip route` prints it (iproute2 ip/iproute.c print_route;
 * order: the kernel's FIB trie walk, net/ipv4/fib_trie.c, i.e. by address, longer prefix first).
 * Routes the plugins install:
 * - flannel vxlan: `<podCIDR> via <podCIDR network address> dev flannel.1 onlink` per remote node
 *   (flannel pkg/backend/vxlan/vxlan_network.go); host-gw: `<podCIDR> via <node IP> dev <iface>`
 *   (pkg/backend/hostgw); the local podCIDR on the cni0 bridge (CNI bridge plugin, gateway .1).
 * - calico (BIRD, calico_node bird templates): `blackhole <local block> proto bird`, per-pod
 *   `<pod IP> dev cali<hash> scope link` (libcalico-go VethNameForWorkload), remote blocks
 *   `via <node IP> dev tunl0 proto bird onlink` (IPIP) or `via <node IP> dev <iface> proto bird` (BGP);
 *   VXLAN routes are programmed by felix (`proto 80`, via the remote block's tunnel address on vxlan.calico).
 */
import { Address4 } from 'ip-address';
import type { Cluster, Node, Pod } from '../model/types';
import { findNode } from './lookup';
import { sha1, toHex } from './hash';

/** One route of the main table. */
export interface Route {
  /** Destination: `default`, a CIDR, or an address for /32. */
  dst: string;
  /** Route type when not unicast (e.g. `blackhole`). */
  type?: 'blackhole';
  /** Gateway. */
  via?: string;
  /** Output device. */
  dev?: string;
  /** Routing protocol that installed it (`kernel`, `bird`, `80`). */
  proto?: string;
  /** Scope (`link`). */
  scope?: string;
  /** Preferred source address. */
  src?: string;
  /** The gateway is on-link even though no connected route covers it. */
  onlink?: boolean;
}

/** Options of `nodeRoutes`. */
export interface NodeRouteOptions {
  /** The node's primary interface; `eth0` by default. */
  interfaceName?: string;
  /** The default gateway; the first address of the node network by default. */
  gateway?: string;
}

/** libcalico-go VethNameForWorkload: `cali` + first 11 hex digits of sha1("<namespace>.<pod>"). */
export function calicoInterfaceName(namespace: string, podName: string): string {
  return `cali${toHex(sha1(`${namespace}.${podName}`)).slice(0, 11)}`;
}

/** iproute2 print_route field order: [type] dst [via] dev [proto] [scope] [src] [onlink]. */
export function formatRoute(r: Route): string {
  const parts: string[] = [];
  if (r.type) parts.push(r.type);
  parts.push(r.dst);
  if (r.via) parts.push('via', r.via);
  if (r.dev) parts.push('dev', r.dev);
  if (r.proto) parts.push('proto', r.proto);
  if (r.scope) parts.push('scope', r.scope);
  if (r.src) parts.push('src', r.src);
  if (r.onlink) parts.push('onlink');
  return parts.join(' ');
}

function dstOf(cidr: string): string {
  const a = new Address4(cidr);
  return a.subnetMask === 32 ? a.addressMinusSuffix : `${a.startAddress().correctForm()}/${a.subnetMask}`;
}

/** The /26 Calico IPAM blocks a node holds: its podCIDR when it is /26 or longer, else the /26s of its pods. */
export function calicoBlocks(node: Node): string[] {
  const cidr = new Address4(node.podCIDR);
  if (cidr.subnetMask >= 26) return [dstOf(node.podCIDR)];
  const blocks = new Set<string>();
  for (const pod of workloadPods(node)) blocks.add(dstOf(`${pod.ip}/26`));
  if (blocks.size === 0) blocks.add(dstOf(`${cidr.startAddress().correctForm()}/26`));
  return [...blocks];
}

function workloadPods(node: Node): Pod[] {
  return node.pods.filter((p) => !p.hostNetwork);
}

function firstAddress(cidr: string): string {
  return new Address4(cidr).startAddress().offset(1).correctForm();
}

function sortKey(r: Route): [bigint, number] {
  if (r.dst === 'default') return [-1n, 0];
  const a = new Address4(r.dst.includes('/') ? r.dst : `${r.dst}/32`);
  return [a.startAddress().bigInt(), a.subnetMask];
}

/** fib_trie order: ascending network address; for the same address, the longer prefix first. */
export function sortRoutes(routes: Route[]): Route[] {
  return [...routes].sort((x, y) => {
    const [ax, px] = sortKey(x);
    const [ay, py] = sortKey(y);
    if (ax !== ay) return ax < ay ? -1 : 1;
    return py - px;
  });
}

/** The routes of a node's main table. */
export function nodeRoutes(cluster: Cluster, nodeName: string, options: NodeRouteOptions = {}): Route[] {
  const node = findNode(cluster, nodeName);
  const iface = options.interfaceName ?? 'eth0';
  const gateway = options.gateway ?? firstAddress(cluster.network.nodeCIDR);
  const routes: Route[] = [
    { dst: 'default', via: gateway, dev: iface },
    { dst: dstOf(cluster.network.nodeCIDR), dev: iface, proto: 'kernel', scope: 'link', src: node.ip },
  ];
  const others = cluster.nodes.filter((n) => n.name !== node.name);
  const plugin = cluster.plugin;
  if (plugin.name === 'flannel' || plugin.name === 'bridge') {
    // cni0 exists once the bridge plugin set up the first pod on this node.
    if (workloadPods(node).length > 0) {
      routes.push({ dst: dstOf(node.podCIDR), dev: 'cni0', proto: 'kernel', scope: 'link', src: firstAddress(node.podCIDR) });
    }
    if (plugin.name === 'flannel') {
      for (const other of others) {
        routes.push(plugin.backend === 'vxlan'
          ? { dst: dstOf(other.podCIDR), via: new Address4(other.podCIDR).startAddress().correctForm(), dev: 'flannel.1', onlink: true }
          : { dst: dstOf(other.podCIDR), via: other.ip, dev: iface });
      }
    }
  } else {
    const proto = plugin.mode === 'vxlan' ? '80' : 'bird';
    for (const block of calicoBlocks(node)) routes.push({ type: 'blackhole', dst: block, proto });
    for (const pod of workloadPods(node)) {
      routes.push({ dst: pod.ip, dev: calicoInterfaceName(pod.namespace, pod.name), scope: 'link' });
    }
    for (const other of others) {
      for (const block of calicoBlocks(other)) {
        if (plugin.mode === 'ipip') routes.push({ dst: block, via: other.ip, dev: 'tunl0', proto: 'bird', onlink: true });
        else if (plugin.mode === 'bgp') routes.push({ dst: block, via: other.ip, dev: iface, proto: 'bird' });
        else routes.push({ dst: block, via: new Address4(block).startAddress().correctForm(), dev: 'vxlan.calico', proto: '80', onlink: true });
      }
    }
  }
  return sortRoutes(routes);
}

/** `ip route` output of a node (one route per line, trailing newline). */
export function ipRoute(cluster: Cluster, nodeName: string, options: NodeRouteOptions = {}): string {
  return nodeRoutes(cluster, nodeName, options).map(formatRoute).join('\n') + '\n';
}
