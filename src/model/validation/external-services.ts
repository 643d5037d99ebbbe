/**
 * Services that reach outside the pod network: `externalIPs`, and Services without a selector whose
 * endpoints come from hand-written EndpointSlices (the `endpointSlices` list). Addresses follow the
 * API server's rules (pkg/apis/core/validation ValidateNonSpecialIP / ValidateEndpointIP: not
 * unspecified, loopback or link-local); the links between slices, Services and nodes follow what
 * kube-proxy reads (the `kubernetes.io/service-name` label, port names).
 */
import { cidrContainsIp, isIp } from '../../net/cidr.ts';
import { ENDPOINTSLICE_CONTROLLER } from '../defaults.ts';
import { isPortName } from '../names.ts';
import type { Cluster, EndpointSlice, Service } from '../types.ts';
import { checkIpField, checkLabel, checkPort, checkProtocol, checkSubdomain, quote, type Report } from './fields.ts';

/** pkg/controller/endpointslice ControllerName: the managed-by value of the controller's own slices. */

/** discovery/v1 maxAddresses: an endpoint carries 1 to 100 addresses. */
const MAX_ADDRESSES = 100;

// Special-purpose ranges the API server refuses for external IPs and endpoint addresses.
const SPECIAL_RANGES: Array<[string, string]> = [
  ['0.0.0.0/32', 'unspecified'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['224.0.0.0/24', 'link-local multicast'],
];

/** Why an IPv4 address is refused as an external IP or endpoint, if it is. */
export function specialAddressKind(ip: string): string | undefined {
  return SPECIAL_RANGES.find(([cidr]) => cidrContainsIp(cidr, ip))?.[1];
}

function checkAddress(r: Report, path: string, ip: unknown, what: string): boolean {
  if (!checkIpField(r, path, ip, what)) return false;
  const kind = specialAddressKind(ip as string);
  if (kind) r.error(path, `${what} ${quote(ip)} is a ${kind} address`, 'the API server refuses unspecified, loopback and link-local addresses here: use a routable address');
  return !kind;
}

/** Declared Services in definition order (the generated kube-dns Service, last, is left out). */
function declared(cluster: Cluster): Service[] {
  return cluster.services.slice(0, -1);
}

function checkExternalIPs(svc: Service, at: string, r: Report): void {
  if (svc.externalIPs === undefined) return;
  if (!Array.isArray(svc.externalIPs)) {
    r.error(`${at}.externalIPs`, 'externalIPs must be an array of addresses', "write externalIPs: ['192.168.1.200']");
    return;
  }
  svc.externalIPs.forEach((ip, k) => checkAddress(r, `${at}.externalIPs[${k}]`, ip, 'external IP'));
  if (svc.type === 'ExternalName' || svc.clusterIP === 'None') {
    const kind = svc.type === 'ExternalName' ? 'an ExternalName' : 'a headless';
    r.warning(`${at}.externalIPs`, `externalIPs on ${kind} Service are ignored`, 'kube-proxy only writes external IP rules for Services with a ClusterIP: remove externalIPs or give the Service a ClusterIP');
  }
}

function checkSliceEndpoints(slice: EndpointSlice, at: string, cluster: Cluster, r: Report): void {
  const nodes = new Set(cluster.nodes.map((n) => n.name));
  slice.endpoints.forEach((ep, k) => {
    const epAt = `${at}.endpoints[${k}]`;
    if (!Array.isArray(ep.addresses) || ep.addresses.length === 0 || ep.addresses.length > MAX_ADDRESSES) {
      r.error(`${epAt}.addresses`, `an endpoint needs 1 to ${MAX_ADDRESSES} addresses`, "write addresses: ['192.168.1.50'] (kube-proxy uses the first)");
      return;
    }
    ep.addresses.forEach((ip, a) => checkAddress(r, `${epAt}.addresses[${a}]`, ip, 'endpoint address'));
    const first = ep.addresses[0];
    if (isIp(first) && cidrContainsIp(cluster.network.serviceCIDR, first)) {
      r.warning(`${epAt}.addresses[0]`, `endpoint address ${first} is inside the service CIDR ${cluster.network.serviceCIDR}`, 'kube-proxy would DNAT to a virtual address that nothing translates again: give a real address (a pod, a node or a host outside the cluster)');
    }
    if (ep.nodeName !== undefined && !nodes.has(ep.nodeName)) {
      r.error(`${epAt}.nodeName`, `nodeName ${quote(ep.nodeName)} is not a node of this cluster`, `use one of ${[...nodes].join(', ')}, or leave nodeName out for an address outside the cluster`);
    }
  });
}

function checkSlicePorts(slice: EndpointSlice, at: string, svc: Service | undefined, r: Report): void {
  slice.ports.forEach((port, k) => {
    checkPort(r, `${at}.ports[${k}].port`, port.port, 'port');
    checkProtocol(r, `${at}.ports[${k}].protocol`, port.protocol);
    if (port.name !== '' && !isPortName(port.name)) {
      r.error(`${at}.ports[${k}].name`, `port name ${quote(port.name)} is not an IANA service name`, "use the name of the Service port it serves, e.g. 'postgres'");
    }
  });
  if (!svc) return;
  // kube-proxy joins a slice port to a Service port by name and protocol (endpointslicecache.go).
  svc.ports.forEach((sp, k) => {
    if (slice.ports.some((p) => p.name === sp.name && p.protocol === sp.protocol)) return;
    const name = sp.name === '' ? 'the unnamed port' : `port ${quote(sp.name)}`;
    r.warning(`${at}.ports`, `no port of this slice is named like ${name} of Service ${svc.name} (services[${k}])`, `add { name: '${sp.name}', protocol: '${sp.protocol}', port: ... }: kube-proxy matches slice ports to Service ports by name`);
  });
}

function checkSlice(slice: EndpointSlice, at: string, cluster: Cluster, r: Report): void {
  checkSubdomain(r, `${at}.name`, slice.name, 'EndpointSlice name');
  checkLabel(r, `${at}.namespace`, slice.namespace, 'namespace');
  const svc = declared(cluster).find((s) => s.name === slice.service && s.namespace === slice.namespace);
  if (!svc) {
    r.error(`${at}.service`, `Service ${slice.namespace}/${String(slice.service)} is not declared`, 'name a Service of services in the same namespace: the kubernetes.io/service-name label links the slice to it');
  } else if (svc.selector && Object.keys(svc.selector).length > 0) {
    r.warning(`${at}.service`, `Service ${svc.name} has a selector, so the EndpointSlice controller already publishes its endpoints`, 'hand-written slices are for Services without a selector: remove the selector, or this slice');
  } else if (svc.type === 'ExternalName') {
    r.warning(`${at}.service`, `Service ${svc.name} is an ExternalName Service: nothing reads its EndpointSlices`, 'give the Service a ClusterIP type, or remove this slice');
  }
  if (slice.managedBy === ENDPOINTSLICE_CONTROLLER) {
    r.error(`${at}.managedBy`, `managedBy ${quote(ENDPOINTSLICE_CONTROLLER)} is the EndpointSlice controller's own value`, "use a value of your own, e.g. 'staff', so the controller leaves the slice alone");
  }
  checkSlicePorts(slice, at, svc, r);
  checkSliceEndpoints(slice, at, cluster, r);
}

/** A selectorless Service that kube-proxy proxies but no slice feeds: its connections are rejected. */
function checkSelectorless(cluster: Cluster, r: Report): void {
  const slices = cluster.endpointSlices ?? [];
  declared(cluster).forEach((svc, i) => {
    const hasSelector = svc.selector !== undefined && Object.keys(svc.selector).length > 0;
    if (hasSelector || svc.type === 'ExternalName' || svc.clusterIP === 'None') return;
    if (slices.some((s) => s.service === svc.name && s.namespace === svc.namespace)) return;
    r.warning(
      `services[${i}]`,
      `Service ${svc.name} has no selector and no EndpointSlice`,
      `kube-proxy rejects its connections ("has no endpoints"): add a selector, or an endpointSlices entry with service: '${svc.name}'`,
    );
  });
}

/** Checks externalIPs of every declared Service and every hand-written EndpointSlice. */
export function checkExternalServices(cluster: Cluster, r: Report): void {
  declared(cluster).forEach((svc, i) => checkExternalIPs(svc, `services[${i}]`, r));
  (cluster.endpointSlices ?? []).forEach((slice, i) => checkSlice(slice, `endpointSlices[${i}]`, cluster, r));
  checkSelectorless(cluster, r);
}
