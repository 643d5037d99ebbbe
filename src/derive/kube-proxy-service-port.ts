/**
 * What both kube-proxy proxiers (iptables, nftables) start a Service port from: the endpoints map
 * (pkg/proxy/endpointslicecache.go, sorted by "ip:port"), serviceport.go newBaseServiceInfo for one
 * family, topology.go CategorizeEndpoints on a node, and the family's `--cluster-cidr`.
 */
import { clusterRanges, ipFamilyOf } from '../model/ip-families.ts';
import type { Cluster, IPFamily, Service, ServicePort } from '../model/types.ts';
import { hintedEndpoints, nodeZone, type HintedEndpoint } from './endpoint-hints.ts';
import { categorizeEndpoints, type CategorizedEndpoints, type PolicyFacts, type ProxyEndpoint } from './kube-proxy-topology.ts';
import { manualSliceEndpoints, type SliceEndpoint } from './manual-endpoints.ts';

/** The endpoints kube-proxy's endpoints map holds for a Service port (with their topology hints), of one family when given, sorted by `ip:port`. */
export function sortedEndpoints(cluster: Cluster, service: Service, port: ServicePort, family?: IPFamily): ProxyEndpoint[] {
  // Slices the controller writes for the selector (with their hints), then any written by hand for the Service.
  const all: Array<HintedEndpoint | SliceEndpoint> = [
    ...hintedEndpoints(cluster, service, port, family),
    ...manualSliceEndpoints(cluster, service, port).filter((e) => !family || ipFamilyOf(e.ip) === family),
  ];
  const eps = all.map((e): ProxyEndpoint => {
    const hints = 'hints' in e ? e.hints : undefined;
    return {
      ip: e.ip, port: e.port, nodeName: e.nodeName, conditions: e.conditions,
      text: `${e.ip.includes(':') ? `[${e.ip}]` : e.ip}:${e.port}`,
      ...(hints?.forZones ? { zoneHints: hints.forZones } : {}),
      ...(hints?.forNodes ? { nodeHints: hints.forNodes } : {}),
    };
  });
  // endpointslicecache.go byEndpoint: Less compares String() values.
  return eps.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
}

/** A Service port as one family's proxier sees it on one node, with the endpoints it uses there. */
export interface ServicePortOnNode extends CategorizedEndpoints {
  /** The load-balancer VIP of this family, when it is one (an ingress with ipMode Proxy is not). */
  loadBalancerVIP?: string;
  /** The external IPs of this family. */
  externalIPs: string[];
  /** The traffic-policy facts CategorizeEndpoints reads. */
  policy: PolicyFacts;
}

/**
 * serviceport.go newBaseServiceInfo for one family (LoadBalancerVIPs, ExternalIPs,
 * ExternallyAccessible, the traffic policies), then topology.go CategorizeEndpoints on `nodeName`:
 * what both the iptables and the nftables proxier start a Service port from.
 */
export function servicePortOnNode(cluster: Cluster, service: Service, port: ServicePort, nodeName: string, family?: IPFamily): ServicePortOnNode {
  const inFamily = (ip: string) => !family || ipFamilyOf(ip) === family;
  const loadBalancerVIP =
    service.loadBalancerIP !== undefined && inFamily(service.loadBalancerIP) && service.loadBalancerIPMode !== 'Proxy' ? service.loadBalancerIP : undefined;
  const externalIPs = (service.externalIPs ?? []).filter(inFamily);
  // ExternallyAccessible: a node port, a load-balancer VIP or an external IP.
  const externallyAccessible = port.nodePort !== undefined || loadBalancerVIP !== undefined || externalIPs.length > 0;
  const policy: PolicyFacts = {
    internalPolicyLocal: service.internalTrafficPolicy === 'Local',
    externalPolicyLocal: externallyAccessible && service.externalTrafficPolicy === 'Local',
    externallyAccessible,
  };
  const categorized = categorizeEndpoints(sortedEndpoints(cluster, service, port, family), policy, nodeName, nodeZone(cluster, nodeName) ?? '');
  return { ...(loadBalancerVIP !== undefined ? { loadBalancerVIP } : {}), externalIPs, policy, ...categorized };
}

/** kube-proxy's `--cluster-cidr` for one family's proxier (the cluster's pod network without a family). */
export function familyClusterCIDR(cluster: Cluster, family?: IPFamily): string {
  return family ? (clusterRanges(cluster).clusterCIDRs.find((c) => ipFamilyOf(c) === family) ?? '') : cluster.network.clusterCIDR;
}
