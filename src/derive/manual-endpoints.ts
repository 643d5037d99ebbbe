/**
 * Endpoints from hand-written EndpointSlices (a Service without a selector, e.g. one that names a
 * database outside the cluster). kube-proxy reads every EndpointSlice labelled
 * `kubernetes.io/service-name: <service>`, whoever manages it, joins its ports to the Service's
 * ports by name and protocol, and uses each endpoint's first address
 * (kubernetes pkg/proxy/endpointslicecache.go addEndpoints).
 */
import type { Cluster, EndpointSlice, Service, ServicePort } from '../model/types.ts';
import type { EndpointConditions } from './endpoints.ts';

/** One endpoint of one Service port, taken from a hand-written slice. */
export interface SliceEndpoint {
  /** The slice it comes from. */
  slice: string;
  /** The endpoint's first address. */
  ip: string;
  /** The slice port's number. */
  port: number;
  /** `nodeName`, or '' when the endpoint is not on a node of the cluster. */
  nodeName: string;
  /** The endpoint's conditions. */
  conditions: EndpointConditions;
}

/** The hand-written EndpointSlices of a Service, in definition order. */
export function slicesOfService(cluster: Cluster, service: Pick<Service, 'name' | 'namespace'>): EndpointSlice[] {
  return (cluster.endpointSlices ?? []).filter((s) => s.service === service.name && s.namespace === service.namespace);
}

/** Every endpoint the hand-written slices give one Service port (ready or not), in slice order. */
export function manualSliceEndpoints(cluster: Cluster, service: Service, port: ServicePort): SliceEndpoint[] {
  const out: SliceEndpoint[] = [];
  for (const slice of slicesOfService(cluster, service)) {
    const slicePort = slice.ports.find((p) => p.name === port.name && p.protocol === port.protocol);
    if (!slicePort) continue;
    for (const ep of slice.endpoints) {
      const ip = ep.addresses[0];
      if (ip === undefined) continue;
      out.push({
        slice: slice.name, ip, port: slicePort.port, nodeName: ep.nodeName ?? '',
        conditions: { ready: ep.ready, serving: ep.serving, terminating: ep.terminating },
      });
    }
  }
  return out;
}
