/**
 * flannel's /run/flannel/subnet.env: flannel-io/flannel pkg/subnet/config.go WriteSubnetFile
 * (FLANNEL_NETWORK, FLANNEL_SUBNET = first address of the node lease, FLANNEL_MTU, FLANNEL_IPMASQ).
 * MTU: pkg/backend/vxlan (interface MTU minus 50 bytes of VXLAN overhead); host-gw keeps the interface MTU.
 * FLANNEL_IPMASQ=true because kube-flannel.yml starts flanneld with `--ip-masq`.
 */
import { Address4 } from 'ip-address';
import type { Cluster } from '../model/types';
import { findNode } from './lookup';

/** pkg/backend/vxlan: encapOverhead (outer IP 20 + UDP 8 + VXLAN 8 + inner Ethernet 14). */
export const VXLAN_ENCAP_OVERHEAD = 50;

/** Options of `subnetEnv`. */
export interface SubnetEnvOptions {
  /** MTU of the node's primary interface; 1500 by default. */
  interfaceMTU?: number;
  /** flanneld `--ip-masq` (kube-flannel.yml sets it); true by default. */
  ipMasq?: boolean;
}

/** The node lease's first address with its prefix, e.g. 10.244.1.0/24 -> 10.244.1.1/24. */
export function firstAddressOf(cidr: string): string {
  const net = new Address4(cidr);
  return `${net.startAddress().offset(1).correctForm()}/${net.subnetMask}`;
}

/** The contents of /run/flannel/subnet.env on a node of a flannel cluster. */
export function subnetEnv(cluster: Cluster, nodeName: string, options: SubnetEnvOptions = {}): string {
  if (cluster.plugin.name !== 'flannel') {
    throw new Error(`Cluster "${cluster.name}" uses ${cluster.plugin.name}, not flannel: no /run/flannel/subnet.env exists on node "${nodeName}".`);
  }
  const node = findNode(cluster, nodeName);
  const ifaceMTU = options.interfaceMTU ?? 1500;
  const mtu = cluster.plugin.backend === 'vxlan' ? ifaceMTU - VXLAN_ENCAP_OVERHEAD : ifaceMTU;
  return [
    `FLANNEL_NETWORK=${cluster.network.clusterCIDR}`,
    `FLANNEL_SUBNET=${firstAddressOf(node.podCIDR)}`,
    `FLANNEL_MTU=${mtu}`,
    `FLANNEL_IPMASQ=${options.ipMasq ?? true}`,
    '',
  ].join('\n');
}
