/**
 * Gateway API objects of a cluster definition (group `gateway.networking.k8s.io`), shaped like
 * the upstream types in kubernetes-sigs/gateway-api `apis/v1` (gatewayclass_types.go, gateway_types.go,
 * httproute_types.go, grpcroute_types.go, tlsroute_types.go, referencegrant_types.go,
 * backendtlspolicy_types.go), reduced to the fields that decide attachment and routing.
 * Namespaces default to `default`, as `kubectl apply` without `-n` does.
 */
import type { LabelSelector } from './types.ts';

/** Listener `protocol` (ProtocolType; the core values). */
export type ListenerProtocol = 'HTTP' | 'HTTPS' | 'TLS' | 'TCP' | 'UDP';

/** Route kinds this model evaluates. */
export type RouteKind = 'HTTPRoute' | 'GRPCRoute' | 'TLSRoute';

/** `allowedRoutes` of a listener. */
export interface AllowedRoutesInput {
  /** `namespaces.from`: `Same` (the default), `All`, `Selector` or `None`. */
  from?: 'Same' | 'All' | 'Selector' | 'None';
  /** `namespaces.selector`, required with `from: Selector`. */
  selector?: LabelSelector;
  /** `kinds`; defaults to the kinds the listener's protocol supports. */
  kinds?: RouteKind[];
}

/** One listener of a Gateway. */
export interface ListenerInput {
  /** Listener name (a DNS-1123 label), unique in the Gateway; routes name it in `sectionName`. */
  name: string;
  /** Protocol. */
  protocol: ListenerProtocol;
  /** Port. */
  port: number;
  /** Optional host name, exact or with one leading `*.` wildcard label. */
  hostname?: string;
  /** `tls.mode` for HTTPS and TLS listeners: `Terminate` (default) or `Passthrough`. */
  tlsMode?: 'Terminate' | 'Passthrough';
  /** `tls.certificateRefs` for a terminating listener: names of Secrets in the Gateway's namespace. */
  certificateRefs?: string[];
  /** Which routes may attach. */
  allowedRoutes?: AllowedRoutesInput;
}

/** A GatewayClass (cluster-scoped): the controller that serves the Gateways naming it. */
export interface GatewayClassInput {
  /** Name, what a Gateway's `gatewayClassName` refers to. */
  name: string;
  /** `spec.controllerName`: a domain-prefixed path, e.g. `example.com/gateway-controller`. */
  controllerName: string;
}

/** A Gateway. */
export interface GatewayInput {
  /** Name. */
  name: string;
  /** Namespace; defaults to `default`. */
  namespace?: string;
  /** `spec.gatewayClassName`. */
  gatewayClassName: string;
  /** Listeners. */
  listeners: ListenerInput[];
}

/** A `parentRefs` entry: a Gateway (ingress) or a Service (GAMMA, service mesh). */
export interface ParentRefInput {
  /** `kind`: `Gateway` (default) or `Service`. */
  kind?: 'Gateway' | 'Service';
  /** Name of the Gateway or Service. */
  name: string;
  /** Namespace; defaults to the route's. */
  namespace?: string;
  /** `sectionName`: a listener name (Gateway) or port name (Service). */
  sectionName?: string;
  /** `port`: a listener port (Gateway) or Service port. */
  port?: number;
}

/** A `backendRefs` entry (a Service port), optionally in another namespace. */
export interface RouteBackendRefInput {
  /** `kind`; only `Service` is resolved (anything else is `InvalidKind`). */
  kind?: string;
  /** Service name. */
  name: string;
  /** Namespace; defaults to the route's (another needs a ReferenceGrant there). */
  namespace?: string;
  /** Service port. */
  port: number;
  /** Weight; defaults to 1. */
  weight?: number;
}

/** An exact-value name/value match (header or query parameter). */
export interface NameValueMatch {
  /** Header or parameter name. */
  name: string;
  /** Exact value. */
  value: string;
}

/** An HTTPRouteMatch: every condition set must hold. */
export interface HttpRouteMatchInput {
  /** Path match; defaults to `PathPrefix /`. */
  path?: { type?: 'Exact' | 'PathPrefix'; value: string };
  /** HTTP method. */
  method?: string;
  /** Header matches (names case-insensitive, values exact). */
  headers?: NameValueMatch[];
  /** Query parameter matches (exact). */
  queryParams?: NameValueMatch[];
}

/** An HTTPRouteRule. */
export interface HttpRouteRuleInput {
  /** Optional rule name (Standard since v1.4). */
  name?: string;
  /** Matches (any one suffices); default: one `PathPrefix /` match. */
  matches?: HttpRouteMatchInput[];
  /** Backends. */
  backendRefs: RouteBackendRefInput[];
}

/** An HTTPRoute. */
export interface GatewayHttpRouteInput {
  /** Name. */
  name: string;
  /** Namespace; defaults to `default`. */
  namespace?: string;
  /** `metadata.creationTimestamp` (RFC 3339), for the "oldest route wins" tie-break. */
  creationTimestamp?: string;
  /** Parents to attach to. */
  parentRefs: ParentRefInput[];
  /** Host names the route serves (matched against the Host header). */
  hostnames?: string[];
  /** Rules. */
  rules: HttpRouteRuleInput[];
}

/** A GRPCRouteMatch. */
export interface GrpcRouteMatchInput {
  /** `method`: gRPC service and/or method, matched exactly. */
  method?: { service?: string; method?: string };
  /** Header (metadata) matches. */
  headers?: NameValueMatch[];
}

/** A GRPCRoute. */
export interface GrpcRouteInput {
  /** Name. */
  name: string;
  /** Namespace; defaults to `default`. */
  namespace?: string;
  /** `metadata.creationTimestamp` (RFC 3339), for the "oldest route wins" tie-break. */
  creationTimestamp?: string;
  /** Parents to attach to. */
  parentRefs: ParentRefInput[];
  /** Host names the route serves (the gRPC authority). */
  hostnames?: string[];
  /** Rules. */
  rules: Array<{ name?: string; matches?: GrpcRouteMatchInput[]; backendRefs: RouteBackendRefInput[] }>;
}

/** A TLSRoute (routes by SNI; the gateway does not terminate TLS in Passthrough mode). */
export interface TlsRouteInput {
  /** Name. */
  name: string;
  /** Namespace; defaults to `default`. */
  namespace?: string;
  /** `metadata.creationTimestamp` (RFC 3339), for the "oldest route wins" tie-break. */
  creationTimestamp?: string;
  /** Parents to attach to. */
  parentRefs: ParentRefInput[];
  /** Host names: the SNI names the route serves; at least one. */
  hostnames?: string[];
  /** Rules: backends only. */
  rules: Array<{ name?: string; backendRefs: RouteBackendRefInput[] }>;
}

/** A ReferenceGrant in the namespace that owns the referenced objects. */
export interface ReferenceGrantInput {
  /** Name. */
  name: string;
  /** Namespace of the referenced objects; defaults to `default`. */
  namespace?: string;
  /** Who may refer: a route kind in a namespace. */
  from: Array<{ kind: RouteKind; namespace: string }>;
  /** What may be referred to: Services, optionally one by name. */
  to: Array<{ kind: 'Service'; name?: string }>;
}

/** A BackendTLSPolicy: the gateway's connection to a Service uses TLS. */
export interface BackendTlsPolicyInput {
  /** Name. */
  name: string;
  /** Namespace (the Service's); defaults to `default`. */
  namespace?: string;
  /** Target Services, in the policy's namespace. */
  targetRefs: Array<{ kind: 'Service'; name: string; sectionName?: string }>;
  /** `validation.hostname`: SNI sent and name the backend certificate must carry. */
  hostname: string;
  /** `validation.caCertificateRefs` (ConfigMap names) or `wellKnownCACertificates: System`. */
  caCertificateRefs?: string[];
  /** `validation.wellKnownCACertificates`. */
  wellKnownCACertificates?: 'System';
}

/** The Gateway API block of a cluster definition. */
export interface GatewayApiInput {
  /** GatewayClasses (optional: a Gateway may name a class the definition does not declare). */
  gatewayClasses?: GatewayClassInput[];
  /** Gateways. */
  gateways?: GatewayInput[];
  /** HTTPRoutes. */
  httpRoutes?: GatewayHttpRouteInput[];
  /** GRPCRoutes. */
  grpcRoutes?: GrpcRouteInput[];
  /** TLSRoutes. */
  tlsRoutes?: TlsRouteInput[];
  /** ReferenceGrants. */
  referenceGrants?: ReferenceGrantInput[];
  /** BackendTLSPolicies. */
  backendTlsPolicies?: BackendTlsPolicyInput[];
}

/** Makes `namespace` present. */
type Namespaced<T extends { namespace?: string }> = T & { namespace: string };

/** A route of any kind, after defaults, tagged with its kind. */
export type ResolvedRoute =
  | (Namespaced<GatewayHttpRouteInput> & { kind: 'HTTPRoute' })
  | (Namespaced<GrpcRouteInput> & { kind: 'GRPCRoute' })
  | (Namespaced<TlsRouteInput> & { kind: 'TLSRoute' });

/** The Gateway API block after defaults. */
export interface GatewayApi {
  /** GatewayClasses; a cluster built by hand may leave it out (none). */
  gatewayClasses?: GatewayClassInput[];
  /** Gateways. */
  gateways: Array<Namespaced<GatewayInput>>;
  /** Every route, HTTPRoutes, then GRPCRoutes, then TLSRoutes, each in definition order. */
  routes: ResolvedRoute[];
  /** ReferenceGrants. */
  referenceGrants: Array<Namespaced<ReferenceGrantInput>>;
  /** BackendTLSPolicies. */
  backendTlsPolicies: Array<Namespaced<BackendTlsPolicyInput>>;
}
