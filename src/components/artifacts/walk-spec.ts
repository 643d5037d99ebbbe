/**
 * The walk a component's props ask for: pod to pod (`from` + `to`), pod to Service (`from` +
 * `service`), external client to a NodePort (`node` + `service`), or through an Ingress (`ingress`).
 * Shared by PacketWalk.astro and ConntrackEntries.astro, so the same props name the same walk.
 */
import type { WalkSpec } from '../../derive/packet-walk.ts';

/** Props that name a walk. */
export interface WalkProps {
  /** Cluster name (`diagrams/<name>.ts`), for the error message. */
  cluster: string;
  from?: string;
  to?: string;
  service?: string;
  node?: string;
  ingress?: string;
  path?: string;
  host?: string;
  port?: number;
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
