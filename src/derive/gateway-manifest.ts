/**
 * The YAML a reader would `kubectl apply` for a cluster's Gateway API objects: GatewayClass,
 * Gateway, HTTPRoute, GRPCRoute, TLSRoute, ReferenceGrant and BackendTLSPolicy as
 * `gateway.networking.k8s.io/v1` (the first three GA since v1.0.0, GRPCRoute since v1.1,
 * BackendTLSPolicy v1 since v1.4, TLSRoute and ReferenceGrant v1 since v1.5). Only
 * the fields the definition sets are written (what the API leaves out or defaults stays out, as in the upstream
 * examples under kubernetes-sigs/gateway-api examples/standard); keys come in the order of those
 * examples (listeners: name, protocol, port) and otherwise of the Go types in apis/v1. Namespaced
 * objects carry their namespace, `default` when the definition leaves it out.
 */
import { stringify } from 'yaml';
import type { BackendTlsPolicyInput, Cluster, GatewayClassInput, GatewayInput, GatewayHttpRouteInput, GrpcRouteInput, GrpcRouteMatchInput, TlsRouteInput, ResolvedRoute, HttpRouteMatchInput, ListenerInput, ParentRefInput, ReferenceGrantInput, RouteBackendRefInput } from '../model/types.ts';
import { splitRef } from './lookup.ts';

/** API group and version of the objects written. */
export const GATEWAY_API_VERSION = 'gateway.networking.k8s.io/v1';

/** Kinds this module writes. */
export type GatewayManifestKind = 'GatewayClass' | 'Gateway' | 'HTTPRoute' | 'GRPCRoute' | 'TLSRoute' | 'ReferenceGrant' | 'BackendTLSPolicy';

type Fields = Record<string, unknown>;

/** Copies the listed keys that are set, in the listed order. */
function pick<T extends object>(from: T, keys: Array<keyof T>): Fields {
  const out: Fields = {};
  for (const key of keys) if (from[key] !== undefined) out[key as string] = from[key];
  return out;
}

/** The GatewayClass object. */
export function gatewayClassObject(gc: GatewayClassInput): Fields {
  return { apiVersion: GATEWAY_API_VERSION, kind: 'GatewayClass', metadata: { name: gc.name }, spec: { controllerName: gc.controllerName } };
}

function listenerObject(l: ListenerInput): Fields {
  const allowed = l.allowedRoutes;
  const namespaces = allowed && (allowed.from !== undefined || allowed.selector !== undefined) ? { namespaces: pick(allowed, ['from', 'selector']) } : {};
  const kinds = allowed?.kinds ? { kinds: allowed.kinds.map((kind) => ({ kind })) } : {};
  return {
    ...pick(l, ['name', 'protocol', 'port', 'hostname']),
    ...(l.tlsMode !== undefined || l.certificateRefs !== undefined
      ? { tls: { ...(l.tlsMode !== undefined ? { mode: l.tlsMode } : {}), ...(l.certificateRefs ? { certificateRefs: l.certificateRefs.map((name) => ({ name })) } : {}) } }
      : {}),
    ...(allowed && (namespaces.namespaces || kinds.kinds) ? { allowedRoutes: { ...namespaces, ...kinds } } : {}),
  };
}

/** The Gateway object. */
export function gatewayObject(gw: GatewayInput & { namespace: string }): Fields {
  return {
    apiVersion: GATEWAY_API_VERSION,
    kind: 'Gateway',
    metadata: { name: gw.name, namespace: gw.namespace },
    spec: { gatewayClassName: gw.gatewayClassName, listeners: gw.listeners.map(listenerObject) },
  };
}

const parentRef = (p: ParentRefInput): Fields => pick(p, ['kind', 'namespace', 'name', 'sectionName', 'port']);
const backendRef = (b: RouteBackendRefInput): Fields => pick(b, ['kind', 'name', 'namespace', 'port', 'weight']);
const match = (m: HttpRouteMatchInput): Fields => ({
  ...(m.path ? { path: pick(m.path, ['type', 'value']) } : {}),
  ...pick(m, ['headers', 'queryParams', 'method']),
});

/** What HTTPRoute, GRPCRoute and TLSRoute share: parentRefs, hostnames, rules of (name, matches, backendRefs). */
interface RouteShape<M> {
  name: string;
  namespace: string;
  parentRefs: ParentRefInput[];
  hostnames?: string[] | undefined;
  rules: Array<{ name?: string | undefined; matches?: M[] | undefined; backendRefs: RouteBackendRefInput[] }>;
}

/** A route object of `kind`; each rule's matches written by `matchFields` (`creationTimestamp` is the API server's to set, so it is left out). */
function routeObject<M>(kind: GatewayManifestKind, route: RouteShape<M>, matchFields: (m: M) => Fields): Fields {
  return {
    apiVersion: GATEWAY_API_VERSION,
    kind,
    metadata: { name: route.name, namespace: route.namespace },
    spec: {
      parentRefs: route.parentRefs.map(parentRef),
      ...(route.hostnames?.length ? { hostnames: route.hostnames } : {}),
      rules: route.rules.map((rule) => ({
        ...(rule.name !== undefined ? { name: rule.name } : {}),
        ...(rule.matches ? { matches: rule.matches.map(matchFields) } : {}),
        backendRefs: rule.backendRefs.map(backendRef),
      })),
    },
  };
}

/** The HTTPRoute object. */
export function httpRouteObject(route: GatewayHttpRouteInput & { namespace: string }): Fields {
  return routeObject('HTTPRoute', route, match);
}

const grpcMatch = (m: GrpcRouteMatchInput): Fields => ({
  ...(m.method ? { method: pick(m.method, ['service', 'method']) } : {}),
  ...pick(m, ['headers']),
});

/** The GRPCRoute object (apis/v1/grpcroute_types.go: parentRefs, hostnames, rules; a match is method, then headers). */
export function grpcRouteObject(route: GrpcRouteInput & { namespace: string }): Fields {
  return routeObject('GRPCRoute', route, grpcMatch);
}

/** The TLSRoute object (apis/v1/tlsroute_types.go: parentRefs, hostnames, rules of backends only). */
export function tlsRouteObject(route: TlsRouteInput & { namespace: string }): Fields {
  return routeObject<never>('TLSRoute', route, () => ({}));
}

// Routes are in this group; a Service or ConfigMap is in the core group, written "" as upstream does.
const GATEWAY_GROUP = 'gateway.networking.k8s.io';

/** The ReferenceGrant object (`group` is required in `from` and `to`). */
export function referenceGrantObject(grant: ReferenceGrantInput & { namespace: string }): Fields {
  return {
    apiVersion: GATEWAY_API_VERSION,
    kind: 'ReferenceGrant',
    metadata: { name: grant.name, namespace: grant.namespace },
    spec: {
      from: grant.from.map((f) => ({ group: GATEWAY_GROUP, kind: f.kind, namespace: f.namespace })),
      to: grant.to.map((t) => ({ group: '', kind: t.kind, ...pick(t, ['name']) })),
    },
  };
}

/** The BackendTLSPolicy object (CA ConfigMaps or the well-known CAs, then the host name, as upstream writes them). */
export function backendTlsPolicyObject(policy: BackendTlsPolicyInput & { namespace: string }): Fields {
  const cas = policy.caCertificateRefs?.length ? { caCertificateRefs: policy.caCertificateRefs.map((name) => ({ group: '', kind: 'ConfigMap', name })) } : {};
  return {
    apiVersion: GATEWAY_API_VERSION,
    kind: 'BackendTLSPolicy',
    metadata: { name: policy.name, namespace: policy.namespace },
    spec: {
      targetRefs: policy.targetRefs.map((t) => ({ group: '', kind: t.kind, name: t.name, ...pick(t, ['sectionName']) })),
      validation: { ...cas, ...pick(policy, ['wellKnownCACertificates', 'hostname']) },
    },
  };
}

/**
 * The object of `kind` named `ref` in the cluster's `gatewayApi`: a GatewayClass by name, any
 * other kind by `namespace/name` (or a bare name in `default`). Throws when absent.
 */
export function gatewayApiObject(cluster: Cluster, kind: GatewayManifestKind, ref: string): Fields {
  const api = cluster.gatewayApi;
  const missing = () => new Error(`Cluster "${cluster.name}" has no ${kind} "${ref}" in gatewayApi.`);
  if (kind === 'GatewayClass') {
    const gc = api?.gatewayClasses?.find((c) => c.name === ref);
    if (!gc) throw missing();
    return gatewayClassObject(gc);
  }
  const [namespace, name] = splitRef(ref);
  const named = <T extends { namespace: string; name: string }>(list: T[] | undefined): T => {
    const found = list?.find((o) => o.namespace === namespace && o.name === name);
    if (!found) throw missing();
    return found;
  };
  if (kind === 'Gateway') return gatewayObject(named(api?.gateways));
  if (kind === 'ReferenceGrant') return referenceGrantObject(named(api?.referenceGrants));
  if (kind === 'BackendTLSPolicy') return backendTlsPolicyObject(named(api?.backendTlsPolicies));
  const routes = <K extends ResolvedRoute['kind']>(k: K) => api?.routes.filter((r): r is Extract<ResolvedRoute, { kind: K }> => r.kind === k);
  if (kind === 'GRPCRoute') return grpcRouteObject(named(routes('GRPCRoute')));
  if (kind === 'TLSRoute') return tlsRouteObject(named(routes('TLSRoute')));
  return httpRouteObject(named(routes('HTTPRoute')));
}

/** That object as one YAML document. */
export function gatewayApiManifest(cluster: Cluster, kind: GatewayManifestKind, ref: string): string {
  return stringify(gatewayApiObject(cluster, kind, ref), { lineWidth: 0 });
}
