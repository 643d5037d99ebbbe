/**
 * The endpoints of a Service as the EndpointSlice controller publishes them:
 * pods in the Service's namespace whose labels match every selector label, with the
 * Service port's targetPort resolved (a named targetPort resolves per pod through its
 * container ports; a pod without that port is left out).
 * Upstream: kubernetes pkg/controller/endpointslice (reconciler) and
 * pkg/api/v1/pod FindPort for named ports.
 */
import type { Cluster, Pod, Service, ServicePort } from '../model/types.ts';
import { allPods } from './lookup.ts';

/** One ready endpoint of one Service port. */
export interface ServiceEndpoint {
  /** The pod behind the endpoint. */
  pod: Pod;
  /** Endpoint IP (the pod IP). */
  ip: string;
  /** Resolved target port number. */
  port: number;
  /** Node the pod runs on (`nodeName` in the EndpointSlice). */
  nodeName: string;
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

/** Endpoints of one Service port, in pod declaration order. */
export function serviceEndpoints(cluster: Cluster, service: Service, port: ServicePort): ServiceEndpoint[] {
  const out: ServiceEndpoint[] = [];
  for (const pod of selectedPods(cluster, service)) {
    const target = resolveTargetPort(port, pod);
    if (target === undefined) continue;
    out.push({ pod, ip: pod.ip, port: target, nodeName: pod.node });
  }
  return out;
}
