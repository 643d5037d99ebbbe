/**
 * What traffic distribution does on each node: for one Service port, the topology mode
 * kube-proxy on that node picks from the EndpointSlice hints, the endpoints it then uses for
 * Cluster traffic, and the KUBE-SVC chain it writes (iptables mode). Built from
 * src/derive/endpoint-hints.ts (the controller's hints), kube-proxy-topology.ts
 * (CategorizeEndpoints) and kube-proxy-rules.ts (syncProxyRules), so the page's table, diagram
 * and rules agree.
 */
import type { Cluster, Service, ServicePort } from '../model/types.ts';
import { nodeZone } from './endpoint-hints.ts';
import { kubeProxyServiceRules, servicePortName, serviceChainNames } from './kube-proxy-rules.ts';
import { sortedEndpoints } from './kube-proxy-service-port.ts';
import { categorizeEndpoints, type ProxyEndpoint, type TopologyMode } from './kube-proxy-topology.ts';
import { findService } from './lookup.ts';

/** One node's view of one Service port. */
export interface NodeTopology {
  /** Node name. */
  node: string;
  /** The node's zone ('' when it has none). */
  zone: string;
  /** The topology mode kube-proxy chose on this node ('' = every ready endpoint). */
  mode: TopologyMode;
  /** The endpoints its KUBE-SVC chain balances over (Cluster traffic policy), sorted by `ip:port`. */
  endpoints: ProxyEndpoint[];
  /** The `-A KUBE-SVC-...` lines kube-proxy writes for this port on this node (iptables mode). */
  svcChainRules: string[];
}

/** The Service port a page means: the named one, else the first. */
export function servicePortFor(service: Service, portName?: string): ServicePort {
  const port = portName === undefined ? service.ports[0] : service.ports.find((p) => p.name === portName);
  if (!port) {
    const names = service.ports.map((p) => p.name || '(unnamed)').join(', ') || 'none';
    throw new Error(`Service ${service.namespace}/${service.name} has no port ${portName === undefined ? '' : `"${portName}" `}(ports: ${names}).`);
  }
  return port;
}

/** What kube-proxy on every node does for one port of the Service `"ns/name"`, in node order. */
export function topologyByNode(cluster: Cluster, serviceRef: string, portName?: string): NodeTopology[] {
  const service = findService(cluster, serviceRef);
  const port = servicePortFor(service, portName);
  const endpoints = sortedEndpoints(cluster, service, port);
  const chain = serviceChainNames(servicePortName(service, port), port.protocol).cluster;
  // Same policy facts as syncProxyRules: traffic distribution narrows only the Cluster endpoints.
  const externallyAccessible = port.nodePort !== undefined || (service.loadBalancerIP !== undefined && service.loadBalancerIPMode !== 'Proxy');
  const policy = {
    internalPolicyLocal: service.internalTrafficPolicy === 'Local',
    externalPolicyLocal: externallyAccessible && service.externalTrafficPolicy === 'Local',
    externallyAccessible,
  };
  return cluster.nodes.map((node) => {
    const zone = nodeZone(cluster, node.name) ?? '';
    const { clusterEndpoints, topologyMode } = categorizeEndpoints(endpoints, policy, node.name, zone);
    const rules = kubeProxyServiceRules(cluster, service, { node: node.name });
    return {
      node: node.name,
      zone,
      mode: topologyMode,
      endpoints: [...clusterEndpoints].sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)),
      svcChainRules: rules.natRules.filter((line) => line.startsWith(`-A ${chain} `)),
    };
  });
}
