/**
 * The `ping` that finds the largest packet a pod can send to another pod without fragmenting:
 * with `-M do` (set Don't Fragment, never fragment locally) and `-s` the ICMP payload, the IPv4
 * packet is payload + 8 (ICMP echo header) + 20 (IPv4 header) bytes (ping(8), RFC 792, RFC 791).
 * The largest payload that fits is the pod MTU minus 28; one byte more must fail.
 */
import type { Cluster } from '../model/types.ts';
import { networkPlugin } from '../plugins/index.ts';
import { findPod } from './lookup.ts';
import { NODE_INTERFACE_MTU } from '../net/encapsulation.ts';

/** IPv4 header (20) + ICMP echo header (8). */
export const ICMP_ECHO_HEADERS = 28;

/** The pod MTU and the two pings around it. */
export interface PmtuProbe {
  /** The pod MTU the plugin computes for the node interface MTU. */
  podMTU: number;
  /** The largest ICMP payload that fits: pod MTU - 28. */
  payload: number;
  /** The ping that must get its replies. */
  fits: string;
  /** The same with one byte more, which must fail with "message too long". */
  tooBig: string;
}

/** The DF pings from pod `from` to pod `to`, sized by the cluster's plugin. */
export function pmtuProbe(cluster: Cluster, from: string, to: string, interfaceMTU = NODE_INTERFACE_MTU): PmtuProbe {
  findPod(cluster, from);
  const target = findPod(cluster, to);
  const podMTU = networkPlugin(cluster.plugin).podMTU(interfaceMTU).mtu;
  const payload = podMTU - ICMP_ECHO_HEADERS;
  const ping = (size: number) => `ping -M do -s ${size} -c 3 ${target.ip}`;
  return { podMTU, payload, fits: ping(payload), tooBig: ping(payload + 1) };
}
