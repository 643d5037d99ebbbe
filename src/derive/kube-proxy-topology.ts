/**
 * Which endpoints kube-proxy uses for a Service port on one node: kubernetes
 * pkg/proxy/topology.go CategorizeEndpoints, with the service-port predicates of
 * pkg/proxy/serviceport.go (UsesClusterEndpoints, UsesLocalEndpoints, ExternallyAccessible).
 * Topology hints / trafficDistribution are not modelled (no hints: every endpoint is
 * available for topology).
 */
import type { EndpointConditions } from './endpoints.ts';

/** An endpoint as kube-proxy's endpoints map holds it. */
export interface ProxyEndpoint {
  ip: string;
  port: number;
  /** EndpointSlice nodeName ('' = not set). */
  nodeName: string;
  /** `ip:port` (`[ip]:port` for IPv6): BaseEndpointInfo.String(). */
  text: string;
  conditions: EndpointConditions;
}

/** The traffic-policy facts of a service port that CategorizeEndpoints reads. */
export interface PolicyFacts {
  internalPolicyLocal: boolean;
  externalPolicyLocal: boolean;
  externallyAccessible: boolean;
}

/**
 * serviceport.go UsesClusterEndpoints: internal policy Cluster, or any external traffic at all
 * ("Even if the external traffic policy is Local, we need Cluster endpoints to implement
 * short circuiting": KUBE-EXT sends pod and node-local sources to KUBE-SVC).
 */
export function usesClusterEndpoints(p: PolicyFacts): boolean {
  return !p.internalPolicyLocal || p.externallyAccessible;
}

/** serviceport.go UsesLocalEndpoints: the Local chain serves internal or external traffic. */
export function usesLocalEndpoints(p: PolicyFacts): boolean {
  return p.internalPolicyLocal || (p.externallyAccessible && p.externalPolicyLocal);
}

/** CategorizeEndpoints' result. */
export interface CategorizedEndpoints {
  clusterEndpoints: ProxyEndpoint[];
  localEndpoints: ProxyEndpoint[];
  /** Endpoints that get a KUBE-SEP chain on this node, sorted by `text`. */
  allReachableEndpoints: ProxyEndpoint[];
  /** Whether the port has usable endpoints anywhere in the cluster. */
  hasAnyEndpoints: boolean;
}

const servingTerminating = (e: ProxyEndpoint) => e.conditions.serving && e.conditions.terminating;

/**
 * topology.go CategorizeEndpoints: Ready endpoints, falling back (separately for Cluster and
 * Local) to serving-and-terminating ones when there are none (KEP-1669).
 */
export function categorizeEndpoints(endpoints: ProxyEndpoint[], policy: PolicyFacts, nodeName: string): CategorizedEndpoints {
  const isLocal = (e: ProxyEndpoint) => e.nodeName !== '' && e.nodeName === nodeName;
  let clusterEndpoints: ProxyEndpoint[] = [];
  let hasAnyEndpoints = false;
  if (usesClusterEndpoints(policy)) {
    clusterEndpoints = endpoints.filter((e) => e.conditions.ready);
    if (clusterEndpoints.length === 0) clusterEndpoints = endpoints.filter(servingTerminating);
    if (clusterEndpoints.length > 0) hasAnyEndpoints = true;
  }
  if (!usesLocalEndpoints(policy)) {
    return { clusterEndpoints, localEndpoints: [], allReachableEndpoints: sortByText(clusterEndpoints), hasAnyEndpoints };
  }
  let hasLocalReady = false;
  let hasLocalServingTerminating = false;
  for (const e of endpoints) {
    if (e.conditions.ready) {
      hasAnyEndpoints = true;
      if (isLocal(e)) hasLocalReady = true;
    } else if (servingTerminating(e)) {
      hasAnyEndpoints = true;
      if (isLocal(e)) hasLocalServingTerminating = true;
    }
  }
  let localEndpoints: ProxyEndpoint[] = [];
  if (hasLocalReady) localEndpoints = endpoints.filter((e) => isLocal(e) && e.conditions.ready);
  else if (hasLocalServingTerminating) localEndpoints = endpoints.filter((e) => isLocal(e) && servingTerminating(e));
  if (!usesClusterEndpoints(policy)) {
    return { clusterEndpoints, localEndpoints, allReachableEndpoints: sortByText(localEndpoints), hasAnyEndpoints };
  }
  // Upstream merges both lists through a Go map (random order); SEP chains are written in
  // that order. We sort by `ip:port` so the output is stable.
  const merged = new Map<string, ProxyEndpoint>();
  for (const e of [...clusterEndpoints, ...localEndpoints]) merged.set(e.text, e);
  return { clusterEndpoints, localEndpoints, allReachableEndpoints: sortByText([...merged.values()]), hasAnyEndpoints };
}

function sortByText(eps: ProxyEndpoint[]): ProxyEndpoint[] {
  return [...eps].sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
}
