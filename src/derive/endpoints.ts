/**
 * The endpoints of a Service as the EndpointSlice controller publishes them:
 * pods in the Service's namespace whose labels match every selector label, with the
 * Service port's targetPort resolved (a named targetPort resolves per pod through its
 * container ports; a pod without that port is left out).
 * Upstream: kubernetes pkg/controller/endpointslice (reconciler) and
 * pkg/api/v1/pod FindPort for named ports.
 */
import { ofFamily, podIPs, serviceIPFamilies } from '../model/ip-families.ts';
import type { Cluster, IPFamily, Pod, Service, ServicePort } from '../model/types.ts';
import { allPods } from './lookup.ts';

/**
 * EndpointSlice `conditions` of an endpoint, as the EndpointSlice controller derives them
 * from the pod (kubernetes staging/src/k8s.io/endpointslice/utils.go podToEndpoint):
 * serving = pod Ready, terminating = deletionTimestamp set, ready = serving and not terminating
 * (publishNotReadyAddresses, which would force ready, is not modelled).
 */
export interface EndpointConditions {
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

/** The conditions the EndpointSlice controller publishes for a pod's endpoint. */
export function endpointConditions(pod: Pick<Pod, 'ready' | 'terminating'>): EndpointConditions {
  const serving = pod.ready !== false;
  const terminating = pod.terminating === true;
  return { ready: serving && !terminating, serving, terminating };
}

/** One endpoint of one Service port, with its EndpointSlice conditions. */
export interface ServiceEndpoint {
  /** The pod behind the endpoint. */
  pod: Pod;
  /** Endpoint IP (the pod IP). */
  ip: string;
  /** Resolved target port number. */
  port: number;
  /** Node the pod runs on (`nodeName` in the EndpointSlice). */
  nodeName: string;
  /** EndpointSlice conditions. */
  conditions: EndpointConditions;
}

/** Whether `labels` carries every key/value of `selector`. */
export function selectorMatches(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/** Pods selected by a Service (none for a Service without selector). */
export function selectedPods(cluster: Cluster, service: Service): Pod[] {
  const selector = service.selector;
  if (!selector || Object.keys(selector).length === 0) return [];
  return allPods(cluster).filter(
    (p) => p.namespace === service.namespace && selectorMatches(selector, p.labels),
  );
}

/** Resolves a Service port's targetPort on one pod; undefined when the pod lacks the named port. */
export function resolveTargetPort(port: ServicePort, pod: Pod): number | undefined {
  if (typeof port.targetPort === 'number') return port.targetPort;
  const named = pod.ports.find((p) => p.name === port.targetPort && p.protocol === port.protocol);
  return named?.containerPort;
}

/**
 * Every endpoint the EndpointSlices of a Service port list (ready, not ready and terminating),
 * in pod declaration order. kube-proxy reads all of them and chooses by condition. With `family`,
 * the endpoints of that family's slice (addressType IPv4 or IPv6): each pod's address of the
 * family, pods without one left out; without it, each pod's primary address.
 */
export function endpointSliceEndpoints(cluster: Cluster, service: Service, port: ServicePort, family?: IPFamily): ServiceEndpoint[] {
  const out: ServiceEndpoint[] = [];
  for (const pod of selectedPods(cluster, service)) {
    const target = resolveTargetPort(port, pod);
    if (target === undefined) continue;
    const ip = family ? ofFamily(podIPs(pod), family) : pod.ip;
    if (ip === undefined) continue;
    out.push({ pod, ip, port: target, nodeName: pod.node, conditions: endpointConditions(pod) });
  }
  return out;
}

/** The ready endpoints of one Service port (what DNS and ordinary traffic use), in pod declaration order. */
export function serviceEndpoints(cluster: Cluster, service: Service, port: ServicePort, family?: IPFamily): ServiceEndpoint[] {
  return endpointSliceEndpoints(cluster, service, port, family).filter((e) => e.conditions.ready);
}

/** One EndpointSlice of a Service: its address type and, per port, the endpoints it lists. */
export interface FamilySlice {
  /** `addressType`: the controller writes one slice (or more, when large) per family in `spec.ipFamilies`. */
  addressType: IPFamily;
  /** The addresses, in pod declaration order, each once. */
  addresses: Array<{ ip: string; pod: Pod }>;
}

/**
 * The EndpointSlices of a Service, one per IP family of the Service (kubernetes
 * pkg/controller/endpointslice reconciler: `getAddressTypesForService` takes the families from
 * `spec.ipFamilies`): a single-stack Service gets no slice of the other family, whatever its pods have.
 */
export function endpointSlicesByFamily(cluster: Cluster, service: Service): FamilySlice[] {
  if (service.type === 'ExternalName') return [];
  return serviceIPFamilies(service, cluster).map((family) => ({
    addressType: family,
    addresses: selectedPods(cluster, service).flatMap((pod) => {
      const ip = ofFamily(podIPs(pod), family);
      return ip ? [{ ip, pod }] : [];
    }),
  }));
}
