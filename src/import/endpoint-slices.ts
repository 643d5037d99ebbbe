/**
 * EndpointSlice objects (discovery.k8s.io/v1) -> imported slices. The model derives endpoints
 * from Service selectors and treats every selected pod as ready, so the slices are kept beside
 * the model (for the page and for a later model that reads conditions), and what they say that
 * the model cannot (not-ready or terminating endpoints, topology hints, IPv6 slices, endpoints of
 * pods missing from the paste) becomes a warning.
 * Field reference: kubernetes.io/docs/reference/kubernetes-api/service-resources/endpoint-slice-v1.
 */
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
  /** `addressType`: IPv4, IPv6 or FQDN. */
  addressType: string;
  /** Ports: name, protocol, port. */
  ports: Array<{ name: string; protocol: string; port?: number }>;
  /** Endpoints. */
  endpoints: ImportedEndpoint[];
  /** Where the slice object is. */
  at: Location;
}

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

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
  const service = metadata?.stringMap('labels')?.[SERVICE_NAME_LABEL];
  const slice: ImportedEndpointSlice = {
    name,
    namespace,
    ...(service ? { service } : {}),
    addressType: read.string('addressType') ?? 'IPv4',
    ports: read.objects('ports').map((p) => {
      const port = p.integer('port');
      return { name: p.string('name') ?? '', protocol: p.string('protocol') ?? 'TCP', ...(port !== undefined ? { port } : {}) };
    }),
    endpoints: read.objects('endpoints').map(endpointOf),
    at: read.location,
  };
  const ref = `${namespace}/${name}`;
  if (slice.addressType !== 'IPv4') {
    issues.warning(read.at('addressType'), `EndpointSlice ${ref} holds ${slice.addressType} addresses, which the model does not show (IPv4 only)`);
  }
  slice.endpoints.forEach((e, i) => {
    if (!e.ready) {
      const state = e.terminating ? (e.serving ? 'terminating but still serving' : 'terminating') : 'not ready';
      issues.warning(read.at(`endpoints[${i}].conditions`), `endpoint ${e.addresses.join(', ')} of EndpointSlice ${ref} is ${state}; the model treats every selected pod as ready`);
    }
  });
  const hinted = slice.endpoints.filter((e) => e.hintZones);
  if (hinted.length > 0) {
    const zones = [...new Set(hinted.flatMap((e) => e.hintZones ?? []))].join(', ');
    issues.warning(read.at('endpoints'), `topology hints of EndpointSlice ${ref} (${hinted.length} endpoint(s), zones ${zones}) are not modelled: kube-proxy would prefer same-zone endpoints`);
  }
  return slice;
}

/** Warnings from EndpointSlices about what the model derives differently. */
export function checkSlices(slices: readonly ImportedEndpointSlice[], services: readonly ImportedService[], pods: readonly ImportedPod[], issues: IssueCollector): void {
  const known = new Set(pods.map((p) => p.reportedIP));
  const byRef = new Map(services.map((s) => [`${s.service.namespace}/${s.service.name}`, s]));
  for (const slice of slices) {
    if (slice.addressType !== 'IPv4') continue;
    const ref = `${slice.namespace}/${slice.name}`;
    const service = slice.service ? byRef.get(`${slice.namespace}/${slice.service}`) : undefined;
    const addresses = slice.endpoints.flatMap((e) => e.addresses);
    if (service && !service.service.selector && addresses.length > 0) {
      issues.warning(slice.at, `Service ${slice.namespace}/${slice.service} has no selector; its ${addresses.length} endpoint(s) come from this EndpointSlice, which the model does not read yet`);
      continue;
    }
    const missing = addresses.filter((a) => !known.has(a));
    if (service && missing.length > 0) {
      issues.warning(slice.at, `${missing.length} of ${addresses.length} endpoint(s) of EndpointSlice ${ref} (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', ...' : ''}) are not pods in the paste, so the model cannot show them`);
    }
  }
}
