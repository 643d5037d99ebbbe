/**
 * Every value of the model's string unions that validation checks, listed once. Each list is
 * tied to its type in types.ts by `satisfies Record<T, true>`: the compiler rejects a list that
 * misses a member or adds one, so a new value goes into types.ts and here, or `npm run check` fails.
 * (types.ts stays the single source of the reference page, which prints its unions as written.)
 */
import type { ClusterDnsInput, DnsPolicy, HttpPathRule, LabelSelectorOperator, NetworkPolicyInput, PodsMode, Protocol, ServiceInput, ServiceType, TrafficDistribution } from './types.ts';

/** `spec.dnsPolicy` values. */
export const DNS_POLICIES = Object.keys({
  ClusterFirst: true,
  ClusterFirstWithHostNet: true,
  Default: true,
  None: true,
} satisfies Record<DnsPolicy, true>);

/** `spec.type` values of a Service. */
export const SERVICE_TYPES = Object.keys({
  ClusterIP: true,
  NodePort: true,
  LoadBalancer: true,
  ExternalName: true,
} satisfies Record<ServiceType, true>);

/** Cluster DNS server implementations. */
export const DNS_PROVIDERS = Object.keys({ coredns: true, 'kube-dns': true } satisfies Record<NonNullable<ClusterDnsInput['provider']>, true>);
/** CoreDNS kubernetes plugin `pods` modes (plugin/kubernetes/kubernetes.go podMode*). */
export const DNS_PODS_MODES = Object.keys({ insecure: true, verified: true, disabled: true } satisfies Record<PodsMode, true>);

/** NetworkPolicy `policyTypes` values. */
export const POLICY_TYPES = Object.keys({ Ingress: true, Egress: true } satisfies Record<NonNullable<NetworkPolicyInput['policyTypes']>[number], true>);

/** Port protocols the API accepts (pkg/apis/core/validation: supportedPortProtocols). */
export const PROTOCOLS = Object.keys({ TCP: true, UDP: true, SCTP: true } satisfies Record<Protocol, true>);

/** `matchExpressions` operators (metav1.LabelSelectorOperator). */
export const SELECTOR_OPERATORS = Object.keys({ In: true, NotIn: true, Exists: true, DoesNotExist: true } satisfies Record<LabelSelectorOperator, true>);

/** `spec.externalTrafficPolicy` and `spec.internalTrafficPolicy` values of a Service. */
export const TRAFFIC_POLICIES = Object.keys({ Cluster: true, Local: true } satisfies Record<NonNullable<ServiceInput['externalTrafficPolicy'] | ServiceInput['internalTrafficPolicy']>, true>);

/** `spec.sessionAffinity` values of a Service. */
export const SESSION_AFFINITIES = Object.keys({ None: true, ClientIP: true } satisfies Record<NonNullable<ServiceInput['sessionAffinity']>, true>);

/** Ingress `pathType` values (networking/v1 PathType). */
export const PATH_TYPES = Object.keys({ Prefix: true, Exact: true, ImplementationSpecific: true } satisfies Record<NonNullable<HttpPathRule['pathType']>, true>);

/** `spec.trafficDistribution` values of a Service (core/v1 ServiceTrafficDistribution*). */
export const TRAFFIC_DISTRIBUTIONS = Object.keys({ PreferClose: true, PreferSameZone: true, PreferSameNode: true } satisfies Record<TrafficDistribution, true>);
