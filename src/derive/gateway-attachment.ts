/**
 * Which route attaches to which parent, and why not: the `status.parents[]` a conformant
 * controller writes for each route and parentRef, with the upstream condition reasons
 * (apis/v1 shared_types.go RouteConditionReason):
 *
 * - Accepted/False `NoMatchingParent`: `sectionName` or `port` names no listener.
 * - Accepted/False `NotAllowedByListeners`: no named listener's `allowedRoutes` admits the route's
 *   namespace (`from: Same | All | Selector | None`) and kind (by default the kinds the listener's
 *   protocol carries: HTTP/HTTPS carry HTTPRoute and GRPCRoute, TLS carries TLSRoute).
 * - Accepted/False `NoMatchingListenerHostname`: the remaining listeners' hostnames do not
 *   intersect the route's hostnames (gateway-hostnames.ts).
 * - ResolvedRefs/False `InvalidKind`, `RefNotPermitted` (a backend in another namespace without a
 *   ReferenceGrant there), `BackendNotFound` (no such Service or port).
 *
 * A parentRef to a Gateway that does not exist gets no status at all: no controller owns it. A
 * parentRef of kind Service is GAMMA (service mesh): the route applies to traffic sent to that
 * Service, and `sectionName`/`port` must name one of its ports.
 */
import { selectorMatches } from '../model/label-selector.ts';
import type { Cluster, GatewayApi, ListenerInput, ParentRefInput, ResolvedRoute, RouteBackendRefInput, RouteKind } from '../model/types.ts';
import { intersectHostnames } from './gateway-hostnames.ts';
import { splitRef } from './lookup.ts';

/** One status condition. */
export interface RouteCondition {
  /** Condition type. */
  type: 'Accepted' | 'ResolvedRefs';
  /** `True` or `False`. */
  status: 'True' | 'False';
  /** Upstream reason name. */
  reason: string;
  /** Why, in words. */
  message: string;
}

/** One listener a route attached to, with the host names it serves there. */
export interface AttachedListener {
  /** Listener name. */
  listener: string;
  /** Effective host names (`undefined`: any host). */
  hostnames: string[] | undefined;
}

/** A route's status for one parentRef. */
export interface RouteParentStatus {
  /** The route. */
  route: ResolvedRoute;
  /** `kind namespace/name`, e.g. `HTTPRoute shop/storefront`. */
  routeRef: string;
  /** Index of the parentRef. */
  parentIndex: number;
  /** The parent object. */
  parent: { kind: 'Gateway' | 'Service'; namespace: string; name: string };
  /** The parent as `Gateway infra/edge` or `Service shop/api`, plus `/section` or `:port`. */
  parentText: string;
  /** The parent exists (otherwise nobody writes a status: `conditions` is empty). */
  parentFound: boolean;
  /** Listeners (or, for a Service parent, the port names) the route attached to. */
  attached: AttachedListener[];
  /** Accepted, then ResolvedRefs. */
  conditions: RouteCondition[];
}

const GATEWAY_GROUP_KINDS: Record<ListenerInput['protocol'], RouteKind[]> = {
  HTTP: ['HTTPRoute', 'GRPCRoute'],
  HTTPS: ['HTTPRoute', 'GRPCRoute'],
  TLS: ['TLSRoute'],
  TCP: [],
  UDP: [],
};

/** The route kinds a listener admits: `allowedRoutes.kinds` that its protocol supports, else the protocol's kinds. */
export function listenerKinds(listener: ListenerInput): RouteKind[] {
  const supported = GATEWAY_GROUP_KINDS[listener.protocol] ?? [];
  const asked = listener.allowedRoutes?.kinds;
  return asked ? asked.filter((k) => supported.includes(k)) : supported;
}

/** Whether a listener of a Gateway in `gatewayNamespace` admits routes from `routeNamespace`. */
export function namespaceAllowed(cluster: Cluster, listener: ListenerInput, gatewayNamespace: string, routeNamespace: string): boolean {
  const from = listener.allowedRoutes?.from ?? 'Same';
  if (from === 'All') return true;
  if (from === 'Same') return routeNamespace === gatewayNamespace;
  if (from === 'None') return false;
  const labels = cluster.namespaces.find((n) => n.name === routeNamespace)?.labels ?? { 'kubernetes.io/metadata.name': routeNamespace };
  return selectorMatches(listener.allowedRoutes?.selector, labels);
}

/** Whether a ReferenceGrant in `ref`'s namespace lets `route` refer to the Service. */
export function referenceGranted(api: GatewayApi, route: ResolvedRoute, ref: RouteBackendRefInput): boolean {
  const namespace = ref.namespace ?? route.namespace;
  if (namespace === route.namespace) return true;
  return api.referenceGrants.some(
    (g) =>
      g.namespace === namespace &&
      g.from.some((f) => f.kind === route.kind && f.namespace === route.namespace) &&
      g.to.some((t) => t.kind === 'Service' && (t.name === undefined || t.name === ref.name)),
  );
}

function accepted(status: 'True' | 'False', reason: string, message: string): RouteCondition {
  return { type: 'Accepted', status, reason, message };
}

/** The ResolvedRefs condition: the first backendRef that does not resolve decides the reason. */
export function resolvedRefs(cluster: Cluster, api: GatewayApi, route: ResolvedRoute): RouteCondition {
  for (const rule of route.rules) {
    for (const ref of rule.backendRefs) {
      const namespace = ref.namespace ?? route.namespace;
      const what = `backendRef ${namespace}/${ref.name}:${ref.port}`;
      if ((ref.kind ?? 'Service') !== 'Service') {
        return { type: 'ResolvedRefs', status: 'False', reason: 'InvalidKind', message: `${what} is a ${ref.kind}, not a Service` };
      }
      if (!referenceGranted(api, route, ref)) {
        return { type: 'ResolvedRefs', status: 'False', reason: 'RefNotPermitted', message: `${what} is in another namespace and no ReferenceGrant in ${namespace} allows ${route.kind}s from ${route.namespace}` };
      }
      const service = cluster.services.find((s) => s.namespace === namespace && s.name === ref.name);
      if (!service || !service.ports.some((p) => p.port === ref.port)) {
        return { type: 'ResolvedRefs', status: 'False', reason: 'BackendNotFound', message: `${what}: ${service ? 'the Service has no such port' : 'no such Service'}` };
      }
    }
  }
  return { type: 'ResolvedRefs', status: 'True', reason: 'ResolvedRefs', message: 'every backendRef resolves' };
}

function parentText(route: ResolvedRoute, p: ParentRefInput): string {
  const suffix = p.sectionName ? `/${p.sectionName}` : p.port ? `:${p.port}` : '';
  return `${p.kind ?? 'Gateway'} ${p.namespace ?? route.namespace}/${p.name}${suffix}`;
}

function gatewayParent(cluster: Cluster, api: GatewayApi, route: ResolvedRoute, p: ParentRefInput): Pick<RouteParentStatus, 'parentFound' | 'attached'> & { accepted?: RouteCondition } {
  const gateway = api.gateways.find((g) => g.name === p.name && g.namespace === (p.namespace ?? route.namespace));
  if (!gateway) return { parentFound: false, attached: [] };
  const named = gateway.listeners.filter((l) => (p.sectionName === undefined || l.name === p.sectionName) && (p.port === undefined || l.port === p.port));
  if (named.length === 0) {
    return { parentFound: true, attached: [], accepted: accepted('False', 'NoMatchingParent', `Gateway ${gateway.name} has no listener${p.sectionName ? ` named ${p.sectionName}` : ''}${p.port ? ` on port ${p.port}` : ''}`) };
  }
  const allowed = named.filter((l) => listenerKinds(l).includes(route.kind) && namespaceAllowed(cluster, l, gateway.namespace, route.namespace));
  if (allowed.length === 0) {
    const names = named.map((l) => l.name).join(', ');
    return { parentFound: true, attached: [], accepted: accepted('False', 'NotAllowedByListeners', `allowedRoutes of ${names} admit no ${route.kind} from namespace ${route.namespace}`) };
  }
  const attached = allowed
    .map((l) => ({ listener: l.name, hostnames: intersectHostnames(l.hostname, route.hostnames) }))
    .filter((a) => a.hostnames === undefined || a.hostnames.length > 0);
  if (attached.length === 0) {
    const names = allowed.map((l) => `${l.name} (${l.hostname})`).join(', ');
    return { parentFound: true, attached: [], accepted: accepted('False', 'NoMatchingListenerHostname', `hostnames ${(route.hostnames ?? []).join(', ')} intersect none of ${names}`) };
  }
  return { parentFound: true, attached, accepted: accepted('True', 'Accepted', `attached to ${attached.map((a) => a.listener).join(', ')}`) };
}

function serviceParent(cluster: Cluster, route: ResolvedRoute, p: ParentRefInput): Pick<RouteParentStatus, 'parentFound' | 'attached'> & { accepted?: RouteCondition } {
  const service = cluster.services.find((s) => s.name === p.name && s.namespace === (p.namespace ?? route.namespace));
  if (!service) return { parentFound: false, attached: [] };
  const ports = service.ports.filter((sp) => (p.sectionName === undefined || sp.name === p.sectionName) && (p.port === undefined || sp.port === p.port));
  if (ports.length === 0) {
    return { parentFound: true, attached: [], accepted: accepted('False', 'NoMatchingParent', `Service ${service.name} has no port${p.sectionName ? ` named ${p.sectionName}` : ''}${p.port ? ` ${p.port}` : ''}`) };
  }
  const attached = ports.map((sp) => ({ listener: `port ${sp.port}${sp.name ? ` (${sp.name})` : ''}`, hostnames: undefined }));
  return { parentFound: true, attached, accepted: accepted('True', 'Accepted', `attached to Service ${service.name} port ${ports.map((sp) => sp.port).join(', ')}`) };
}

/** The status of every route for every parentRef, in definition order. */
export function routeParentStatuses(cluster: Cluster): RouteParentStatus[] {
  const api = cluster.gatewayApi;
  if (!api) return [];
  return api.routes.flatMap((route) =>
    route.parentRefs.map((p, parentIndex) => {
      const outcome = (p.kind ?? 'Gateway') === 'Service' ? serviceParent(cluster, route, p) : gatewayParent(cluster, api, route, p);
      const conditions = outcome.accepted ? [outcome.accepted, resolvedRefs(cluster, api, route)] : [];
      return {
        route,
        routeRef: `${route.kind} ${route.namespace}/${route.name}`,
        parentIndex,
        parent: { kind: p.kind ?? 'Gateway', namespace: p.namespace ?? route.namespace, name: p.name },
        parentText: parentText(route, p),
        parentFound: outcome.parentFound,
        attached: outcome.attached,
        conditions,
      };
    }),
  );
}

/** `status.listeners[].attachedRoutes` of a Gateway: accepted routes per listener, in listener order. */
export function attachedRouteCounts(cluster: Cluster, gatewayRef: string): Array<{ listener: string; attachedRoutes: number }> {
  const [namespace, name] = splitRef(gatewayRef);
  const gateway = cluster.gatewayApi?.gateways.find((g) => g.namespace === namespace && g.name === name);
  if (!gateway) throw new Error(`Cluster "${cluster.name}" has no Gateway "${gatewayRef}".`);
  const statuses = routeParentStatuses(cluster).filter((s) => isParent(s, 'Gateway', gateway.namespace, gateway.name));
  return gateway.listeners.map((l) => ({
    listener: l.name,
    attachedRoutes: new Set(statuses.filter((s) => s.attached.some((a) => a.listener === l.name)).map((s) => s.routeRef)).size,
  }));
}

/** Whether a status is for the parent `kind namespace/name`. */
export function isParent(status: RouteParentStatus, kind: 'Gateway' | 'Service', namespace: string, name: string): boolean {
  return status.parent.kind === kind && status.parent.namespace === namespace && status.parent.name === name;
}
