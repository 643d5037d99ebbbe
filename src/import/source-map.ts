/**
 * Locates the model's validation findings in the paste: `nodes[1].pods[3].ip` is the Pod object
 * at `items[40]`, field `status.podIP`. The model's paths name its own fields, so the first field
 * after the object is translated to the API field it was read from.
 */
import type { Diagnostic } from '../model/diagnostics.ts';
import { formatIssue, type Location } from './issues.ts';

/** Where each model object came from, by its place in the definition. */
export interface SourceMap {
  nodes: Array<{ at: Location; pods: Location[] }>;
  services: Location[];
  networkPolicies: Location[];
  namespaces: Location[];
  /** ClusterNetworkPolicies, when the paste has any. */
  clusterNetworkPolicies?: Location[];
  /** The Service read as the cluster DNS. */
  dns?: Location;
}

/** A validation finding with the place in the paste it concerns, when known. */
export interface LocatedDiagnostic extends Diagnostic {
  /** The object (and field) in the paste. */
  source?: Location;
}

// Model field -> API field it was read from, per kind of object ('' keeps the object itself).
const POD_FIELDS: Record<string, string> = {
  name: 'metadata.name',
  namespace: 'metadata.namespace',
  labels: 'metadata.labels',
  ip: 'status.podIP',
  podIPs: 'status.podIPs',
  hostname: 'spec.hostname',
  subdomain: 'spec.subdomain',
  dnsPolicy: 'spec.dnsPolicy',
  dnsConfig: 'spec.dnsConfig',
  ports: 'spec.containers',
};
const NODE_FIELDS: Record<string, string> = { name: 'metadata.name', ip: 'status.addresses', ips: 'status.addresses', podCIDR: 'spec.podCIDR', podCIDRs: 'spec.podCIDRs' };
// Model lists whose indices are not the API list's (container ports are flattened; a node's
// `ips` are its InternalIPs among all its addresses): located at the list, without the index.
const NO_INDEX = new Set(['ports', 'ips']);
const SERVICE_FIELDS: Record<string, string> = {
  name: 'metadata.name',
  namespace: 'metadata.namespace',
  loadBalancerIP: 'status.loadBalancer.ingress',
};
const POLICY_FIELDS: Record<string, string> = { name: 'metadata.name', namespace: 'metadata.namespace' };

function translate(object: Location, rest: string, fields: Record<string, string>, specDefault: boolean): Location {
  const match = /^\.?([A-Za-z]+)(.*)$/.exec(rest);
  if (!match) return object;
  const [, field, tail] = match as unknown as [string, string, string];
  const mapped = fields[field];
  // Fields the import flattened (container ports) point at their list, without the model's index.
  const api = mapped ?? (specDefault ? `spec.${field}` : undefined);
  if (!api) return object;
  const keepTail = mapped === undefined || !NO_INDEX.has(field);
  const path = [object.path, `${api}${keepTail ? tail : ''}`].filter(Boolean).join('.');
  return { ...object, path };
}

/** The place in the paste of a finding at a model path, if the path names an imported object. */
export function locate(path: string, map: SourceMap): Location | undefined {
  let m = /^nodes\[(\d+)\]\.pods\[(\d+)\](.*)$/.exec(path);
  if (m) {
    const pod = map.nodes[Number(m[1])]?.pods[Number(m[2])];
    return pod && translate(pod, m[3]!, POD_FIELDS, false);
  }
  m = /^nodes\[(\d+)\](.*)$/.exec(path);
  if (m) {
    const node = map.nodes[Number(m[1])];
    return node && translate(node.at, m[2]!, NODE_FIELDS, false);
  }
  m = /^services\[(\d+)\](.*)$/.exec(path);
  if (m) {
    const service = map.services[Number(m[1])];
    return service && translate(service, m[2]!, SERVICE_FIELDS, true);
  }
  m = /^networkPolicies\[(\d+)\](.*)$/.exec(path);
  if (m) {
    const policy = map.networkPolicies[Number(m[1])];
    return policy && translate(policy, m[2]!, POLICY_FIELDS, true);
  }
  m = /^namespaces\[(\d+)\](.*)$/.exec(path);
  if (m) {
    const ns = map.namespaces[Number(m[1])];
    return ns && translate(ns, m[2]!, { name: 'metadata.name', labels: 'metadata.labels' }, false);
  }
  m = /^clusterNetworkPolicies\[(\d+)\]\.?([A-Za-z]*)/.exec(path);
  if (m) {
    const policy = map.clusterNetworkPolicies?.[Number(m[1])];
    // Rules and peers the import left out shift the model's indices, so a finding is located at
    // the field (spec.egress), not at an index inside it.
    const field = m[2] === 'name' ? 'metadata.name' : m[2] ? `spec.${m[2]}` : '';
    return policy && { ...policy, path: [policy.path, field].filter(Boolean).join('.') };
  }
  if (path.startsWith('dns') && map.dns) return translate(map.dns, path.slice('dns'.length), { clusterIP: 'spec.clusterIP', clusterIPs: 'spec.clusterIPs' }, false);
  return undefined;
}

/** A validation finding with its place in the paste. */
export function locateDiagnostic(d: Diagnostic, map: SourceMap): LocatedDiagnostic {
  const source = locate(d.path, map);
  return source ? { ...d, source } : { ...d };
}

/**
 * A located finding for a reader of the paste: `pods.json: items[3].status.podIP: warning: ... (hint: ...)`,
 * falling back to the model path when the finding concerns no single object (e.g. `network.serviceCIDR`).
 */
export function formatLocatedDiagnostic(d: LocatedDiagnostic): string {
  const level = d.severity === 'warning' ? 'warning: ' : '';
  const where = d.source ?? { path: d.path };
  return formatIssue({ ...where, message: `${level}${d.message} (hint: ${d.hint})` });
}
