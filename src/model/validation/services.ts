/**
 * Services: names, types, ClusterIPs inside the service CIDR and never taken twice, ports and
 * NodePorts, and selectors that find pods. The generated kube-dns Service is reported at `dns`.
 */
import { cidrContainsIp, ipFamilyOf, isIp, nthAddress } from '../../net/cidr.ts';
import { DNS_NAMESPACE, DNS_SERVICE_NAME, KUBERNETES_SERVICE_IP_INDEX, NODE_PORT_RANGE, hasNodePort, labelsMatch } from '../defaults.ts';
import { SERVICE_TYPES, SESSION_AFFINITIES, TRAFFIC_POLICIES } from '../enums.ts';
import { isDns1123Label, isDns1123Subdomain, isPortName, suggestLabel } from '../names.ts';
import type { Cluster, Pod, Service } from '../types.ts';
import { allPods, checkIpField, checkLabel, checkPort, checkProtocol, quote, type Ranges, type Report } from './fields.ts';
import { checkLabelMap } from './labels.ts';

const { min: NODE_PORT_MIN, max: NODE_PORT_MAX } = NODE_PORT_RANGE;

function servicePath(cluster: Cluster, index: number): string {
  // The generated kube-dns Service is last; its settings come from `dns`.
  return index === cluster.services.length - 1 ? 'dns' : `services[${index}]`;
}

function checkDeclaredService(svc: Service, at: string, r: Report): void {
  // pkg/apis/core/validation/validation.go ValidateServiceName: a DNS-1035 label until
  // RelaxedServiceNameValidation (KEP-5311: alpha v1.34, beta and on by default in v1.36) made it a
  // DNS-1123 label, so a leading digit is accepted now.
  if (!isDns1123Label(svc.name)) {
    r.error(
      `${at}.name`,
      `Service name ${quote(svc.name)} is not a DNS-1123 label`,
      `Service names use lower-case letters, digits and '-', at most 63, starting and ending with a letter or digit, e.g. '${suggestLabel(svc.name)}'`,
    );
  }
  checkLabel(r, `${at}.namespace`, svc.namespace, 'namespace');
  if (svc.namespace === DNS_NAMESPACE && svc.name === DNS_SERVICE_NAME) {
    r.error(`${at}.name`, `Service kube-system/kube-dns is generated from dns`, 'remove it from services and set dns: { clusterIP, pods } instead');
  }
  checkLabelMap(r, `${at}.selector`, svc.selector, 'selector');
  // pkg/apis/core/validation: supportedServiceTrafficPolicy... and supportedSessionAffinityType.
  for (const field of ['externalTrafficPolicy', 'internalTrafficPolicy'] as const) {
    if (!TRAFFIC_POLICIES.includes(svc[field])) {
      r.error(`${at}.${field}`, `${field} ${quote(svc[field])} is not one of ${TRAFFIC_POLICIES.join(', ')}`, "use 'Cluster' (the default) or 'Local'");
    }
  }
  if (!SESSION_AFFINITIES.includes(svc.sessionAffinity)) {
    r.error(`${at}.sessionAffinity`, `sessionAffinity ${quote(svc.sessionAffinity)} is not one of ${SESSION_AFFINITIES.join(', ')}`, "use 'None' (the default) or 'ClientIP'");
  }
  if (!SERVICE_TYPES.includes(svc.type)) {
    r.error(`${at}.type`, `Service type ${quote(svc.type)} is not one of ${SERVICE_TYPES.join(', ')}`, "leave it out for 'ClusterIP'");
  }
}

/** sessionAffinityConfig timeout and ingress ipMode, as the API server checks them. */
function checkKubeProxyFields(svc: Service, at: string, r: Report): void {
  // pkg/apis/core/validation/validation.go validateClientIPAffinityConfig: 0 < timeoutSeconds <= 86400.
  // ValidateService: sessionAffinityConfig must not be set unless sessionAffinity is ClientIP.
  const timeout = svc.sessionAffinityTimeoutSeconds;
  if (timeout !== undefined && svc.sessionAffinity !== 'ClientIP') {
    r.error(`${at}.sessionAffinityTimeoutSeconds`, `sessionAffinityTimeoutSeconds is set but sessionAffinity is ${svc.sessionAffinity}`, "set sessionAffinity: 'ClientIP' or remove the timeout");
  } else if (timeout !== undefined && !(Number.isInteger(timeout) && timeout > 0 && timeout <= 86400)) {
    r.error(`${at}.sessionAffinityTimeoutSeconds`, `sessionAffinityTimeoutSeconds ${quote(timeout)} is not an integer in 1-86400`, 'leave it out for 10800 (3 hours)');
  }
  // ValidateLoadBalancerStatus: ipMode is VIP or Proxy, and only together with an ip.
  const mode = svc.loadBalancerIPMode;
  if (mode !== undefined && mode !== 'VIP' && mode !== 'Proxy') {
    r.error(`${at}.loadBalancerIPMode`, `loadBalancerIPMode ${quote(mode)} is not one of VIP, Proxy`, "leave it out for 'VIP'");
  } else if (mode !== undefined && svc.loadBalancerIP === undefined) {
    r.error(`${at}.loadBalancerIPMode`, 'loadBalancerIPMode is set without a loadBalancerIP', 'set loadBalancerIP or remove loadBalancerIPMode');
  }
}

function checkServicePorts(svc: Service, at: string, nodePorts: Map<number, string>, r: Report): void {
  const needsPorts = svc.type !== 'ExternalName' && svc.clusterIP !== 'None';
  if (needsPorts && svc.ports.length === 0) {
    r.error(`${at}.ports`, `Service ${svc.name} has no ports`, 'add ports: [{ port: 80 }] (only headless and ExternalName Services may omit them)');
  }
  const names = new Set<string>();
  const portProtocols = new Map<string, number>();
  svc.ports.forEach((port, k) => {
    const pp = `${at}.ports[${k}]`;
    checkPort(r, `${pp}.port`, port.port, 'port');
    checkProtocol(r, `${pp}.protocol`, port.protocol);
    // ValidateService: two ports may not share port and protocol.
    const key = `${port.port}/${port.protocol}`;
    const prior = portProtocols.get(key);
    if (prior === undefined) portProtocols.set(key, k);
    else r.error(`${pp}.port`, `port ${port.port}/${port.protocol} is already declared at ports[${prior}]`, 'each port and protocol pair may appear once in a Service');
    if (typeof port.targetPort === 'number') checkPort(r, `${pp}.targetPort`, port.targetPort, 'targetPort');
    else if (!isPortName(port.targetPort)) {
      r.error(
        `${pp}.targetPort`,
        `targetPort ${quote(port.targetPort)} is neither a port number nor a port name`,
        "use a number such as 8080 or a container port name such as 'http'",
      );
    }
    if (svc.ports.length > 1 && port.name === '') {
      r.error(
        `${pp}.name`,
        `port ${port.port} has no name, but Service ${svc.name} has ${svc.ports.length} ports`,
        "name every port of a multi-port Service, e.g. name: 'http'",
      );
    } else if (port.name !== '' && !isPortName(port.name)) {
      r.error(`${pp}.name`, `port name ${quote(port.name)} is not an IANA service name`, "use at most 15 lower-case letters, digits and '-', e.g. 'http'");
    }
    if (port.name !== '' && names.has(port.name)) {
      r.error(`${pp}.name`, `port name ${quote(port.name)} is used twice in Service ${svc.name}`, 'give each port its own name');
    }
    names.add(port.name);
    if (port.nodePort === undefined) return;
    if (!hasNodePort(svc.type)) {
      r.error(
        `${pp}.nodePort`,
        `nodePort is set on a ${svc.type} Service`,
        "only NodePort and LoadBalancer Services open node ports: set type: 'NodePort' or remove nodePort",
      );
    } else if (!Number.isInteger(port.nodePort) || port.nodePort < NODE_PORT_MIN || port.nodePort > NODE_PORT_MAX) {
      r.error(
        `${pp}.nodePort`,
        `nodePort ${port.nodePort} is outside the NodePort range ${NODE_PORT_MIN}-${NODE_PORT_MAX}`,
        `pick a port between ${NODE_PORT_MIN} and ${NODE_PORT_MAX} (kube-apiserver --service-node-port-range)`,
      );
    } else {
      const owner = nodePorts.get(port.nodePort);
      if (!owner) nodePorts.set(port.nodePort, `Service ${svc.namespace}/${svc.name}`);
      else {
        r.error(
          `${pp}.nodePort`,
          `nodePort ${port.nodePort} is already used by ${owner}`,
          'a node port is opened on every node, so it must be unique in the cluster',
        );
      }
    }
  });
}

function checkSelector(svc: Service, at: string, pods: Pod[], r: Report): void {
  if (!svc.selector || svc.type === 'ExternalName') return;
  const selected = pods.filter((p) => p.namespace === svc.namespace && labelsMatch(svc.selector, p.labels));
  const text = Object.entries(svc.selector).map(([k, v]) => `${k}=${v}`).join(',');
  if (selected.length === 0) {
    r.warning(
      `${at}.selector`,
      `selector ${text} matches no pod in namespace ${svc.namespace}`,
      `the Service has no endpoints: add labels ${JSON.stringify(svc.selector)} to its pods, or fix the selector`,
    );
    return;
  }
  svc.ports.forEach((port, k) => {
    if (typeof port.targetPort !== 'string') return;
    const serving = selected.filter((p) => p.ports.some((cp) => cp.name === port.targetPort));
    if (serving.length === 0) {
      r.warning(
        `${at}.ports[${k}].targetPort`,
        `no selected pod declares a container port named ${quote(port.targetPort)}`,
        `add ports: [{ name: '${port.targetPort}', containerPort: ... }] to the pods, or use a number`,
      );
    }
  });
}

/** The ClusterIP checks; `clusterIPs` maps each address taken so far to its owner. */
function checkClusterIP(svc: Service, at: string, isDns: boolean, ranges: Ranges, clusterIPs: Map<string, string>, r: Report): void {
  const ipPath = isDns ? 'dns.clusterIP' : `${at}.clusterIP`;
  const kubernetesIP = ranges.serviceCIDR ? nthAddress(ranges.serviceCIDR, KUBERNETES_SERVICE_IP_INDEX) : undefined;
  if (svc.type === 'ExternalName') {
    // validation.go ValidateService: `cname := strings.TrimSuffix(service.Spec.ExternalName, ".")`.
    if (!isDns1123Subdomain((svc.externalName ?? '').replace(/\.$/, ''))) {
      r.error(
        `${at}.externalName`,
        `externalName ${quote(svc.externalName)} is not a DNS name`,
        "an ExternalName Service is a CNAME: give a host name such as 'db.example.com'",
      );
    }
  } else if (svc.clusterIP === 'None') {
    if (svc.type !== 'ClusterIP') {
      r.error(ipPath, `a ${svc.type} Service cannot be headless`, "use type 'ClusterIP' (the default) with clusterIP: 'None', or give it a ClusterIP");
    }
  } else if (isDns && svc.clusterIP === '') {
    // No default DNS IP without a valid service CIDR; that error is already reported.
  } else if (svc.clusterIP !== undefined && checkIpField(r, ipPath, svc.clusterIP, isDns ? 'DNS ClusterIP' : 'ClusterIP')) {
    // Dual-stack: a Service whose first family is the cluster's second takes its ClusterIP from that range.
    const family = ipFamilyOf(svc.clusterIP);
    const range = ranges.serviceCIDRs?.find((c) => ipFamilyOf(c) === family) ?? ranges.serviceCIDR;
    if (range && !cidrContainsIp(range, svc.clusterIP)) {
      r.error(
        ipPath,
        `${isDns ? 'the DNS ClusterIP' : 'ClusterIP'} ${svc.clusterIP} is outside the service CIDR ${range}`,
        `pick an address in ${range}${isDns ? ` (kubeadm uses the tenth: ${nthAddress(range, 10)})` : ''}`,
      );
    } else if (svc.clusterIP === kubernetesIP) {
      r.error(
        ipPath,
        `ClusterIP ${svc.clusterIP} is taken by the default/kubernetes Service`,
        'the API server Service always gets the first address of the service CIDR: pick another',
      );
    }
    const owner = isDns ? undefined : clusterIPs.get(svc.clusterIP);
    if (owner) {
      const hint = owner.endsWith(DNS_SERVICE_NAME)
        ? `the cluster DNS owns ${svc.clusterIP}: pick another address for this Service`
        : 'every Service needs its own ClusterIP';
      r.error(ipPath, `ClusterIP ${svc.clusterIP} is already taken by ${owner}`, hint);
    } else clusterIPs.set(svc.clusterIP, `Service ${svc.namespace}/${svc.name}`);
  } else if (svc.clusterIP === undefined && !isDns) {
    r.error(ipPath, `no free ClusterIP left in the service CIDR`, 'widen network.serviceCIDR or set clusterIP explicitly');
  }
}

/** Checks every Service, the generated kube-dns one included. */
export function checkServices(cluster: Cluster, ranges: Ranges, r: Report): void {
  const seen = new Map<string, string>();
  const clusterIPs = new Map<string, string>();
  const nodePorts = new Map<number, string>();
  const pods = allPods(cluster);
  // The DNS Service's address is claimed first: a declared Service that takes it is the one to move.
  if (isIp(cluster.dns.clusterIP)) clusterIPs.set(cluster.dns.clusterIP, `Service ${DNS_NAMESPACE}/${DNS_SERVICE_NAME}`);
  cluster.services.forEach((svc, i) => {
    const at = servicePath(cluster, i);
    const isDns = at === 'dns';
    const ref = `${svc.namespace}/${svc.name}`;
    if (!isDns) checkDeclaredService(svc, at, r);
    const prior = seen.get(ref);
    if (prior) r.error(`${at}.name`, `Service ${ref} is already declared at ${prior}`, 'Service names must be unique within a namespace');
    else seen.set(ref, at);
    checkClusterIP(svc, at, isDns, ranges, clusterIPs, r);
    if (svc.loadBalancerIP !== undefined) checkIpField(r, `${at}.loadBalancerIP`, svc.loadBalancerIP, 'loadBalancerIP');
    if (!isDns) checkKubeProxyFields(svc, at, r);
    if (!isDns) checkServicePorts(svc, at, nodePorts, r);
    if (!isDns) checkSelector(svc, at, pods, r);
  });
}
