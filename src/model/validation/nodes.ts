/**
 * Nodes and the pods declared on them: names, addresses inside their ranges, no address used
 * twice, and pod addresses the plugin's IPAM could really have handed out.
 */
import { cidrContainsCidr, cidrContainsIp, cidrsOverlap, isCidr, isIp, nthAddress } from '../../net/cidr.ts';
import { networkPlugin, type NetworkPlugin } from '../../plugins/index.ts';
import { isDns1123Label, isPortName } from '../names.ts';
import type { Cluster, Node, Pod } from '../types.ts';
import { checkPodDns } from './dns.ts';
import { checkCidrField, checkIpField, checkLabel, checkPort, checkProtocol, checkSubdomain, podRef, quote, type Ranges, type Report } from './fields.ts';
import { checkLabelMap } from './labels.ts';

function checkNodeAddresses(cluster: Cluster, ranges: Ranges, r: Report): void {
  const nodeNames = new Map<string, number>();
  const nodeIPs = new Map<string, string>();
  cluster.nodes.forEach((node, i) => {
    const at = `nodes[${i}]`;
    // ValidateNodeName: a DNS-1123 subdomain.
    checkSubdomain(r, `${at}.name`, node.name, 'node name');
    const prior = nodeNames.get(node.name);
    if (prior === undefined) nodeNames.set(node.name, i);
    else r.error(`${at}.name`, `node name ${quote(node.name)} is already used by nodes[${prior}]`, 'give every node a unique name, e.g. node-1, node-2, ...');

    if (checkIpField(r, `${at}.ip`, node.ip, 'node IP')) {
      if (ranges.nodeCIDR && !cidrContainsIp(ranges.nodeCIDR, node.ip)) {
        r.error(
          `${at}.ip`,
          `node IP ${node.ip} is outside the node network ${ranges.nodeCIDR}`,
          `pick an address in ${ranges.nodeCIDR} or change network.nodeCIDR`,
        );
      }
      const owner = nodeIPs.get(node.ip);
      if (owner) r.error(`${at}.ip`, `node IP ${node.ip} is already used by ${owner}`, 'every node needs its own address');
      else nodeIPs.set(node.ip, node.name);
    }

    if (checkCidrField(r, `${at}.podCIDR`, node.podCIDR, `${node.name}'s podCIDR`)) {
      if (ranges.clusterCIDR && !cidrContainsCidr(ranges.clusterCIDR, node.podCIDR)) {
        r.error(
          `${at}.podCIDR`,
          `${node.name}'s podCIDR ${node.podCIDR} is outside the cluster CIDR ${ranges.clusterCIDR}`,
          `the node IPAM controller carves node ranges out of the cluster CIDR: pick a subnet of ${ranges.clusterCIDR}`,
        );
      }
      for (const other of cluster.nodes.slice(0, i)) {
        if (isCidr(other.podCIDR) && cidrsOverlap(other.podCIDR, node.podCIDR)) {
          r.error(
            `${at}.podCIDR`,
            `${node.name}'s podCIDR ${node.podCIDR} overlaps ${other.name}'s podCIDR ${other.podCIDR}`,
            'give every node a disjoint pod range, e.g. 10.244.0.0/24, 10.244.1.0/24, ...',
          );
        }
      }
    }
  });
}

/** Checks the pod IP against its node's range and the plugin's IPAM. */
function checkPodIP(cluster: Cluster, plugin: NetworkPlugin, node: Node, pod: Pod, at: string, r: Report): void {
  if (pod.hostNetwork) {
    if (pod.ip !== node.ip) {
      const message = `hostNetwork pod ${pod.name} has IP ${quote(pod.ip)}, not its node's IP ${node.ip}`;
      r.error(`${at}.ip`, message, 'leave ip out: a hostNetwork pod shares the node address');
    }
  } else if (pod.ip === '') {
    r.error(
      `${at}.ip`,
      `pod ${pod.name} has no IP`,
      `give it an address in ${node.name}'s podCIDR ${node.podCIDR}, e.g. '${nthAddress(node.podCIDR, 2) ?? '10.244.0.2'}'`,
    );
  } else if (checkIpField(r, `${at}.ip`, pod.ip, 'pod IP') && isCidr(node.podCIDR)) {
    if (!cidrContainsIp(node.podCIDR, pod.ip)) {
      const owner = cluster.nodes.find((other) => other !== node && cidrContainsIp(other.podCIDR, pod.ip));
      const move = owner ? `, or move the pod under ${owner.name}, whose podCIDR ${owner.podCIDR} holds ${pod.ip}` : '';
      r.error(
        `${at}.ip`,
        `${pod.ip} is outside ${node.name}'s podCIDR ${node.podCIDR}`,
        `a pod gets its IP from the podCIDR of the node it runs on: pick an address in ${node.podCIDR}${move}`,
      );
    } else {
      const problem = plugin.podAddressProblem(node, pod.ip);
      if (problem) r.error(`${at}.ip`, problem.message, problem.hint);
    }
  }
}

function checkPodSubdomain(cluster: Cluster, pod: Pod, path: string, r: Report): void {
  if (!isDns1123Label(pod.subdomain)) {
    checkLabel(r, path, pod.subdomain, 'subdomain');
    return;
  }
  const service = cluster.services.find((s) => s.namespace === pod.namespace && s.name === pod.subdomain);
  if (!service) {
    r.error(
      path,
      `subdomain ${quote(pod.subdomain)} names no Service in namespace ${pod.namespace}`,
      `declare a headless Service (clusterIP: 'None') named '${pod.subdomain}' that selects this pod, ` +
        `so ${pod.hostname ?? pod.name}.${pod.subdomain} gets a DNS record`,
    );
  } else if (service.clusterIP !== 'None') {
    r.warning(
      path,
      `subdomain ${quote(pod.subdomain)} names Service ${service.name}, which is not headless`,
      `set clusterIP: 'None' on Service ${service.name}: only headless Services give pods hostname records`,
    );
  }
}

function checkPods(cluster: Cluster, plugin: NetworkPlugin, r: Report): void {
  const podKeys = new Map<string, string>();
  const podIPs = new Map<string, string>();
  cluster.nodes.forEach((node, i) => {
    node.pods.forEach((pod, j) => {
      const at = `nodes[${i}].pods[${j}]`;
      // ValidatePodName: a DNS-1123 subdomain; namespaces are DNS-1123 labels.
      checkSubdomain(r, `${at}.name`, pod.name, 'pod name');
      checkLabel(r, `${at}.namespace`, pod.namespace, 'namespace');
      checkLabelMap(r, `${at}.labels`, pod.labels, 'label');
      const key = `${pod.namespace}/${pod.name}`;
      const prior = podKeys.get(key);
      if (!prior) podKeys.set(key, at);
      else {
        r.error(
          `${at}.name`,
          `pod ${quote(podRef(pod))} is already declared at ${prior}`,
          'pod names must be unique within a namespace: add a suffix such as -2',
        );
      }

      checkPodIP(cluster, plugin, node, pod, at, r);
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
        checkProtocol(r, `${at}.ports[${k}].protocol`, port.protocol);
        if (port.name !== undefined && !isPortName(port.name)) {
          r.error(
            `${at}.ports[${k}].name`,
            `port name ${quote(port.name)} is not an IANA service name`,
            "use at most 15 lower-case letters, digits and '-', with at least one letter, e.g. 'http'",
          );
        }
      });
    });
  });
}

/** Checks every node, then every pod. */
export function checkNodes(cluster: Cluster, ranges: Ranges, r: Report): void {
  const plugin = networkPlugin(cluster.plugin);
  checkNodeAddresses(cluster, ranges, r);
  for (const finding of plugin.checkNodes(cluster.nodes)) {
    if (finding.severity === 'error') r.error(finding.path, finding.message, finding.hint);
    else r.warning(finding.path, finding.message, finding.hint);
  }
  checkPods(cluster, plugin, r);
}
