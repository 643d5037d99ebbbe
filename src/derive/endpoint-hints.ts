/**
 * The EndpointSlice controller's side of traffic distribution: each endpoint's `zone` (copied
 * from its node's `topology.kubernetes.io/zone` label) and the `hints` it writes for a Service
 * with `spec.trafficDistribution`.
 * Upstream: kubernetes staging/src/k8s.io/endpointslice/utils.go podToEndpoint (zone) and
 * trafficdist/trafficdist.go ReconcileHints (preferCloseHeuristic.update); reconciler.go
 * validTrafficDistribution. The PreferSameTrafficDistribution gate is GA since v1.35 (KEP-3015),
 * so PreferSameZone and PreferSameNode are always accepted here.
 */
import type { Cluster, IPFamily, Service, ServicePort, TrafficDistribution } from '../model/types.ts';
import { endpointSliceEndpoints, type EndpointConditions, type ServiceEndpoint } from './endpoints.ts';

/** `hints` of one endpoint (discovery/v1 EndpointHints); a list is left out when empty. */
export interface EndpointHints {
  /** `forZones[].name`. */
  forZones?: string[];
  /** `forNodes[].name` (PreferSameNode only). */
  forNodes?: string[];
}

/** An endpoint as the EndpointSlice controller publishes it, with zone and hints. */
export interface HintedEndpoint extends ServiceEndpoint {
  /** `zone`: the node's zone label; undefined when the node has none (or an empty one). */
  zone?: string;
  /** `hints`; undefined when the controller writes none. */
  hints?: EndpointHints;
}

/** podToEndpoint: the zone of the node an endpoint runs on, when its label is set and not empty. */
export function nodeZone(cluster: Cluster, nodeName: string): string | undefined {
  const zone = cluster.nodes.find((n) => n.name === nodeName)?.zone;
  return zone === undefined || zone === '' ? undefined : zone;
}

/**
 * trafficdist.go preferCloseHeuristic.update for one endpoint: ready endpoints get a zone hint
 * naming their own zone (when they have one) and, for PreferSameNode, a node hint naming their
 * own node; endpoints that are not ready are left as they are (a new one has no hints). Without
 * a trafficDistribution the defaultHeuristic removes every hint.
 */
export function endpointHints(
  trafficDistribution: TrafficDistribution | undefined,
  endpoint: { conditions: EndpointConditions; nodeName: string; zone?: string },
): EndpointHints | undefined {
  if (trafficDistribution === undefined || !endpoint.conditions.ready) return undefined;
  const hints: EndpointHints = {};
  if (endpoint.zone !== undefined) hints.forZones = [endpoint.zone];
  if (trafficDistribution === 'PreferSameNode' && endpoint.nodeName !== '') hints.forNodes = [endpoint.nodeName];
  return hints.forZones || hints.forNodes ? hints : undefined;
}

/**
 * Every endpoint of a Service port (of one family's slices when `family` is given) with the zone
 * and hints the EndpointSlice controller writes, in pod declaration order.
 */
export function hintedEndpoints(cluster: Cluster, service: Service, port: ServicePort, family?: IPFamily): HintedEndpoint[] {
  return endpointSliceEndpoints(cluster, service, port, family).map((e) => {
    const zone = nodeZone(cluster, e.nodeName);
    const withZone: HintedEndpoint = zone === undefined ? { ...e } : { ...e, zone };
    const hints = endpointHints(service.trafficDistribution, withZone);
    return hints === undefined ? withZone : { ...withZone, hints };
  });
}
