/**
 * The reference `bridge` CNI plugin on its own: pods on one node share the cni0 bridge, and
 * nothing carries their traffic to another node (containernetworking/plugins plugins/main/bridge).
 */
import { bridgeAddress, bridgeAttachment, bridgeOf, bridgePodRoutes, bridgeRoutes, bridgeRoutes6, hostLocalAddressProblem } from './cni-bridge.ts';
import { FLANNEL_CLUSTER_CIDR } from './flannel.ts';
import type { NetworkPlugin, PluginModule } from './plugin.ts';

/** The reference `bridge` CNI plugin with host-local IPAM: enough for a single node. */
export interface BridgePlugin {
  /** Plugin name. */
  name: 'bridge';
}

/** The MTU the kernel gives a new veth device (ETH_DATA_LEN). */
const KERNEL_VETH_MTU = 1500;

const bridgePlugin: NetworkPlugin = {
  summary: 'the bridge CNI plugin',
  clusterCIDRNote: '',
  podAddressProblem: hostLocalAddressProblem,
  checkNodes: (nodes) =>
    nodes.length > 1
      ? [{
          path: 'nodes',
          severity: 'warning',
          message: `the bridge plugin connects pods on one node only, but ${nodes.length} nodes are declared`,
          hint: "use a single node, or a plugin that routes between nodes ({ name: 'flannel', backend: 'vxlan' })",
        }]
      : [],
  devices: (node) => ({ bridge: bridgeOf(node), hostVeth: 'veth' }),
  attachment: bridgeAttachment,
  localSourceAddress: bridgeAddress,
  // Configured as the default gateway (`isDefaultGateway: true`), as flannel configures it.
  podRoutes: (pod, node) => bridgePodRoutes(pod, node),
  routes: (node) => bridgeRoutes(node),
  routes6: (node) => bridgeRoutes6(node),
  // The bridge plugin sets the veth MTU only when its `mtu` option is set; otherwise the kernel's
  // default for a new veth, 1500 (ETH_DATA_LEN), whatever the node's interface has.
  podMTU: (interfaceMTU) => ({
    mtu: KERNEL_VETH_MTU,
    overhead: interfaceMTU - KERNEL_VETH_MTU,
    reason: 'the kernel default for a veth; the bridge plugin sets none unless configured',
  }),
};

/** The bridge module. */
export const bridge: PluginModule<BridgePlugin> = {
  name: 'bridge',
  // host-local takes any range; the usual kubeadm/flannel pod network lets an example switch plugins.
  defaultClusterCIDR: FLANNEL_CLUSTER_CIDR,
  create: () => bridgePlugin,
};
