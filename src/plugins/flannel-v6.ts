/**
 * flanneld's IPv6 routes on a dual-stack node (net-conf.json `EnableIPv6: true` with
 * `IPv6Network`), per backend, from flannel-io/flannel (read at the commits in brackets):
 * - pkg/backend/vxlan/vxlan.go [1ba5635] RegisterNetwork: the IPv6 device is
 *   `flannel-v6.<VNI>` (VNI 1 by default), configured with the lease's network address as /128 (ConfigureIPv6 ->
 *   ip.EnsureV6AddressOnLink, a plain AddrAdd, so the kernel adds a /128 route with metric 256).
 *   pkg/ip/iface.go [0f89b8d] EnsureV6AddressOnLink keeps the device's link-local address: a
 *   VXLAN device is Ethernet, so it has one, and its `fe80::/64` route.
 * - pkg/backend/vxlan/vxlan_network.go [067ed7f] handleSubnetEvents: for every other lease,
 *   `v6VxlanRoute` = Dst the lease, Gw the lease's network address, on flannel-v6.1, RTNH_F_ONLINK,
 *   no priority (so metric 1024).
 * - pkg/backend/hostgw: `<lease> via <node IPv6> dev <iface>`.
 * - pkg/backend/wireguard/wireguard.go and device.go [067ed7f] (Mode `separate`, the default):
 *   a second device `flannel-wg-v6` (ListenPortV6 51821); ConfigureV6 adds the lease's network
 *   address as /128 and upAndAddRoute one route for the whole IPv6 flannel network on it (SCOPE_LINK,
 *   which IPv6 routes do not print). WireGuard devices get no link-local address (WireGuard does
 *   not use IPv6 link-local by design: J. Donenfeld in systemd/systemd#17380).
 */
import { addressAt } from '../net/cidr.ts';
import { KERNEL_METRIC, USER_METRIC, type Route6 } from '../net/route6.ts';
import { bridgeRoutes6 } from './cni-bridge.ts';
import type { PluginNode } from './plugin.ts';

/** flannel's VXLAN device for IPv6 (`flannel-v6.<VNI>`, VNI 1). */
export const FLANNEL_VXLAN_V6_DEVICE = 'flannel-v6.1';
/** flannel's WireGuard device for IPv6 in the default `separate` mode. */
export const FLANNEL_WIREGUARD_V6_DEVICE = 'flannel-wg-v6';
/** The wireguard backend's `ListenPortV6` default. */
export const FLANNEL_WIREGUARD_V6_PORT = 51821;

/** The lease's network address: what flannel-v6.1 and flannel-wg-v6 hold as /128. */
function leaseAddress(node: PluginNode): string {
  return addressAt(node.podCIDR, 0);
}

/** The kernel's route for a /128 address on `dev`. */
function addressRoute(node: PluginNode, dev: string): Route6 {
  return { dst: leaseAddress(node), dev, proto: 'kernel', metric: KERNEL_METRIC };
}

/**
 * The IPv6 routes flanneld's `backend` and the cni0 bridge add on `node`, in the order they
 * appear: flanneld's device first (it exists before the first pod), then cni0.
 */
export function flannelRoutes6(
  backend: 'vxlan' | 'host-gw' | 'wireguard',
  node: PluginNode,
  others: readonly PluginNode[],
  iface: string,
  clusterCIDR: string,
): Route6[] {
  const bridge = bridgeRoutes6(node);
  switch (backend) {
    case 'host-gw':
      return [...bridge, ...others.map((o): Route6 => ({ dst: o.podCIDR, via: o.ip, dev: iface, metric: USER_METRIC }))];
    case 'vxlan':
      return [
        addressRoute(node, FLANNEL_VXLAN_V6_DEVICE),
        { dst: 'fe80::/64', dev: FLANNEL_VXLAN_V6_DEVICE, proto: 'kernel', metric: KERNEL_METRIC },
        ...others.map((o): Route6 => ({ dst: o.podCIDR, via: leaseAddress(o), dev: FLANNEL_VXLAN_V6_DEVICE, metric: USER_METRIC, onlink: true })),
        ...bridge,
      ];
    case 'wireguard':
      return [
        addressRoute(node, FLANNEL_WIREGUARD_V6_DEVICE),
        { dst: clusterCIDR, dev: FLANNEL_WIREGUARD_V6_DEVICE, metric: USER_METRIC },
        ...bridge,
      ];
  }
}
