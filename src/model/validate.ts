/**
 * Validation of a cluster definition: one run reports every problem it can find, each with the
 * file, the path inside the definition, what is wrong and a hint.
 *
 * Checks run on the resolved cluster (defaults applied) but report paths of the definition a
 * person wrote: pods keep their `nodes[i].pods[j]` place and declared Services keep their index
 * (the generated kube-dns Service is reported at `dns`).
 */
import {
  cidrContainsCidr,
  cidrContainsIp,
  cidrsOverlap,
  isCidr,
  isIp,
  networkAddress,
  broadcastAddress,
  nthAddress,
  parseCidr,
  parseIp,
} from './cidr';
import {
  DNS_NAMESPACE,
  DNS_POD_LABELS,
  DNS_SERVICE_NAME,
  KUBERNETES_SERVICE_IP_INDEX,
  NODE_PORT_RANGE,
  hasNodePort,
  labelsMatch,
  resolveCluster,
} from './defaults';
import { DiagnosticCollector, type Diagnostic } from './diagnostics';
import { isDns1035Label, isDns1123Label, isDns1123Subdomain, isPortName, suggestLabel } from './names';
import type { BackendRef, Cluster, ClusterInput, HttpPathRule, NetworkPolicyPeer, NetworkPolicyPort, Pod } from './types';

/** Options of `validateCluster`. */
export interface ValidateOptions {
  /** The definition's file, relative to the repository root (used in messages and for the name rule). */
  file: string;
}

type Report = DiagnosticCollector;

const PLUGIN_MODES: Record<string, { key: 'backend' | 'mode' | null; values: string[] }> = {
  flannel: { key: 'backend', values: ['vxlan', 'host-gw'] },
  calico: { key: 'mode', values: ['bgp', 'ipip', 'vxlan'] },
  bridge: { key: null, values: [] },
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fileStem(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.[cm]?[jt]s$/, '');
}

function quote(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value);
}

function podRef(pod: Pod): string {
  return pod.namespace === 'default' ? pod.name : `${pod.namespace}/${pod.name}`;
}

// ------------------------------------------------------------------ shape

/**
 * Checks the shape TypeScript would check in an editor; definitions are loaded at run time, so a
 * file with type errors still gets a readable report instead of a crash. Returns false when the
 * shape is too broken to go on.
 */
function checkShape(input: unknown, r: Report): input is ClusterInput {
  if (!isObject(input)) {
    r.error('', 'the default export is not a cluster definition', 'write `export default defineCluster({ ... })`');
    return false;
  }
  let ok = true;
  for (const key of ['name', 'title', 'description'] as const) {
    if (typeof input[key] !== 'string' || input[key] === '') {
      r.error(key, `${key} is missing or not a string`, `add ${key}: '...'`);
      if (key === 'name') ok = false;
    }
  }
  if (!isObject(input.network)) {
    r.error('network', 'network is missing', "add network: { nodeCIDR: '192.168.1.0/24' }");
    ok = false;
  }
  const plugin = input.plugin;
  if (!isObject(plugin) || typeof plugin.name !== 'string' || !(plugin.name in PLUGIN_MODES)) {
    r.error('plugin', `plugin ${quote(isObject(plugin) ? plugin.name : plugin)} is not a known network plugin`, "use { name: 'flannel', backend: 'vxlan' }, { name: 'calico', mode: 'bgp' } or { name: 'bridge' }");
    ok = false;
  } else {
    const spec = PLUGIN_MODES[plugin.name]!;
    if (spec.key && !spec.values.includes(plugin[spec.key] as string)) {
      r.error(`plugin.${spec.key}`, `${plugin.name} ${spec.key} ${quote(plugin[spec.key])} is not one of ${spec.values.join(', ')}`, `set ${spec.key}: '${spec.values[0]}'`);
      ok = false;
    }
  }
  if (!Array.isArray(input.nodes) || input.nodes.length === 0) {
    r.error('nodes', 'a cluster needs at least one node', "add nodes: [{ name: 'node-1', ip: '192.168.1.11', podCIDR: '10.244.0.0/24', pods: [...] }]");
    return false;
  }
  input.nodes.forEach((node: unknown, i: number) => {
    if (!isObject(node)) {
      r.error(`nodes[${i}]`, 'a node must be an object', "write { name, ip, podCIDR, pods }");
      ok = false;
    } else if (node.pods !== undefined && !Array.isArray(node.pods)) {
      r.error(`nodes[${i}].pods`, 'pods must be an array', 'write pods: [{ ... }]');
      ok = false;
    } else {
      (node.pods as unknown[] | undefined)?.forEach((pod, j) => {
        if (!isObject(pod) || typeof pod.name !== 'string') {
          r.error(`nodes[${i}].pods[${j}]`, 'a pod must be an object with a name', "write { name: 'web-1', ip: '...' }");
          ok = false;
        }
      });
    }
  });
  for (const key of ['services', 'ingresses', 'httpRoutes', 'networkPolicies', 'namespaces'] as const) {
    const list = input[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.some((item) => !isObject(item))) {
      r.error(key, `${key} must be an array of objects`, `write ${key}: [{ ... }]`);
      ok = false;
    }
  }
  return ok;
}

// ------------------------------------------------------------------ names

function checkLabel(r: Report, path: string, value: unknown, what: string): void {
  if (!isDns1123Label(value)) {
    r.error(path, `${what} ${quote(value)} is not a DNS-1123 label`, `use lower-case letters, digits and '-', at most 63 characters, starting and ending with a letter or digit, e.g. '${suggestLabel(String(value))}'`);
  }
}

function checkClusterName(cluster: Cluster, file: string, r: Report): void {
  checkLabel(r, 'name', cluster.name, 'cluster name');
  const stem = fileStem(file);
  if (cluster.name !== stem) {
    r.error('name', `cluster name ${quote(cluster.name)} does not match the file name ${quote(stem)}`, `set name: '${stem}' or rename the file to diagrams/${cluster.name}.ts`);
  }
}

// ------------------------------------------------------------------ network ranges

function checkCidrField(r: Report, path: string, value: unknown, what: string): boolean {
  const parsed = parseCidr(value);
  if (parsed.ok) return true;
  const hint = parsed.networkForm
    ? `use the network address: '${parsed.networkForm}'`
    : `write an IPv4 network with a prefix length, e.g. '10.244.0.0/16'`;
  r.error(path, `${what} ${quote(value)} ${parsed.reason}`, hint);
  return false;
}

function checkIpField(r: Report, path: string, value: unknown, what: string): boolean {
  const parsed = parseIp(value);
  if (parsed.ok) return true;
  r.error(path, `${what} ${quote(value)} ${parsed.reason}`, "write a dotted IPv4 address such as '10.244.1.2'");
  return false;
}

interface Ranges {
  nodeCIDR?: string;
  clusterCIDR?: string;
  serviceCIDR?: string;
}

function checkNetwork(cluster: Cluster, r: Report): Ranges {
  const n = cluster.network;
  const ranges: Ranges = {};
  if (checkCidrField(r, 'network.nodeCIDR', n.nodeCIDR, 'node network')) ranges.nodeCIDR = n.nodeCIDR;
  if (checkCidrField(r, 'network.clusterCIDR', n.clusterCIDR, 'cluster CIDR')) ranges.clusterCIDR = n.clusterCIDR;
  if (checkCidrField(r, 'network.serviceCIDR', n.serviceCIDR, 'service CIDR')) ranges.serviceCIDR = n.serviceCIDR;
  if (!isDns1123Subdomain(n.clusterDomain)) {
    r.error('network.clusterDomain', `cluster domain ${quote(n.clusterDomain)} is not a DNS-1123 subdomain`, "use lower-case labels separated by dots, e.g. 'cluster.local'");
  }
  // The three ranges must be disjoint, or a packet's destination would be ambiguous.
  const pairs: Array<[keyof Ranges, keyof Ranges, string]> = [
    ['nodeCIDR', 'clusterCIDR', 'the pod network'],
    ['nodeCIDR', 'serviceCIDR', 'the service network'],
    ['clusterCIDR', 'serviceCIDR', 'the service network'],
  ];
  const names: Record<keyof Ranges, string> = { nodeCIDR: 'node network', clusterCIDR: 'cluster CIDR', serviceCIDR: 'service CIDR' };
  for (const [a, b, other] of pairs) {
    const ra = ranges[a];
    const rb = ranges[b];
    if (ra && rb && cidrsOverlap(ra, rb)) {
      r.error(`network.${b}`, `${names[b]} ${rb} overlaps the ${names[a]} ${ra}`, `pick disjoint ranges; ${other} must not share addresses with the ${names[a]}${b === 'clusterCIDR' && cluster.plugin.name === 'calico' ? " (Calico's default pool 192.168.0.0/16 often collides with home networks: set clusterCIDR)" : ''}`);
    }
  }
  return ranges;
}

// ------------------------------------------------------------------ nodes and pods

function checkNodes(cluster: Cluster, ranges: Ranges, r: Report): void {
  const nodeNames = new Map<string, number>();
  const nodeIPs = new Map<string, string>();
  cluster.nodes.forEach((node, i) => {
    const at = `nodes[${i}]`;
    checkLabel(r, `${at}.name`, node.name, 'node name');
    const prior = nodeNames.get(node.name);
    if (prior !== undefined) r.error(`${at}.name`, `node name ${quote(node.name)} is already used by nodes[${prior}]`, 'give every node a unique name, e.g. node-1, node-2, ...');
    else nodeNames.set(node.name, i);

    if (checkIpField(r, `${at}.ip`, node.ip, 'node IP')) {
      if (ranges.nodeCIDR && !cidrContainsIp(ranges.nodeCIDR, node.ip)) {
        r.error(`${at}.ip`, `node IP ${node.ip} is outside the node network ${ranges.nodeCIDR}`, `pick an address in ${ranges.nodeCIDR} or change network.nodeCIDR`);
      }
      const owner = nodeIPs.get(node.ip);
      if (owner) r.error(`${at}.ip`, `node IP ${node.ip} is already used by ${owner}`, 'every node needs its own address');
      else nodeIPs.set(node.ip, node.name);
    }

    if (checkCidrField(r, `${at}.podCIDR`, node.podCIDR, `${node.name}'s podCIDR`)) {
      if (ranges.clusterCIDR && !cidrContainsCidr(ranges.clusterCIDR, node.podCIDR)) {
        r.error(`${at}.podCIDR`, `${node.name}'s podCIDR ${node.podCIDR} is outside the cluster CIDR ${ranges.clusterCIDR}`, `the node IPAM controller carves node ranges out of the cluster CIDR: pick a subnet of ${ranges.clusterCIDR}`);
      }
      for (let k = 0; k < i; k++) {
        const other = cluster.nodes[k]!;
        if (isCidr(other.podCIDR) && cidrsOverlap(other.podCIDR, node.podCIDR)) {
          r.error(`${at}.podCIDR`, `${node.name}'s podCIDR ${node.podCIDR} overlaps ${other.name}'s podCIDR ${other.podCIDR}`, 'give every node a disjoint pod range, e.g. 10.244.0.0/24, 10.244.1.0/24, ...');
        }
      }
    }
  });
  if (cluster.plugin.name === 'bridge' && cluster.nodes.length > 1) {
    r.warning('nodes', `the bridge plugin connects pods on one node only, but ${cluster.nodes.length} nodes are declared`, "use a single node, or a plugin that routes between nodes ({ name: 'flannel', backend: 'vxlan' })");
  }
  checkPods(cluster, r);
}

function checkPods(cluster: Cluster, r: Report): void {
  const podKeys = new Map<string, string>();
  const podIPs = new Map<string, string>();
  cluster.nodes.forEach((node, i) => {
    const gateway = nthAddress(node.podCIDR, 1);
    const bridgeName = cluster.plugin.name === 'calico' ? null : 'cni0';
    node.pods.forEach((pod, j) => {
      const at = `nodes[${i}].pods[${j}]`;
      checkLabel(r, `${at}.name`, pod.name, 'pod name');
      checkLabel(r, `${at}.namespace`, pod.namespace, 'namespace');
      const key = `${pod.namespace}/${pod.name}`;
      const prior = podKeys.get(key);
      if (prior) r.error(`${at}.name`, `pod ${quote(podRef(pod))} is already declared at ${prior}`, 'pod names must be unique within a namespace: add a suffix such as -2');
      else podKeys.set(key, at);

      if (pod.hostNetwork) {
        if (pod.ip !== node.ip) r.error(`${at}.ip`, `hostNetwork pod ${pod.name} has IP ${quote(pod.ip)}, not its node's IP ${node.ip}`, 'leave ip out: a hostNetwork pod shares the node address');
      } else if (pod.ip === '') {
        r.error(`${at}.ip`, `pod ${pod.name} has no IP`, `give it an address in ${node.name}'s podCIDR ${node.podCIDR}, e.g. '${nthAddress(node.podCIDR, 2) ?? '10.244.0.2'}'`);
      } else if (checkIpField(r, `${at}.ip`, pod.ip, 'pod IP') && isCidr(node.podCIDR)) {
        if (!cidrContainsIp(node.podCIDR, pod.ip)) {
          const owner = cluster.nodes.find((other) => other !== node && cidrContainsIp(other.podCIDR, pod.ip));
          const move = owner ? `, or move the pod under ${owner.name}, whose podCIDR ${owner.podCIDR} holds ${pod.ip}` : '';
          r.error(`${at}.ip`, `${pod.ip} is outside ${node.name}'s podCIDR ${node.podCIDR}`, `a pod gets its IP from the podCIDR of the node it runs on: pick an address in ${node.podCIDR}${move}`);
        } else if (cluster.plugin.name !== 'calico' && (pod.ip === networkAddress(node.podCIDR) || pod.ip === broadcastAddress(node.podCIDR))) {
          // host-local IPAM skips these; Calico IPAM hands out every address of a block (/32 routes).
          r.error(`${at}.ip`, `${pod.ip} is the network or broadcast address of ${node.podCIDR}`, `host-local IPAM never hands these out: pick e.g. '${nthAddress(node.podCIDR, 2)}'`);
        } else if (bridgeName && pod.ip === gateway) {
          r.error(`${at}.ip`, `${pod.ip} is the address of the ${bridgeName} bridge on ${node.name}`, `the bridge takes the first address of the podCIDR: start pods at '${nthAddress(node.podCIDR, 2)}'`);
        }
      }
      if (!pod.hostNetwork && isIp(pod.ip)) {
        const owner = podIPs.get(pod.ip);
        if (owner) r.error(`${at}.ip`, `pod IP ${pod.ip} is already used by ${owner}`, 'every pod needs its own address');
        else podIPs.set(pod.ip, `pod ${podRef(pod)}`);
      }
      if (pod.hostname !== undefined) checkLabel(r, `${at}.hostname`, pod.hostname, 'hostname');
      if (pod.subdomain !== undefined) checkPodSubdomain(cluster, pod, `${at}.subdomain`, r);
      checkPodDns(pod, at, r);
      pod.ports.forEach((port, k) => {
        checkPort(r, `${at}.ports[${k}].containerPort`, port.containerPort, 'containerPort');
        if (port.name !== undefined && !isPortName(port.name)) {
          r.error(`${at}.ports[${k}].name`, `port name ${quote(port.name)} is not an IANA service name`, "use at most 15 lower-case letters, digits and '-', with at least one letter, e.g. 'http'");
        }
      });
    });
  });
}

function checkPodSubdomain(cluster: Cluster, pod: Pod, path: string, r: Report): void {
  if (!isDns1123Label(pod.subdomain)) {
    checkLabel(r, path, pod.subdomain, 'subdomain');
    return;
  }
  const service = cluster.services.find((s) => s.namespace === pod.namespace && s.name === pod.subdomain);
  if (!service) {
    r.error(path, `subdomain ${quote(pod.subdomain)} names no Service in namespace ${pod.namespace}`, `declare a headless Service (clusterIP: 'None') named '${pod.subdomain}' that selects this pod, so ${pod.hostname ?? pod.name}.${pod.subdomain} gets a DNS record`);
  } else if (service.clusterIP !== 'None') {
    r.warning(path, `subdomain ${quote(pod.subdomain)} names Service ${service.name}, which is not headless`, `set clusterIP: 'None' on Service ${service.name}: only headless Services give pods hostname records`);
  }
}

function checkPodDns(pod: Pod, at: string, r: Report): void {
  const policies = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];
  if (!policies.includes(pod.dnsPolicy)) {
    r.error(`${at}.dnsPolicy`, `dnsPolicy ${quote(pod.dnsPolicy)} is not one of ${policies.join(', ')}`, "leave it out for 'ClusterFirst'");
  }
  // pkg/apis/core/validation/validation.go: validatePodDNSConfig.
  if (pod.dnsPolicy === 'None' && !(pod.dnsConfig?.nameservers?.length)) {
    r.error(`${at}.dnsConfig.nameservers`, `dnsPolicy None needs at least one nameserver in dnsConfig`, "add dnsConfig: { nameservers: ['10.96.0.10'] }");
  }
  const nameservers = pod.dnsConfig?.nameservers ?? [];
  nameservers.forEach((ns, k) => checkIpField(r, `${at}.dnsConfig.nameservers[${k}]`, ns, 'nameserver'));
  if (nameservers.length > 3) {
    r.error(`${at}.dnsConfig.nameservers`, `${nameservers.length} nameservers given, at most 3 are allowed`, 'glibc reads only three nameserver lines (MAXNS): keep three');
  }
  (pod.dnsConfig?.searches ?? []).forEach((search, k) => {
    if (!isDns1123Subdomain(search.replace(/\.$/, ''))) r.error(`${at}.dnsConfig.searches[${k}]`, `search domain ${quote(search)} is not a DNS subdomain`, "use lower-case labels separated by dots, e.g. 'svc.example.com'");
  });
}

function checkPort(r: Report, path: string, value: unknown, what: string): boolean {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535) return true;
  r.error(path, `${what} ${quote(value)} is not a port number between 1 and 65535`, 'use an integer such as 80 or 8080');
  return false;
}

// ------------------------------------------------------------------ services

function servicePath(cluster: Cluster, index: number): string {
  // The generated kube-dns Service is last; its settings come from `dns`.
  return index === cluster.services.length - 1 ? 'dns' : `services[${index}]`;
}

function allPods(cluster: Cluster): Pod[] {
  return cluster.nodes.flatMap((n) => n.pods);
}

function checkServices(cluster: Cluster, ranges: Ranges, r: Report): void {
  const seen = new Map<string, string>();
  const clusterIPs = new Map<string, string>();
  const nodePorts = new Map<number, string>();
  const kubernetesIP = ranges.serviceCIDR ? nthAddress(ranges.serviceCIDR, KUBERNETES_SERVICE_IP_INDEX) : undefined;
  const pods = allPods(cluster);
  // The DNS Service's address is claimed first: a declared Service that takes it is the one to move.
  if (isIp(cluster.dns.clusterIP)) clusterIPs.set(cluster.dns.clusterIP, `Service ${DNS_NAMESPACE}/${DNS_SERVICE_NAME}`);
  cluster.services.forEach((svc, i) => {
    const at = servicePath(cluster, i);
    const isDns = at === 'dns';
    const ref = `${svc.namespace}/${svc.name}`;
    if (!isDns) {
      // pkg/apis/core/validation/validation.go: ValidateServiceName is a DNS-1035 label.
      if (!isDns1035Label(svc.name)) {
        r.error(`${at}.name`, `Service name ${quote(svc.name)} is not a DNS-1035 label`, `Service names start with a letter and use lower-case letters, digits and '-', e.g. '${suggestLabel(`svc-${svc.name}`)}'`);
      }
      checkLabel(r, `${at}.namespace`, svc.namespace, 'namespace');
      if (svc.namespace === DNS_NAMESPACE && svc.name === DNS_SERVICE_NAME) {
        r.error(`${at}.name`, `Service kube-system/kube-dns is generated from dns`, 'remove it from services and set dns: { clusterIP, pods } instead');
      }
      const types = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
      if (!types.includes(svc.type)) r.error(`${at}.type`, `Service type ${quote(svc.type)} is not one of ${types.join(', ')}`, "leave it out for 'ClusterIP'");
    }
    const prior = seen.get(ref);
    if (prior) r.error(`${at}.name`, `Service ${ref} is already declared at ${prior}`, 'Service names must be unique within a namespace');
    else seen.set(ref, at);

    const ipPath = isDns ? 'dns.clusterIP' : `${at}.clusterIP`;
    if (svc.type === 'ExternalName') {
      if (!isDns1123Subdomain(svc.externalName)) {
        r.error(`${at}.externalName`, `externalName ${quote(svc.externalName)} is not a DNS name`, "an ExternalName Service is a CNAME: give a host name such as 'db.example.com'");
      }
    } else if (svc.clusterIP === 'None') {
      if (svc.type !== 'ClusterIP') r.error(ipPath, `a ${svc.type} Service cannot be headless`, "use type 'ClusterIP' (the default) with clusterIP: 'None', or give it a ClusterIP");
    } else if (isDns && svc.clusterIP === '') {
      // No default DNS IP without a valid service CIDR; that error is already reported.
    } else if (svc.clusterIP !== undefined && checkIpField(r, ipPath, svc.clusterIP, isDns ? 'DNS ClusterIP' : 'ClusterIP')) {
      if (ranges.serviceCIDR && !cidrContainsIp(ranges.serviceCIDR, svc.clusterIP)) {
        r.error(ipPath, `${isDns ? 'the DNS ClusterIP' : 'ClusterIP'} ${svc.clusterIP} is outside the service CIDR ${ranges.serviceCIDR}`, `pick an address in ${ranges.serviceCIDR}${isDns ? ` (kubeadm uses the tenth: ${nthAddress(ranges.serviceCIDR, 10)})` : ''}`);
      } else if (svc.clusterIP === kubernetesIP) {
        r.error(ipPath, `ClusterIP ${svc.clusterIP} is taken by the default/kubernetes Service`, 'the API server Service always gets the first address of the service CIDR: pick another');
      }
      const owner = isDns ? undefined : clusterIPs.get(svc.clusterIP);
      if (owner) r.error(ipPath, `ClusterIP ${svc.clusterIP} is already taken by ${owner}`, owner.endsWith(DNS_SERVICE_NAME) ? `the cluster DNS owns ${svc.clusterIP}: pick another address for this Service` : 'every Service needs its own ClusterIP');
      else clusterIPs.set(svc.clusterIP, `Service ${ref}`);
    } else if (svc.clusterIP === undefined && !isDns) {
      r.error(ipPath, `no free ClusterIP left in the service CIDR`, 'widen network.serviceCIDR or set clusterIP explicitly');
    }
    if (svc.loadBalancerIP !== undefined) checkIpField(r, `${at}.loadBalancerIP`, svc.loadBalancerIP, 'loadBalancerIP');
    if (!isDns) checkServicePorts(svc, at, nodePorts, r);
    if (!isDns) checkSelector(cluster, svc, at, pods, r);
  });
}

function checkServicePorts(svc: Cluster['services'][number], at: string, nodePorts: Map<number, string>, r: Report): void {
  const needsPorts = svc.type !== 'ExternalName' && svc.clusterIP !== 'None';
  if (needsPorts && svc.ports.length === 0) {
    r.error(`${at}.ports`, `Service ${svc.name} has no ports`, 'add ports: [{ port: 80 }] (only headless and ExternalName Services may omit them)');
  }
  const names = new Set<string>();
  svc.ports.forEach((port, k) => {
    const pp = `${at}.ports[${k}]`;
    checkPort(r, `${pp}.port`, port.port, 'port');
    if (typeof port.targetPort === 'number') checkPort(r, `${pp}.targetPort`, port.targetPort, 'targetPort');
    else if (!isPortName(port.targetPort)) r.error(`${pp}.targetPort`, `targetPort ${quote(port.targetPort)} is neither a port number nor a port name`, "use a number such as 8080 or a container port name such as 'http'");
    if (svc.ports.length > 1 && port.name === '') {
      r.error(`${pp}.name`, `port ${port.port} has no name, but Service ${svc.name} has ${svc.ports.length} ports`, "name every port of a multi-port Service, e.g. name: 'http'");
    } else if (port.name !== '' && !isPortName(port.name)) {
      r.error(`${pp}.name`, `port name ${quote(port.name)} is not an IANA service name`, "use at most 15 lower-case letters, digits and '-', e.g. 'http'");
    }
    if (port.name !== '' && names.has(port.name)) r.error(`${pp}.name`, `port name ${quote(port.name)} is used twice in Service ${svc.name}`, 'give each port its own name');
    names.add(port.name);
    if (port.nodePort !== undefined) {
      if (!hasNodePort(svc.type)) {
        r.error(`${pp}.nodePort`, `nodePort is set on a ${svc.type} Service`, "only NodePort and LoadBalancer Services open node ports: set type: 'NodePort' or remove nodePort");
      } else if (!Number.isInteger(port.nodePort) || port.nodePort < NODE_PORT_RANGE.min || port.nodePort > NODE_PORT_RANGE.max) {
        r.error(`${pp}.nodePort`, `nodePort ${port.nodePort} is outside the NodePort range ${NODE_PORT_RANGE.min}-${NODE_PORT_RANGE.max}`, `pick a port between ${NODE_PORT_RANGE.min} and ${NODE_PORT_RANGE.max} (kube-apiserver --service-node-port-range)`);
      } else {
        const owner = nodePorts.get(port.nodePort);
        if (owner) r.error(`${pp}.nodePort`, `nodePort ${port.nodePort} is already used by ${owner}`, 'a node port is opened on every node, so it must be unique in the cluster');
        else nodePorts.set(port.nodePort, `Service ${svc.namespace}/${svc.name}`);
      }
    }
  });
}

function checkSelector(cluster: Cluster, svc: Cluster['services'][number], at: string, pods: Pod[], r: Report): void {
  if (!svc.selector || svc.type === 'ExternalName') return;
  const selected = pods.filter((p) => p.namespace === svc.namespace && labelsMatch(svc.selector, p.labels));
  const text = Object.entries(svc.selector).map(([k, v]) => `${k}=${v}`).join(',');
  if (selected.length === 0) {
    r.warning(`${at}.selector`, `selector ${text} matches no pod in namespace ${svc.namespace}`, `the Service has no endpoints: add labels ${JSON.stringify(svc.selector)} to its pods, or fix the selector`);
    return;
  }
  svc.ports.forEach((port, k) => {
    if (typeof port.targetPort !== 'string') return;
    const serving = selected.filter((p) => p.ports.some((cp) => cp.name === port.targetPort));
    if (serving.length === 0) {
      r.warning(`${at}.ports[${k}].targetPort`, `no selected pod declares a container port named ${quote(port.targetPort)}`, `add ports: [{ name: '${port.targetPort}', containerPort: ... }] to the pods, or use a number`);
    }
  });
}

// ------------------------------------------------------------------ DNS

function checkDns(cluster: Cluster, r: Report): void {
  const providers = ['coredns', 'kube-dns'];
  if (!providers.includes(cluster.dns.provider)) r.error('dns.provider', `DNS provider ${quote(cluster.dns.provider)} is not one of ${providers.join(', ')}`, "leave it out for 'coredns'");
  const pods = allPods(cluster);
  cluster.dns.pods.forEach((name, k) => {
    const pod = pods.find((p) => p.name === name && p.namespace === DNS_NAMESPACE);
    if (!pod) {
      const elsewhere = pods.find((p) => p.name === name);
      r.error(`dns.pods[${k}]`, `DNS pod ${quote(name)} is not declared in namespace ${DNS_NAMESPACE}`, elsewhere ? `set namespace: 'kube-system' on pod ${name}` : `declare it on a node: { name: '${name}', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' }, ip: '...' }`);
    } else if (!labelsMatch(DNS_POD_LABELS, pod.labels)) {
      r.error(`dns.pods[${k}]`, `DNS pod ${name} lacks the label k8s-app=kube-dns`, "add labels: { 'k8s-app': 'kube-dns' }: the kube-dns Service selects its endpoints by that label");
    }
  });
}

// ------------------------------------------------------------------ ingress and routes

function checkBackend(cluster: Cluster, namespace: string, backend: BackendRef, path: string, r: Report): void {
  const service = cluster.services.find((s) => s.namespace === namespace && s.name === backend?.service);
  if (!service) {
    r.error(`${path}.service`, `backend Service ${quote(backend?.service)} does not exist in namespace ${namespace}`, 'declare the Service in services, or fix the name');
  } else if (!service.ports.some((p) => p.port === backend.port)) {
    const ports = service.ports.map((p) => p.port).join(', ') || 'none';
    r.error(`${path}.port`, `Service ${service.name} has no port ${quote(backend.port)} (ports: ${ports})`, 'use one of the Service ports, not a targetPort');
  }
}

function checkRules(cluster: Cluster, namespace: string, rules: HttpPathRule[], at: string, r: Report): void {
  if (rules.length === 0) r.error(`${at}.rules`, 'no rules declared', "add rules: [{ path: '/', backend: { service: 'web', port: 80 } }]");
  rules.forEach((rule, k) => {
    const rp = `${at}.rules[${k}]`;
    if (rule.host !== undefined && !isDns1123Subdomain(rule.host.replace(/^\*\./, ''))) {
      r.error(`${rp}.host`, `host ${quote(rule.host)} is not a DNS name`, "use a host such as 'shop.example.com' (a leading '*.' wildcard is allowed)");
    }
    if (typeof rule.path !== 'string' || !rule.path.startsWith('/')) r.error(`${rp}.path`, `path ${quote(rule.path)} does not start with '/'`, "write an absolute path such as '/api'");
    checkBackend(cluster, namespace, rule.backend, `${rp}.backend`, r);
  });
}

function checkIngressesAndRoutes(cluster: Cluster, r: Report): void {
  const seen = new Set<string>();
  cluster.ingresses.forEach((ing, i) => {
    const at = `ingresses[${i}]`;
    checkLabel(r, `${at}.name`, ing.name, 'Ingress name');
    if (seen.has(`${ing.namespace}/${ing.name}`)) r.error(`${at}.name`, `Ingress ${ing.namespace}/${ing.name} is declared twice`, 'give each Ingress its own name');
    seen.add(`${ing.namespace}/${ing.name}`);
    if (ing.controllerService !== undefined) {
      const [ns, name] = ing.controllerService.includes('/') ? ing.controllerService.split('/') : [ing.namespace, ing.controllerService];
      if (!cluster.services.some((s) => s.namespace === ns && s.name === name)) {
        r.error(`${at}.controllerService`, `controller Service ${quote(ing.controllerService)} does not exist`, "declare it in services (e.g. a NodePort or LoadBalancer Service in namespace 'ingress-nginx'), or fix 'namespace/name'");
      }
    }
    checkRules(cluster, ing.namespace, ing.rules, at, r);
  });
  seen.clear();
  cluster.httpRoutes.forEach((route, i) => {
    const at = `httpRoutes[${i}]`;
    checkLabel(r, `${at}.name`, route.name, 'HTTPRoute name');
    if (seen.has(`${route.namespace}/${route.name}`)) r.error(`${at}.name`, `HTTPRoute ${route.namespace}/${route.name} is declared twice`, 'give each HTTPRoute its own name');
    seen.add(`${route.namespace}/${route.name}`);
    checkLabel(r, `${at}.gateway`, route.gateway, 'Gateway name');
    checkRules(cluster, route.namespace, route.rules, at, r);
  });
}

// ------------------------------------------------------------------ network policy

function checkPolicyPeer(peer: NetworkPolicyPeer, path: string, r: Report): void {
  if (peer.ipBlock) {
    if (peer.podSelector || peer.namespaceSelector) r.error(path, 'a peer sets ipBlock together with a selector', 'split it into two peers: ipBlock cannot be combined with podSelector or namespaceSelector');
    if (checkCidrField(r, `${path}.ipBlock.cidr`, peer.ipBlock.cidr, 'ipBlock')) {
      (peer.ipBlock.except ?? []).forEach((ex, k) => {
        if (checkCidrField(r, `${path}.ipBlock.except[${k}]`, ex, 'except') && !cidrContainsCidr(peer.ipBlock!.cidr, ex)) {
          r.error(`${path}.ipBlock.except[${k}]`, `except ${ex} is outside ipBlock ${peer.ipBlock!.cidr}`, 'an except range must lie inside the ipBlock cidr');
        }
      });
    }
  } else if (!peer.podSelector && !peer.namespaceSelector) {
    r.error(path, 'a peer selects nothing', 'set podSelector, namespaceSelector or ipBlock (use {} to select all)');
  }
}

function checkPolicyPort(port: NetworkPolicyPort, path: string, r: Report): void {
  if (typeof port.port === 'number') checkPort(r, `${path}.port`, port.port, 'port');
  else if (port.port !== undefined && !isPortName(port.port)) r.error(`${path}.port`, `port ${quote(port.port)} is neither a number nor a port name`, "use a number such as 80 or a port name such as 'http'");
  if (port.endPort !== undefined) {
    if (typeof port.port !== 'number') r.error(`${path}.endPort`, 'endPort needs a numeric port', 'set port to the first number of the range');
    else if (checkPort(r, `${path}.endPort`, port.endPort, 'endPort') && port.endPort < port.port) r.error(`${path}.endPort`, `endPort ${port.endPort} is below port ${port.port}`, 'endPort is the last port of the range, inclusive');
  }
}

function checkNetworkPolicies(cluster: Cluster, r: Report): void {
  const pods = allPods(cluster);
  const seen = new Set<string>();
  cluster.networkPolicies.forEach((policy, i) => {
    const at = `networkPolicies[${i}]`;
    checkLabel(r, `${at}.name`, policy.name, 'NetworkPolicy name');
    if (seen.has(`${policy.namespace}/${policy.name}`)) r.error(`${at}.name`, `NetworkPolicy ${policy.namespace}/${policy.name} is declared twice`, 'give each policy its own name');
    seen.add(`${policy.namespace}/${policy.name}`);
    policy.policyTypes.forEach((type, k) => {
      if (type !== 'Ingress' && type !== 'Egress') r.error(`${at}.policyTypes[${k}]`, `policy type ${quote(type)} is not Ingress or Egress`, "use 'Ingress' and/or 'Egress'");
    });
    const selected = pods.filter((p) => p.namespace === policy.namespace && labelsMatch(policy.podSelector.matchLabels, p.labels));
    if (selected.length === 0) r.warning(`${at}.podSelector`, `podSelector matches no pod in namespace ${policy.namespace}`, 'the policy isolates nothing: fix the labels or the namespace');
    policy.ingress.forEach((rule, k) => {
      (rule.from ?? []).forEach((peer, m) => checkPolicyPeer(peer, `${at}.ingress[${k}].from[${m}]`, r));
      (rule.ports ?? []).forEach((port, m) => checkPolicyPort(port, `${at}.ingress[${k}].ports[${m}]`, r));
    });
    policy.egress.forEach((rule, k) => {
      (rule.to ?? []).forEach((peer, m) => checkPolicyPeer(peer, `${at}.egress[${k}].to[${m}]`, r));
      (rule.ports ?? []).forEach((port, m) => checkPolicyPort(port, `${at}.egress[${k}].ports[${m}]`, r));
    });
  });
}

function checkNamespaces(input: ClusterInput, r: Report): void {
  const seen = new Set<string>();
  (input.namespaces ?? []).forEach((ns, i) => {
    checkLabel(r, `namespaces[${i}].name`, ns.name, 'namespace');
    if (seen.has(ns.name)) r.error(`namespaces[${i}].name`, `namespace ${quote(ns.name)} is declared twice`, 'declare each namespace once');
    seen.add(ns.name);
  });
}

// ------------------------------------------------------------------ entry point

/** The outcome of validating one definition. */
export interface ValidationResult {
  /** Every error and warning, in definition order. */
  diagnostics: Diagnostic[];
  /** The resolved cluster, when the definition had no errors. */
  cluster?: Cluster;
}

/** Validates a definition (the default export of a `diagrams/*.ts` file) and resolves it. */
export function validateCluster(input: unknown, options: ValidateOptions): ValidationResult {
  const r = new DiagnosticCollector(options.file);
  if (!checkShape(input, r)) return { diagnostics: r.diagnostics };
  const cluster = resolveCluster(input);
  checkClusterName(cluster, options.file, r);
  const ranges = checkNetwork(cluster, r);
  checkNamespaces(input, r);
  checkNodes(cluster, ranges, r);
  checkServices(cluster, ranges, r);
  checkDns(cluster, r);
  checkIngressesAndRoutes(cluster, r);
  checkNetworkPolicies(cluster, r);
  const failed = r.diagnostics.some((d) => d.severity === 'error');
  return failed ? { diagnostics: r.diagnostics } : { diagnostics: r.diagnostics, cluster };
}
