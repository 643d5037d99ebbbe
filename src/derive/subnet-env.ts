/**
 * A plugin's own file of node settings: flannel's /run/flannel/subnet.env (src/plugins/flannel.ts
 * writes it as flannel's WriteSubnetFile does). FLANNEL_IPMASQ=true by default because
 * kube-flannel.yml starts flanneld with `--ip-masq`.
 */
import { networkPlugin, type SubnetEnvOptions } from '../plugins/index.ts';
import type { Cluster } from '../model/types.ts';
import { findNode } from './lookup.ts';

export type { SubnetEnvOptions };

/** The contents of /run/flannel/subnet.env on a node of a flannel cluster. */
export function subnetEnv(cluster: Cluster, nodeName: string, options: SubnetEnvOptions = {}): string {
  const plugin = networkPlugin(cluster.plugin);
  if (!plugin.subnetEnv) {
    throw new Error(`Cluster "${cluster.name}" uses ${cluster.plugin.name}, not flannel: no /run/flannel/subnet.env exists on node "${nodeName}".`);
  }
  return plugin.subnetEnv(findNode(cluster, nodeName), cluster.network.clusterCIDR, options);
}
