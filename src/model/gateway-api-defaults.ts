/**
 * Defaults of the Gateway API block: namespaces (`default` when unset, a parentRef's or
 * backendRef's namespace is the route's unless given) and the flat list of routes of every kind.
 */
import type { GatewayApi, GatewayApiInput } from './gateway-api-types.ts';

const DEFAULT_NAMESPACE = 'default';

function list<T>(value: T[] | undefined): T[] {
  return Array.isArray(value) ? value : [];
}

function ns<T extends { namespace?: string }>(item: T): T & { namespace: string } {
  return { ...item, namespace: item.namespace ?? DEFAULT_NAMESPACE };
}

/** The Gateway API block with defaults applied (an absent block is an empty one). */
export function resolveGatewayApi(input: GatewayApiInput | undefined): GatewayApi {
  const api = input ?? {};
  return {
    gatewayClasses: list(api.gatewayClasses),
    gateways: list(api.gateways).map(ns),
    routes: [
      ...list(api.httpRoutes).map((r) => ({ ...ns(r), kind: 'HTTPRoute' as const })),
      ...list(api.grpcRoutes).map((r) => ({ ...ns(r), kind: 'GRPCRoute' as const })),
      ...list(api.tlsRoutes).map((r) => ({ ...ns(r), kind: 'TLSRoute' as const })),
    ],
    referenceGrants: list(api.referenceGrants).map(ns),
    backendTlsPolicies: list(api.backendTlsPolicies).map(ns),
  };
}

/** Every namespace the block's objects live in (so the cluster lists them, with their labels). */
export function gatewayApiNamespaces(api: GatewayApi): string[] {
  return [...api.gateways, ...api.routes, ...api.referenceGrants, ...api.backendTlsPolicies].map((o) => o.namespace);
}
