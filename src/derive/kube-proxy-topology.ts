/**
 * Which endpoints kube-proxy uses for a Service port on one node: kubernetes
 * pkg/proxy/topology.go CategorizeEndpoints, with the service-port predicates of
 * pkg/proxy/serviceport.go (UsesClusterEndpoints, UsesLocalEndpoints, ExternallyAccessible),
 * and its topology filter for trafficDistribution (topologyModeFromHints, availableForTopology):
 * the hints the EndpointSlice controller wrote (src/derive/endpoint-hints.ts) narrow the
 * Cluster endpoints to the node's own node or zone. The PreferSameTrafficDistribution gate is GA
 * since v1.35, so node hints are always read.
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
  /** `hints.forZones[].name` (none: the endpoint has no zone hint). */
  zoneHints?: string[];
  /** `hints.forNodes[].name` (none: the endpoint has no node hint). */
  nodeHints?: string[];
}

/** topology.go's topology mode: '' = no topology filter (default traffic distribution). */
export type TopologyMode = '' | 'PreferSameZone' | 'PreferSameNode';

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
  /** The topology mode the Cluster endpoints were filtered with ('' when not filtered or not used). */
  topologyMode: TopologyMode;
}

const hasHint = (hints: string[] | undefined, name: string) => hints !== undefined && hints.includes(name);

/**
 * topology.go topologyModeFromHints, over the ready endpoints only: PreferSameNode when every one
 * has a node hint and one is hinted for this node; else PreferSameZone when every one has a zone
 * hint and one is hinted for this node's zone; else '' (no filter). So a node falls back from its
 * node to its zone to the whole cluster.
 */
export function topologyModeFromHints(endpoints: ProxyEndpoint[], nodeName: string, zone: string): TopologyMode {
  const ready = endpoints.filter((e) => e.conditions.ready);
  if (ready.length === 0) return '';
  const allNodeHints = ready.every((e) => (e.nodeHints?.length ?? 0) > 0);
  if (allNodeHints && ready.some((e) => hasHint(e.nodeHints, nodeName))) return 'PreferSameNode';
  const allZoneHints = ready.every((e) => (e.zoneHints?.length ?? 0) > 0);
  if (allZoneHints && ready.some((e) => hasHint(e.zoneHints, zone))) return 'PreferSameZone';
  return '';
}

/** topology.go availableForTopology: whether the endpoint may serve this node in `mode`. */
export function availableForTopology(endpoint: ProxyEndpoint, mode: TopologyMode, nodeName: string, zone: string): boolean {
  if (mode === 'PreferSameNode') return hasHint(endpoint.nodeHints, nodeName);
  if (mode === 'PreferSameZone') return hasHint(endpoint.zoneHints, zone);
  return true;
}

const servingTerminating = (e: ProxyEndpoint) => e.conditions.serving && e.conditions.terminating;

/**
 * topology.go CategorizeEndpoints: Ready endpoints (the Cluster ones narrowed by topology hints),
 * falling back (separately for Cluster and Local) to serving-and-terminating ones when there are
 * none (KEP-1669). `zone` is this node's `topology.kubernetes.io/zone` label ('' = none).
 * The Local endpoints ignore topology.
 */
export function categorizeEndpoints(endpoints: ProxyEndpoint[], policy: PolicyFacts, nodeName: string, zone = ''): CategorizedEndpoints {
  const isLocal = (e: ProxyEndpoint) => e.nodeName !== '' && e.nodeName === nodeName;
  let clusterEndpoints: ProxyEndpoint[] = [];
  let hasAnyEndpoints = false;
  let topologyMode: TopologyMode = '';
  if (usesClusterEndpoints(policy)) {
    topologyMode = topologyModeFromHints(endpoints, nodeName, zone);
    clusterEndpoints = endpoints.filter((e) => e.conditions.ready && availableForTopology(e, topologyMode, nodeName, zone));
    if (clusterEndpoints.length === 0) clusterEndpoints = endpoints.filter(servingTerminating);
    if (clusterEndpoints.length > 0) hasAnyEndpoints = true;
  }
  if (!usesLocalEndpoints(policy)) {
    return { clusterEndpoints, localEndpoints: [], allReachableEndpoints: sortByText(clusterEndpoints), hasAnyEndpoints, topologyMode };
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
    return { clusterEndpoints, localEndpoints, allReachableEndpoints: sortByText(localEndpoints), hasAnyEndpoints, topologyMode };
  }
  // Upstream merges both lists through a Go map (random order); SEP chains are written in
  // that order. We sort by `ip:port` so the output is stable.
  const merged = new Map<string, ProxyEndpoint>();
  for (const e of [...clusterEndpoints, ...localEndpoints]) merged.set(e.text, e);
  return { clusterEndpoints, localEndpoints, allReachableEndpoints: sortByText([...merged.values()]), hasAnyEndpoints, topologyMode };
}

function sortByText(eps: ProxyEndpoint[]): ProxyEndpoint[] {
  return [...eps].sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
}
