/**
 * The EndpointSlice objects of a Service, as `kubectl get endpointslices -o yaml` prints them
 * (keys in alphabetical order, as sigs.k8s.io/yaml writes them): those the EndpointSlice
 * controller writes for its selector, without the fields the API server makes up (name suffix,
 * uid, resourceVersion, creationTimestamp, ownerReferences, annotations), then those written by
 * hand for a Service without a selector (the definition's `endpointSlices`), under their own names.
 * Upstream: kubernetes staging/src/k8s.io/endpointslice/reconciler.go (a slice per address type
 * of the Service's ipFamilies and per distinct set of resolved ports), utils.go podToEndpoint
 * (hostname only when the pod's subdomain names the Service, endpointutil.ShouldSetHostname),
 * getEndpointAddresses (the pod IP of the slice's family) and newEndpointSlice (labels),
 * trafficdist/trafficdist.go (hints). The 100-endpoint split (--max-endpoints-per-slice) is not
 * modelled: small clusters fit in one slice.
 */
import { ENDPOINTSLICE_CONTROLLER, MANAGED_BY_LABEL, SERVICE_NAME_LABEL } from '../model/defaults.ts';
import { ofFamily, podIPs, serviceIPFamilies } from '../model/ip-families.ts';
import type { Cluster, EndpointSlice, Service } from '../model/types.ts';
import { endpointHints, nodeZone, type EndpointHints } from './endpoint-hints.ts';
import { endpointConditions, resolveTargetPort, selectedPods, type EndpointConditions } from './endpoints.ts';
import { findService } from './lookup.ts';
import { slicesOfService } from './manual-endpoints.ts';

/** One endpoint of a slice (a hand-written one may have no node and no pod behind it). */
export interface SliceObjectEndpoint {
  addresses: string[];
  conditions: EndpointConditions;
  hints?: EndpointHints;
  hostname?: string;
  nodeName?: string;
  targetRef?: { kind: 'Pod'; name: string; namespace: string };
  zone?: string;
}

/** One EndpointSlice object: the controller's (with `generateName`) or a hand-written one (with `name`). */
export interface EndpointSliceObject {
  addressType: 'IPv4' | 'IPv6';
  metadata: { name?: string; generateName?: string; namespace: string; labels: Record<string, string> };
  ports: Array<{ name: string; port: number; protocol: string }>;
  endpoints: SliceObjectEndpoint[];
}

/** The slices the controller writes for a Service with a selector (none without one), endpoints in pod declaration order. */
export function controllerEndpointSlices(cluster: Cluster, service: Service): EndpointSliceObject[] {
  const slices = new Map<string, EndpointSliceObject>();
  const families = serviceIPFamilies(service, cluster);
  for (const addressType of families) for (const pod of selectedPods(cluster, service)) {
    // getEndpointAddresses: the pod IP of the slice's family; a pod without one is left out.
    const ip = ofFamily(podIPs(pod), addressType);
    if (ip === undefined) continue;
    // getEndpointPorts: the Service ports this pod resolves, in Service port order.
    const ports = service.ports.flatMap((p) => {
      const target = resolveTargetPort(p, pod);
      return target === undefined ? [] : [{ name: p.name, port: target, protocol: p.protocol }];
    });
    const key = `${addressType} ${JSON.stringify(ports)}`;
    let slice = slices.get(key);
    if (!slice) {
      slice = {
        addressType,
        metadata: {
          generateName: `${service.name}-`,
          namespace: service.namespace,
          labels: { [MANAGED_BY_LABEL]: ENDPOINTSLICE_CONTROLLER, [SERVICE_NAME_LABEL]: service.name },
        },
        ports,
        endpoints: [],
      };
      slices.set(key, slice);
    }
    const conditions = endpointConditions(pod);
    const zone = nodeZone(cluster, pod.node);
    const hints = endpointHints(service.trafficDistribution, { conditions, nodeName: pod.node, zone });
    slice.endpoints.push({
      addresses: [ip],
      conditions,
      ...(hints ? { hints } : {}),
      // endpointutil.ShouldSetHostname: the pod's hostname, when its subdomain names this Service in its namespace.
      ...(pod.hostname !== undefined && pod.subdomain === service.name && pod.namespace === service.namespace ? { hostname: pod.hostname } : {}),
      nodeName: pod.node,
      targetRef: { kind: 'Pod', name: pod.name, namespace: pod.namespace },
      ...(zone !== undefined ? { zone } : {}),
    });
  }
  return [...slices.values()];
}

/** A hand-written slice as an object: its own name, its managed-by label, conditions in full. */
export function handWrittenEndpointSlice(slice: EndpointSlice): EndpointSliceObject {
  return {
    addressType: slice.addressType,
    metadata: {
      name: slice.name,
      namespace: slice.namespace,
      labels: { [MANAGED_BY_LABEL]: slice.managedBy, [SERVICE_NAME_LABEL]: slice.service },
    },
    ports: slice.ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol })),
    endpoints: slice.endpoints.map((e) => ({
      addresses: [...e.addresses],
      conditions: { ready: e.ready, serving: e.serving, terminating: e.terminating },
      ...(e.nodeName !== undefined ? { nodeName: e.nodeName } : {}),
    })),
  };
}

/** Every slice kube-proxy reads for a Service: the controller's, then the hand-written ones. */
export function endpointSlices(cluster: Cluster, service: Service): EndpointSliceObject[] {
  return [...controllerEndpointSlices(cluster, service), ...slicesOfService(cluster, service).map(handWrittenEndpointSlice)];
}

// YAML scalars as sigs.k8s.io/yaml quotes them: plain unless empty, or a word YAML would read as
// another type, or containing characters with a meaning in YAML.
function scalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  const ambiguous = /^(true|false|null|~|yes|no|on|off|y|n|[-+]?(\d+|\d*\.\d+|\d+\.\d*)(e[-+]?\d+)?|0x[0-9a-f]+|\.inf|\.nan)$/i.test(value);
  return value === '' || ambiguous || /[:#{}[\],&*!|>'"%@`]|^[-?\s]|\s$/.test(value) ? `"${value.replace(/["\\]/g, '\\$&')}"` : value;
}

const named = (names: string[], indent: string) => names.map((n) => `${indent}- name: ${scalar(n)}`);

function endpointYaml(e: SliceObjectEndpoint): string[] {
  const lines = ['- addresses:', ...e.addresses.map((a) => `  - ${scalar(a)}`), '  conditions:'];
  lines.push(`    ready: ${e.conditions.ready}`, `    serving: ${e.conditions.serving}`, `    terminating: ${e.conditions.terminating}`);
  if (e.hints) {
    lines.push('  hints:');
    if (e.hints.forNodes) lines.push('    forNodes:', ...named(e.hints.forNodes, '    '));
    if (e.hints.forZones) lines.push('    forZones:', ...named(e.hints.forZones, '    '));
  }
  if (e.hostname !== undefined) lines.push(`  hostname: ${scalar(e.hostname)}`);
  if (e.nodeName !== undefined) lines.push(`  nodeName: ${scalar(e.nodeName)}`);
  if (e.targetRef) lines.push('  targetRef:', `    kind: ${e.targetRef.kind}`, `    name: ${scalar(e.targetRef.name)}`, `    namespace: ${scalar(e.targetRef.namespace)}`);
  if (e.zone !== undefined) lines.push(`  zone: ${scalar(e.zone)}`);
  return lines;
}

/** One slice as `kubectl -o yaml` prints it (the server-set fields left out). */
export function endpointSliceYaml(slice: EndpointSliceObject): string {
  const labels = Object.keys(slice.metadata.labels).sort().map((k) => `    ${scalar(k)}: ${scalar(slice.metadata.labels[k]!)}`);
  return [
    `addressType: ${slice.addressType}`,
    'apiVersion: discovery.k8s.io/v1',
    'endpoints:',
    ...slice.endpoints.flatMap(endpointYaml),
    'kind: EndpointSlice',
    'metadata:',
    ...(slice.metadata.generateName !== undefined ? [`  generateName: ${scalar(slice.metadata.generateName)}`] : []),
    '  labels:',
    ...labels,
    ...(slice.metadata.name !== undefined ? [`  name: ${scalar(slice.metadata.name)}`] : []),
    `  namespace: ${scalar(slice.metadata.namespace)}`,
    'ports:',
    ...slice.ports.flatMap((p) => [`- name: ${scalar(p.name)}`, `  port: ${p.port}`, `  protocol: ${p.protocol}`]),
    '',
  ].join('\n');
}

/** Every slice of the Service `"ns/name"` as YAML documents separated by `---`. */
export function serviceEndpointSlicesYaml(cluster: Cluster, serviceRef: string): string {
  const slices = endpointSlices(cluster, findService(cluster, serviceRef));
  return slices.map(endpointSliceYaml).join('---\n');
}
