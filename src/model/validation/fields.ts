/**
 * Checks of single fields shared by every area of validation: names, addresses, ranges, ports.
 * Each reports at the path it is given and returns whether the value is usable.
 */
import { parseCidr, parseIp } from '../../net/cidr.ts';
import type { DiagnosticCollector } from '../diagnostics.ts';
import { PROTOCOLS } from '../enums.ts';
import { isDns1123Label, isDns1123Subdomain, suggestLabel } from '../names.ts';
import type { Cluster, Pod } from '../types.ts';

/** Where validation reports its findings. */
export type Report = DiagnosticCollector;

/** The valid network ranges of a cluster, for the checks that compare addresses with them. */
export interface Ranges {
  nodeCIDR?: string;
  clusterCIDR?: string;
  serviceCIDR?: string;
  /** The valid service ranges of every family (dual-stack), the primary first. */
  serviceCIDRs?: string[];
}

/** A value as messages quote it: strings in double quotes, anything else as JSON. */
export function quote(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value);
}

/** A pod as messages name it: `name`, or `namespace/name` outside `default`. */
export function podRef(pod: Pod): string {
  return pod.namespace === 'default' ? pod.name : `${pod.namespace}/${pod.name}`;
}

/** Every pod of the cluster, in declaration order. */
export function allPods(cluster: Cluster): Pod[] {
  return cluster.nodes.flatMap((n) => n.pods);
}

/** Reports `value` at `path` unless it is a DNS-1123 label; `what` names it in the message. */
export function checkLabel(r: Report, path: string, value: unknown, what: string): void {
  if (!isDns1123Label(value)) {
    r.error(
      path,
      `${what} ${quote(value)} is not a DNS-1123 label`,
      `use lower-case letters, digits and '-', at most 63 characters, starting and ending with a letter or digit, e.g. '${suggestLabel(String(value))}'`,
    );
  }
}

/** Reports `value` unless it is an IPv4 or IPv6 CIDR without host bits (the hint gives the network form). */
export function checkCidrField(r: Report, path: string, value: unknown, what: string): boolean {
  const parsed = parseCidr(value);
  if (parsed.ok) return true;
  const hint = parsed.networkForm
    ? `use the network address: '${parsed.networkForm}'`
    : `write an IPv4 network with a prefix length, e.g. '10.244.0.0/16'`;
  r.error(path, `${what} ${quote(value)} ${parsed.reason}`, hint);
  return false;
}

/** Reports `value` unless it is a plain IPv4 or IPv6 address. */
export function checkIpField(r: Report, path: string, value: unknown, what: string): boolean {
  const parsed = parseIp(value);
  if (parsed.ok) return true;
  r.error(path, `${what} ${quote(value)} ${parsed.reason}`, "write a dotted IPv4 address such as '10.244.1.2'");
  return false;
}

/** Reports `value` unless it is a port number, 1 to 65535. */
export function checkPort(r: Report, path: string, value: unknown, what: string): boolean {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535) return true;
  r.error(path, `${what} ${quote(value)} is not a port number between 1 and 65535`, 'use an integer such as 80 or 8080');
  return false;
}

/**
 * Reports `value` at `path` unless it is a DNS-1123 subdomain (lower-case labels joined by dots,
 * at most 253 characters): the rule for pod, node, NetworkPolicy and Ingress names
 * (pkg/apis/core/validation: ValidatePodName, ValidateNodeName = NameIsDNSSubdomain).
 */
export function checkSubdomain(r: Report, path: string, value: unknown, what: string): void {
  if (!isDns1123Subdomain(value)) {
    r.error(
      path,
      `${what} ${quote(value)} is not a DNS-1123 subdomain`,
      `use lower-case letters, digits, '-' and '.', at most 253 characters, each part starting and ending with a letter or digit, e.g. '${suggestLabel(String(value))}'`,
    );
  }
}

/** Reports a protocol outside TCP, UDP and SCTP (the API's enum; case matters). */
export function checkProtocol(r: Report, path: string, value: unknown): void {
  if (value === undefined || PROTOCOLS.includes(value as string)) return;
  r.error(path, `protocol ${quote(value)} is not one of ${PROTOCOLS.join(', ')}`, "use 'TCP' (the default), 'UDP' or 'SCTP', in capitals");
}
