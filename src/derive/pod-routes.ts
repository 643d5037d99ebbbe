/**
 * A pod's own routing table, as `ip route` inside its network namespace prints it. The routes
 * come from the network plugin's CNI binary (src/plugins: bridge and flannel through the bridge
 * plugin and host-local IPAM, Calico through its own plugin); a hostNetwork pod has no namespace
 * of its own and sees the node's table.
 */
import { formatRoute, sortRoutes, type Route } from '../net/route.ts';
import { networkPlugin } from '../plugins/index.ts';
import type { Cluster } from '../model/types.ts';
import { findPod, nodeOfPod } from './lookup.ts';
import { nodeRoutes } from './node-routes.ts';

/** The routes in the pod's network namespace (`"ns/name"` or `"name"` in default), in dump order. */
export function podRoutes(cluster: Cluster, podRef: string): Route[] {
  const pod = findPod(cluster, podRef);
  const node = nodeOfPod(cluster, pod);
  if (pod.hostNetwork) return nodeRoutes(cluster, node.name);
  return sortRoutes(networkPlugin(cluster.plugin).podRoutes(pod, node, cluster.network.clusterCIDR));
}

/** `ip route` output inside the pod (one route per line, trailing newline). */
export function podIpRoute(cluster: Cluster, podRef: string): string {
  return podRoutes(cluster, podRef).map(formatRoute).join('\n') + '\n';
}
