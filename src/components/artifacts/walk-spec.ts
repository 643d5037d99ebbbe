/**
 * The walk a component's props ask for: pod to pod (`from` + `to`), pod to Service (`from` +
 * `service`), external client to a NodePort (`node` + `service`), or through an Ingress (`ingress`).
 * Shared by PacketWalk.astro and ConntrackEntries.astro, so the same props name the same walk.
 */
import type { WalkSpec } from '../../derive/packet-walk.ts';

/** Props that name a walk (PacketWalk and ConntrackEntries take these, and add their own). */
export interface WalkProps {
  /** Cluster name (`diagrams/<name>.ts`). */
  cluster: string;
  /** Source pod (`"ns/name"` or `"name"`) for pod-to-pod and pod-to-Service walks. */
  from?: string;
  /** Destination pod for a pod-to-pod walk. */
  to?: string;
  /** Destination Service (`"ns/name"`); with `node`, an external client reaches it on its NodePort. */
  service?: string;
  /** Node an external client connects to (NodePort walks, Ingress walks). */
  node?: string;
  /** Ingress (`"ns/name"`) for a walk through the ingress controller. */
  ingress?: string;
  /** Request path for an Ingress walk; `/` by default. */
  path?: string;
  /** Request host (the Host header) for an Ingress walk; rules with a host match only it. */
  host?: string;
  /** Destination port. */
  port?: number;
  /** The endpoint pod to follow, instead of the first in kube-proxy's order. */
  endpoint?: string;
}

/** The walk specification for a component's props; throws naming the component when they name none. */
export function walkSpecOf(component: string, p: WalkProps): WalkSpec {
  if (p.ingress) return { kind: 'external-through-ingress', ingress: p.ingress, path: p.path, host: p.host, node: p.node, endpoint: p.endpoint };
  if (p.from && p.to) return { kind: 'pod-to-pod', from: p.from, to: p.to, port: p.port };
  if (p.from && p.service) return { kind: 'pod-to-service', from: p.from, service: p.service, port: p.port, endpoint: p.endpoint };
  if (p.node && p.service) return { kind: 'external-to-nodeport', node: p.node, service: p.service, port: p.port, endpoint: p.endpoint };
  throw new Error(`${component} in cluster "${p.cluster}": give from+to, from+service, node+service, or ingress.`);
}
