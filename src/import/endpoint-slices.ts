/**
 * EndpointSlice objects (discovery.k8s.io/v1) -> imported slices. The model derives endpoints
 * from Service selectors and each pod's conditions (ready, terminating); kube-proxy reads the
 * slices, so a slice endpoint's conditions are copied onto the pod it names (`applySliceConditions`).
 * The slices are also kept beside the model for the page, and what they say that the model cannot
 * (hints of the topology-mode annotation, FQDN slices, endpoints of pods missing from the paste, IPv6 slices of selectorless Services)
 * becomes a warning.
 * Field reference: kubernetes.io/docs/reference/kubernetes-api/service-resources/endpoint-slice-v1.
 */
import { MANAGED_BY_LABEL, SERVICE_NAME_LABEL } from '../model/defaults.ts';
import type { EndpointSliceInput, Protocol } from '../model/types.ts';
import type { IssueCollector, Location } from './issues.ts';
import type { ImportedPod } from './pods.ts';
import type { Reader } from './read.ts';
import type { ImportedService } from './services.ts';

/** One endpoint of a slice. */
export interface ImportedEndpoint {
  /** `addresses` (one for IPv4/IPv6 slices). */
  addresses: string[];
  /** `conditions.ready`; nil means ready (API reference: "should be interpreted as true"). */
  ready: boolean;
  /** `conditions.serving`; nil means the same as ready. */
  serving: boolean;
  /** `conditions.terminating`; nil means false. */
  terminating: boolean;
  /** `nodeName`, when set. */
  nodeName?: string;
  /** `zone`, when set. */
  zone?: string;
  /** `hints.forZones[].name`, when set. */
  hintZones?: string[];
  /** `targetRef` as `Kind/namespace/name`, when set. */
  targetRef?: string;
}

/** One EndpointSlice. */
export interface ImportedEndpointSlice {
  /** Slice name. */
  name: string;
  /** Namespace. */
  namespace: string;
  /** The owning Service (label `kubernetes.io/service-name`), when labelled. */
  service?: string;
  /** Label `endpointslice.kubernetes.io/managed-by`, when set. */
  managedBy?: string;
  /** `addressType`: IPv4, IPv6 or FQDN. */
  addressType: string;
  /** Ports: name, protocol, port. */
  ports: Array<{ name: string; protocol: string; port?: number }>;
  /** Endpoints. */
  endpoints: ImportedEndpoint[];
  /** Where the slice object is. */
  at: Location;
}

// A dual-stack Service has one set of slices per family; both are read (FQDN slices are not).
const IP_TYPES = ['IPv4', 'IPv6'];

function endpointOf(e: Reader): ImportedEndpoint {
  const conditions = e.object('conditions');
  const ready = conditions?.boolean('ready') ?? true;
  const endpoint: ImportedEndpoint = {
    addresses: e.strings('addresses'),
    ready,
    serving: conditions?.boolean('serving') ?? ready,
    terminating: conditions?.boolean('terminating') ?? false,
  };
  const nodeName = e.string('nodeName');
  if (nodeName) endpoint.nodeName = nodeName;
  const zone = e.string('zone');
  if (zone) endpoint.zone = zone;
  const hints = e.object('hints')?.objects('forZones').map((z) => z.string('name') ?? '').filter(Boolean);
  if (hints && hints.length > 0) endpoint.hintZones = hints;
  const target = e.object('targetRef');
  if (target) endpoint.targetRef = `${target.string('kind') ?? '?'}/${target.string('namespace') ?? '?'}/${target.string('name') ?? '?'}`;
  return endpoint;
}

/** Reads an EndpointSlice; undefined (with an error) when it has no name. */
export function importEndpointSlice(read: Reader, issues: IssueCollector): ImportedEndpointSlice | undefined {
  const metadata = read.object('metadata');
  const name = metadata?.string('name');
  if (!name) {
    issues.error(read.at('metadata.name'), 'an EndpointSlice without a name was left out');
    return undefined;
  }
  const namespace = metadata?.string('namespace') ?? 'default';
  const labels = metadata?.stringMap('labels');
  const service = labels?.[SERVICE_NAME_LABEL];
  const managedBy = labels?.[MANAGED_BY_LABEL];
  const slice: ImportedEndpointSlice = {
    name,
    namespace,
    ...(service ? { service } : {}),
    ...(managedBy ? { managedBy } : {}),
    addressType: read.string('addressType') ?? 'IPv4',
    ports: read.objects('ports').map((p) => {
      const port = p.integer('port');
      return { name: p.string('name') ?? '', protocol: p.string('protocol') ?? 'TCP', ...(port !== undefined ? { port } : {}) };
    }),
    endpoints: read.objects('endpoints').map(endpointOf),
    at: read.location,
  };
  const ref = `${namespace}/${name}`;
  if (!IP_TYPES.includes(slice.addressType)) {
    issues.warning(read.at('addressType'), `EndpointSlice ${ref} holds ${slice.addressType} addresses, which the model does not show (IPv4 and IPv6 only)`);
  }
  return slice;
}

/** Warnings from EndpointSlices about what the model derives differently. */
export function checkSlices(slices: readonly ImportedEndpointSlice[], services: readonly ImportedService[], pods: readonly ImportedPod[], issues: IssueCollector): void {
  const known = new Set(pods.flatMap((p) => p.reportedIPs ?? [p.reportedIP]));
  const byRef = new Map(services.map((s) => [`${s.service.namespace}/${s.service.name}`, s]));
  for (const slice of slices) {
    if (!IP_TYPES.includes(slice.addressType)) continue;
    const ref = `${slice.namespace}/${slice.name}`;
    const service = slice.service ? byRef.get(`${slice.namespace}/${slice.service}`) : undefined;
    const addresses = slice.endpoints.flatMap((e) => e.addresses);
    // A selectorless Service's IPv4 slices are read into the model (selectorlessSlices).
    if (service && !service.service.selector) {
      if (slice.addressType === 'IPv6') issues.warning(slice.at, `EndpointSlice ${ref} of Service ${slice.namespace}/${slice.service} (no selector) is not shown: the model's hand-written EndpointSlices are IPv4`);
      continue;
    }
    // The model derives hints from the Service's trafficDistribution and the node zones; hints
    // on a Service without one come from the topology-mode annotation, whose heuristic is not modelled.
    const hinted = slice.endpoints.filter((e) => e.hintZones);
    if (service && hinted.length > 0 && !service.service.trafficDistribution) {
      const zones = [...new Set(hinted.flatMap((e) => e.hintZones ?? []))].join(', ');
      issues.warning(slice.at, `topology hints of EndpointSlice ${ref} (${hinted.length} endpoint(s), zones ${zones}) come from the topology-mode annotation, which the model does not show: kube-proxy follows them`);
    }
    const missing = addresses.filter((a) => !known.has(a));
    if (service && missing.length > 0) {
      issues.warning(slice.at, `${missing.length} of ${addresses.length} endpoint(s) of EndpointSlice ${ref} (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', ...' : ''}) are not pods in the paste, so the model cannot show them`);
    }
  }
}

/** The conditions as `ready/serving/terminating` words, for messages. */
function conditionsText(c: { ready: boolean; serving: boolean; terminating: boolean }): string {
  return `ready=${c.ready} serving=${c.serving} terminating=${c.terminating}`;
}

/**
 * Copies each slice endpoint's conditions onto the pod it is (by `targetRef`, else by address),
 * as kube-proxy acts on the slices, not on pod status (pkg/proxy/endpointslicecache.go). The model
 * holds `ready` = the serving condition (the pod's Ready) and `terminating`; its `ready` endpoint
 * condition is then serving and not terminating, as the slice controller writes it. Where the
 * pod's own status said otherwise (the dump caught them at different moments), a warning says so.
 */
export function applySliceConditions(slices: readonly ImportedEndpointSlice[], pods: readonly ImportedPod[], issues: IssueCollector): void {
  const byRef = new Map(pods.map((p) => [`Pod/${p.pod.namespace ?? 'default'}/${p.pod.name}`, p]));
  const byIP = new Map(pods.filter((p) => !p.pod.hostNetwork).flatMap((p) => (p.reportedIPs ?? [p.reportedIP]).filter(Boolean).map((ip) => [ip, p] as const)));
  for (const slice of slices) {
    if (!IP_TYPES.includes(slice.addressType)) continue;
    slice.endpoints.forEach((e) => {
      const pod = (e.targetRef ? byRef.get(e.targetRef) : undefined) ?? byIP.get(e.addresses[0] ?? '');
      if (!pod) return;
      const before = { ready: pod.pod.ready !== false && pod.pod.terminating !== true, serving: pod.pod.ready !== false, terminating: pod.pod.terminating === true };
      if (before.serving === e.serving && before.terminating === e.terminating) return;
      if (e.serving) delete pod.pod.ready;
      else pod.pod.ready = false;
      if (e.terminating) pod.pod.terminating = true;
      else delete pod.pod.terminating;
      issues.warning(
        slice.at,
        `EndpointSlice ${slice.namespace}/${slice.name} says pod ${pod.pod.namespace ?? 'default'}/${pod.pod.name} is ${conditionsText(e)}, its status said ${conditionsText(before)}; the slice's conditions are used, as kube-proxy reads the slices`,
      );
    });
  }
}

/**
 * The IPv4 slices of the Services without a selector, as model EndpointSlices: kube-proxy sends
 * those Services' traffic to whatever the slices list (a database outside the cluster, say).
 * A `nodeName` of a node missing from the paste is dropped (the endpoint is then not local to any
 * node), as are endpoints without an address.
 */
export function selectorlessSlices(slices: readonly ImportedEndpointSlice[], services: readonly ImportedService[], nodeNames: ReadonlySet<string>): EndpointSliceInput[] {
  const selectorless = new Set(services.filter((s) => !s.service.selector).map((s) => `${s.service.namespace ?? 'default'}/${s.service.name}`));
  return slices
    .filter((s) => s.addressType === 'IPv4' && s.service !== undefined && selectorless.has(`${s.namespace}/${s.service}`))
    .map((s): EndpointSliceInput => ({
      name: s.name,
      ...(s.namespace !== 'default' ? { namespace: s.namespace } : {}),
      service: s.service!,
      ...(s.managedBy ? { managedBy: s.managedBy } : {}),
      ports: s.ports.flatMap((p) => (p.port === undefined ? [] : [{
        ...(p.name ? { name: p.name } : {}),
        ...(p.protocol !== 'TCP' ? { protocol: p.protocol as Protocol } : {}),
        port: p.port,
      }])),
      endpoints: s.endpoints.filter((e) => e.addresses.length > 0).map((e) => ({
        addresses: [...e.addresses],
        ...(e.ready ? {} : { ready: false }),
        ...(e.serving ? {} : { serving: false }),
        ...(e.terminating ? { terminating: true } : {}),
        ...(e.nodeName && nodeNames.has(e.nodeName) ? { nodeName: e.nodeName } : {}),
      })),
    }));
}
