/**
 * The reference `bridge` CNI plugin with host-local IPAM, as pods get it both from the bridge
 * plugin itself and from flannel, whose CNI plugin delegates to it (flannel-io/cni-plugin:
 * delegate type `bridge`, `isGateway: true`, IPAM `host-local` over the node's lease).
 * containernetworking/plugins: plugins/main/bridge (default bridge `cni0`, the gateway takes the
 * first address of the range) and plugins/ipam/host-local (never the network or broadcast address).
 */
import { addressAt, broadcastAddress, networkAddress, nthAddress, prefixLength } from '../net/cidr.ts';
import { routeDestination, type Route } from '../net/route.ts';
import { KERNEL_METRIC, type Route6 } from '../net/route6.ts';
import type { NodeDevices, PluginNode, PluginPod, PodAttachment, Problem } from './plugin.ts';

/** The interface the CNI plugins create inside the pod (CNI_IFNAME, `eth0` from the runtime). */
export const POD_INTERFACE = 'eth0';

/** The bridge plugin's default bridge name. */
export const BRIDGE_NAME = 'cni0';

/** The bridge on `node`: `cni0` holding the first address of the node's podCIDR. */
export function bridgeOf(node: PluginNode): NonNullable<NodeDevices['bridge']> {
  return { name: BRIDGE_NAME, address: `${addressAt(node.podCIDR, 1)}/${prefixLength(node.podCIDR)}` };
}

/** Every pod's veth is enslaved to the bridge. */
export function bridgeAttachment(): PodAttachment {
  return { hostDevice: BRIDGE_NAME, wiring: 'bridge' };
}

/** A packet routed to a local pod leaves through the bridge, so it takes the bridge's address. */
export function bridgeAddress(node: PluginNode): string {
  return addressAt(node.podCIDR, 1);
}

/** The connected route of the bridge; cni0 exists once the plugin set up the first pod on the node. */
export function bridgeRoutes(node: PluginNode): Route[] {
  if (!node.pods.some((p) => !p.hostNetwork)) return [];
  return [{ dst: routeDestination(node.podCIDR), dev: BRIDGE_NAME, proto: 'kernel', scope: 'link', src: addressAt(node.podCIDR, 1) }];
}

/**
 * The IPv6 routes of the bridge on a dual-stack node (`node` seen through its IPv6 family): cni0
 * holds the first address of the IPv6 range, so the kernel adds its connected route, and, like
 * every Ethernet device, cni0 has a link-local address and its `fe80::/64` route.
 */
export function bridgeRoutes6(node: PluginNode): Route6[] {
  if (!node.pods.some((p) => !p.hostNetwork)) return [];
  return [
    { dst: node.podCIDR, dev: BRIDGE_NAME, proto: 'kernel', metric: KERNEL_METRIC },
    { dst: 'fe80::/64', dev: BRIDGE_NAME, proto: 'kernel', metric: KERNEL_METRIC },
  ];
}

/**
 * The routes in a pod attached to the bridge, with `isDefaultGateway: true` (kube-flannel.yml's
 * delegate sets it; the bridge plugin's calcGateways then adds `0.0.0.0/0` via the gateway), plus
 * `extra` destinations the IPAM result carries without a gateway, which
 * pkg/ipam ConfigureIface installs via the interface's gateway. The connected route of the pod's
 * address comes from the kernel when the address is added with its prefix.
 */
export function bridgePodRoutes(pod: PluginPod, node: PluginNode, extra: readonly string[] = []): Route[] {
  const gateway = bridgeAddress(node);
  return [
    { dst: 'default', via: gateway, dev: POD_INTERFACE },
    ...extra.map((dst): Route => ({ dst: routeDestination(dst), via: gateway, dev: POD_INTERFACE })),
    { dst: routeDestination(node.podCIDR), dev: POD_INTERFACE, proto: 'kernel', scope: 'link', src: pod.ip },
  ];
}

/** host-local skips the network and broadcast addresses, and the bridge holds the first one. */
export function hostLocalAddressProblem(node: PluginNode, ip: string): Problem | undefined {
  if (ip === networkAddress(node.podCIDR) || ip === broadcastAddress(node.podCIDR)) {
    return {
      message: `${ip} is the network or broadcast address of ${node.podCIDR}`,
      hint: `host-local IPAM never hands these out: pick e.g. '${nthAddress(node.podCIDR, 2)}'`,
    };
  }
  if (ip === nthAddress(node.podCIDR, 1)) {
    return {
      message: `${ip} is the address of the ${BRIDGE_NAME} bridge on ${node.name}`,
      hint: `the bridge takes the first address of the podCIDR: start pods at '${nthAddress(node.podCIDR, 2)}'`,
    };
  }
  return undefined;
}
