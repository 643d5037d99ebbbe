/**
 * What a network plugin creates on a node and how it carries pod traffic between nodes.
 * Knowledge of the plugins lives here so the views and descriptions agree.
 */
import { nthAddress } from '../model/cidr';
import type { Node, PluginSpec } from '../model/types';

/** The devices a plugin puts on one node, in the order a packet leaving a pod meets them. */
export interface NodeDevices {
  /** The bridge pods' veths attach to (`cni0`), or undefined when the plugin routes per pod (Calico). */
  bridge?: { name: string; address: string };
  /** How a pod's veth appears on the host side. */
  hostVeth: string;
  /** The tunnel device carrying traffic to other nodes, if any. */
  tunnel?: { name: string; detail: string };
}

/** How traffic and routes cross between nodes. */
export interface InterNodeLink {
  /** Short label for the path between nodes, e.g. `VXLAN tunnel, UDP 8472`. */
  label: string;
  /** What the other nodes learn about `node`: the label of its edge to the node network. */
  edgeLabel: (node: Node) => string;
  /** One sentence for descriptions. */
  sentence: string;
}

/** Plugin name and mode in a few words, e.g. `flannel (vxlan backend)`. */
export function pluginSummary(plugin: PluginSpec): string {
  switch (plugin.name) {
    case 'flannel':
      return `flannel (${plugin.backend} backend)`;
    case 'calico':
      return `Calico (${plugin.mode === 'bgp' ? 'plain BGP routing' : plugin.mode === 'ipip' ? 'IP-in-IP' : 'VXLAN'} mode)`;
    case 'bridge':
      return 'the bridge CNI plugin';
  }
}

/** Devices the plugin creates on `node`. */
export function nodeDevices(plugin: PluginSpec, node: Node): NodeDevices {
  // bridge and flannel: the bridge plugin's default bridge is cni0, gateway = first pod address.
  const bridge = { name: 'cni0', address: `${nthAddress(node.podCIDR, 1) ?? '?'}/${node.podCIDR.split('/')[1] ?? '?'}` };
  switch (plugin.name) {
    case 'bridge':
      return { bridge, hostVeth: 'veth' };
    case 'flannel':
      return plugin.backend === 'vxlan'
        ? // flannel pkg/backend/vxlan: flannel.1 (VNI 1) holds the subnet's network address as /32.
          { bridge, hostVeth: 'veth', tunnel: { name: 'flannel.1', detail: `${nthAddress(node.podCIDR, 0) ?? '?'}/32, VNI 1` } }
        : { bridge, hostVeth: 'veth' };
    case 'calico':
      // Calico: no bridge; each pod's host-side veth is cali<hash>, routed with proxy ARP.
      if (plugin.mode === 'ipip') return { hostVeth: 'cali*', tunnel: { name: 'tunl0', detail: 'IP-in-IP' } };
      if (plugin.mode === 'vxlan') return { hostVeth: 'cali*', tunnel: { name: 'vxlan.calico', detail: 'VXLAN VNI 4096' } };
      return { hostVeth: 'cali*' };
  }
}

/** How the plugin links nodes; undefined for the single-node bridge plugin. */
export function interNodeLink(plugin: PluginSpec): InterNodeLink | undefined {
  switch (plugin.name) {
    case 'bridge':
      return undefined;
    case 'flannel':
      return plugin.backend === 'vxlan'
        ? // Linux's VXLAN default port, which flannel keeps (not IANA's 4789).
          { label: 'VXLAN tunnel, UDP 8472', edgeLabel: (n) => `VXLAN UDP 8472 to ${n.podCIDR}`, sentence: 'Pod traffic between nodes is wrapped in VXLAN (UDP port 8472) by the flannel.1 device and sent to the other node’s eth0.' }
        : { label: 'direct route via node IP', edgeLabel: (n) => `route ${n.podCIDR} via ${n.ip}`, sentence: 'Each node has a direct route to every other node’s pod CIDR via that node’s eth0 IP, so packets cross unencapsulated (host-gw needs all nodes on one L2 segment).' };
    case 'calico':
      if (plugin.mode === 'ipip') return { label: 'IP-in-IP tunnel, protocol 4', edgeLabel: (n) => `BGP + IP-in-IP to ${n.podCIDR}`, sentence: 'Calico peers every node over BGP (TCP 179) to share routes, and wraps pod traffic between nodes in IP-in-IP (IP protocol 4) through tunl0.' };
      if (plugin.mode === 'vxlan') return { label: 'VXLAN tunnel, UDP 4789', edgeLabel: (n) => `VXLAN UDP 4789 to ${n.podCIDR}`, sentence: 'Calico wraps pod traffic between nodes in VXLAN (UDP port 4789) through vxlan.calico; routes are shared without BGP.' };
      return { label: 'BGP peering, TCP 179', edgeLabel: (n) => `BGP TCP 179 announces ${n.podCIDR}`, sentence: 'Calico’s BGP agent (BIRD) on each node announces its pod block to every other node over BGP (TCP 179), so pod traffic is routed unencapsulated via node IPs.' };
  }
}
