/**
 * IPv4/IPv6 dual-stack: the per-family lists of ranges, node addresses and pod ranges, pod
 * addresses, and a Service's `ipFamilyPolicy`, `ipFamilies` and `clusterIPs`, checked as the
 * API server and the components' flag parsing check them:
 * - kube-apiserver / kube-controller-manager flags: a dual-stack range list has two CIDRs of
 *   different families (cmd/kube-apiserver/app/options/validation.go, validateClusterIPFlags);
 * - pkg/apis/core/validation/validation.go: ValidateNode (podCIDRs, at most one per family,
 *   podCIDRs[0] = podCIDR), validatePodIPs (podIPs[0] = podIP, one per family),
 *   ValidateServiceClusterIPsRelatedFields (clusterIPs[0] = clusterIP, 'None' alone, one IP per
 *   family in the order of ipFamilies, SingleStack with two entries rejected);
 * - pkg/registry/core/service/storage/alloc.go initIPFamilyFields (RequireDualStack on a
 *   single-stack cluster, a family without a service range).
 */
import { cidrContainsCidr, cidrContainsIp, cidrsOverlap, ipFamilyOf, isCidr, isIp, nthAddress } from '../../net/cidr.ts';
import { networkPlugin, pluginModule } from '../../plugins/index.ts';
import { DNS_SERVICE_NAME } from '../defaults.ts';
import { clusterRanges, nodeIPs, nodePodCIDRs, podIPs, serviceFamilies } from '../ip-families.ts';
import type { Cluster, IPFamily, Service } from '../types.ts';
import { checkCidrField, checkIpField, podRef, quote, type Report } from './fields.ts';

const FAMILIES: readonly string[] = ['IPv4', 'IPv6'];
const POLICIES: readonly string[] = ['SingleStack', 'PreferDualStack', 'RequireDualStack'];

/** Checks a list of one value per family: at most two, valid, of different families, the first equal to `single`. */
function checkFamilyList(r: Report, path: string, list: unknown, single: string, singleField: string, kind: 'cidr' | 'ip', what: string): string[] {
  if (list === undefined) return [];
  if (!Array.isArray(list) || list.length === 0) {
    r.error(path, `${what} must be a list of one or two ${kind === 'cidr' ? 'CIDRs' : 'addresses'}`, `write e.g. ${kind === 'cidr' ? "['10.244.0.0/16', 'fd00:10:244::/56']" : "['10.244.1.2', 'fd00:10:244:1::2']"}`);
    return [];
  }
  if (list.length > 2) {
    r.error(path, `${what} has ${list.length} entries, at most two are allowed (one IPv4, one IPv6)`, 'keep one per family');
  }
  const valid: string[] = [];
  list.forEach((value, i) => {
    const ok = kind === 'cidr' ? checkCidrField(r, `${path}[${i}]`, value, what) : checkIpField(r, `${path}[${i}]`, value, what);
    if (ok) valid.push(value as string);
  });
  if (valid.length === 2 && ipFamilyOf(valid[0]) === ipFamilyOf(valid[1])) {
    r.error(`${path}[1]`, `${what} ${quote(valid[0])} and ${quote(valid[1])} are both ${ipFamilyOf(valid[0])}`, 'a dual-stack list has one entry of each family: one IPv4 and one IPv6');
  }
  if (single !== '' && list[0] !== single) {
    r.error(`${path}[0]`, `${what}[0] ${quote(list[0])} differs from ${singleField} ${quote(single)}`, `the first entry is the primary one: make it equal to ${singleField} (or leave ${singleField} out)`);
  }
  return valid;
}

function rangeOfFamily(ranges: readonly string[], ip: string): string | undefined {
  return ranges.find((c) => ipFamilyOf(c) === ipFamilyOf(ip));
}

function checkNetworkLists(cluster: Cluster, r: Report): void {
  const n = cluster.network;
  checkFamilyList(r, 'network.nodeCIDRs', n.nodeCIDRs, n.nodeCIDR, 'network.nodeCIDR', 'cidr', 'node network');
  checkFamilyList(r, 'network.clusterCIDRs', n.clusterCIDRs, n.clusterCIDR, 'network.clusterCIDR', 'cidr', 'cluster CIDR');
  checkFamilyList(r, 'network.serviceCIDRs', n.serviceCIDRs, n.serviceCIDR, 'network.serviceCIDR', 'cidr', 'service CIDR');
  // The three networks of the second family must be disjoint too (the first family is checked in network.ts).
  const all = clusterRanges(cluster);
  const second = (list: string[]): string | undefined => (list.length > 1 && isCidr(list[1]) ? list[1] : undefined);
  const pairs: Array<[string, string | undefined, string, string | undefined]> = [
    ['network.clusterCIDRs[1]', second(all.clusterCIDRs), 'node network', second(all.nodeCIDRs)],
    ['network.serviceCIDRs[1]', second(all.serviceCIDRs), 'node network', second(all.nodeCIDRs)],
    ['network.serviceCIDRs[1]', second(all.serviceCIDRs), 'cluster CIDR', second(all.clusterCIDRs)],
  ];
  for (const [path, a, otherName, b] of pairs) {
    if (a && b && cidrsOverlap(a, b)) r.error(path, `${a} overlaps the ${otherName} ${b}`, 'pick disjoint ranges for nodes, pods and Services');
  }
}

function checkNodeLists(cluster: Cluster, r: Report): void {
  const { nodeCIDRs, clusterCIDRs } = clusterRanges(cluster);
  const seenRanges: Array<{ cidr: string; node: string }> = [];
  cluster.nodes.forEach((node, i) => {
    const at = `nodes[${i}]`;
    const ips = checkFamilyList(r, `${at}.ips`, node.ips, node.ip, 'ip', 'ip', `${node.name}'s address`);
    ips.slice(1).forEach((ip) => {
      const range = rangeOfFamily(nodeCIDRs, ip);
      if (!range) r.error(`${at}.ips[1]`, `${node.name}'s ${ipFamilyOf(ip)} address ${ip} has no ${ipFamilyOf(ip)} node network`, `add a ${ipFamilyOf(ip)} range to network.nodeCIDRs`);
      else if (!cidrContainsIp(range, ip)) r.error(`${at}.ips[1]`, `${node.name}'s address ${ip} is outside the node network ${range}`, `pick an address in ${range}`);
    });
    const cidrs = checkFamilyList(r, `${at}.podCIDRs`, node.podCIDRs, node.podCIDR, 'podCIDR', 'cidr', `${node.name}'s podCIDR`);
    cidrs.forEach((cidr, k) => {
      if (k === 0) return; // the primary range is checked with podCIDR (nodes.ts)
      const range = rangeOfFamily(clusterCIDRs, cidr);
      if (!range) {
        r.error(`${at}.podCIDRs[${k}]`, `${node.name}'s ${ipFamilyOf(cidr)} podCIDR ${cidr} has no ${ipFamilyOf(cidr)} cluster CIDR`, `node IPAM hands out ranges of the families of --cluster-cidr: add a ${ipFamilyOf(cidr)} range to network.clusterCIDRs`);
      } else if (!cidrContainsCidr(range, cidr)) {
        r.error(`${at}.podCIDRs[${k}]`, `${node.name}'s podCIDR ${cidr} is outside the cluster CIDR ${range}`, `pick a subnet of ${range}`);
      }
      const clash = seenRanges.find((s) => cidrsOverlap(s.cidr, cidr));
      if (clash) r.error(`${at}.podCIDRs[${k}]`, `${node.name}'s podCIDR ${cidr} overlaps ${clash.node}'s podCIDR ${clash.cidr}`, 'give every node a disjoint pod range');
      seenRanges.push({ cidr, node: node.name });
    });
    if (clusterCIDRs.length === 2 && nodePodCIDRs(node).length === 1 && node.podCIDRs === undefined) {
      r.warning(`${at}.podCIDRs`, `${node.name} has one podCIDR, but the cluster CIDR is dual-stack`, 'node IPAM gives every node one range per family: add podCIDRs with an IPv6 range');
    }
  });
}

function checkPodLists(cluster: Cluster, r: Report): void {
  const owners = new Map<string, string>();
  cluster.nodes.forEach((node, i) => {
    node.pods.forEach((pod, j) => {
      const at = `nodes[${i}].pods[${j}]`;
      if (pod.podIPs === undefined) return;
      const ips = checkFamilyList(r, `${at}.podIPs`, pod.podIPs, pod.ip, 'ip', 'ip', 'pod IP');
      if (pod.hostNetwork) {
        const want = nodeIPs(node);
        if (JSON.stringify(pod.podIPs) !== JSON.stringify(want)) {
          r.error(`${at}.podIPs`, `hostNetwork pod ${pod.name} has podIPs ${quote(pod.podIPs.join(','))}, not its node's addresses ${want.join(',')}`, 'leave podIPs out: a hostNetwork pod shares the node addresses');
        }
        return;
      }
      ips.slice(1).forEach((ip) => {
        const range = rangeOfFamily(nodePodCIDRs(node), ip);
        if (!range) r.error(`${at}.podIPs[1]`, `${ip} is ${ipFamilyOf(ip)}, but ${node.name} has no ${ipFamilyOf(ip)} podCIDR`, `add the ${ipFamilyOf(ip)} range to ${node.name}'s podCIDRs`);
        else if (!cidrContainsIp(range, ip)) r.error(`${at}.podIPs[1]`, `${ip} is outside ${node.name}'s podCIDR ${range}`, `a pod gets one address from each podCIDR of its node: pick one in ${range}`);
        const owner = owners.get(ip);
        if (owner) r.error(`${at}.podIPs[1]`, `pod IP ${ip} is already used by ${owner}`, 'every pod needs its own address');
        else owners.set(ip, `pod ${podRef(pod)}`);
      });
    });
  });
  // A single-address pod on a dual-stack node: the CNI plugin (host-local with two ranges) gives it both.
  cluster.nodes.forEach((node, i) => {
    if (nodePodCIDRs(node).length < 2) return;
    node.pods.forEach((pod, j) => {
      if (!pod.hostNetwork && podIPs(pod).length === 1) {
        r.warning(`nodes[${i}].pods[${j}].podIPs`, `pod ${podRef(pod)} has one address, but ${node.name} has a podCIDR of each family`, `add podIPs: ['${pod.ip}', '<an address in ${nodePodCIDRs(node)[1]}>']`);
      }
    });
  });
}

/** ValidateServiceClusterIPsRelatedFields and alloc.go's family checks for one Service. */
function checkServiceFamilies(svc: Service, at: string, families: IPFamily[], serviceCIDRs: string[], taken: Map<string, string>, r: Report): void {
  const given = svc.ipFamilyPolicy !== undefined || svc.ipFamilies !== undefined || svc.clusterIPs !== undefined;
  if (!given) return;
  if (svc.type === 'ExternalName') {
    r.error(`${at}.ipFamilyPolicy`, 'an ExternalName Service has no ClusterIPs: ipFamilyPolicy, ipFamilies and clusterIPs must not be set', 'remove them');
    return;
  }
  const policy = svc.ipFamilyPolicy;
  if (policy !== undefined && !POLICIES.includes(policy)) {
    r.error(`${at}.ipFamilyPolicy`, `ipFamilyPolicy ${quote(policy)} is not one of ${POLICIES.join(', ')}`, "use 'SingleStack' (the default), 'PreferDualStack' or 'RequireDualStack'");
  }
  const fams = svc.ipFamilies ?? [];
  if (fams.length > 2) r.error(`${at}.ipFamilies`, `ipFamilies has ${fams.length} entries, at most two are allowed`, "use ['IPv4'], ['IPv6'], ['IPv4', 'IPv6'] or ['IPv6', 'IPv4']");
  fams.forEach((f, i) => {
    if (!FAMILIES.includes(f)) r.error(`${at}.ipFamilies[${i}]`, `ipFamilies[${i}] ${quote(f)} is not IPv4 or IPv6`, "write 'IPv4' or 'IPv6'");
    else if (fams.indexOf(f) !== i) r.error(`${at}.ipFamilies[${i}]`, `ipFamilies lists ${f} twice`, 'a dual-stack Service lists each family once');
  });
  const ips = svc.clusterIPs ?? [];
  if (ips.length > 2) r.error(`${at}.clusterIPs`, `clusterIPs has ${ips.length} entries, at most two are allowed`, 'give one ClusterIP per family');
  if (ips.length > 0 && svc.clusterIP !== undefined && ips[0] !== svc.clusterIP) {
    r.error(`${at}.clusterIPs[0]`, `clusterIPs[0] ${quote(ips[0])} differs from clusterIP ${quote(svc.clusterIP)}`, 'clusterIP is always the first of clusterIPs: make them equal or leave clusterIP out');
  }
  if (ips.includes('None') && (ips[0] !== 'None' || ips.length > 1)) {
    r.error(`${at}.clusterIPs`, `'None' must be the first and only value of clusterIPs`, "a headless Service has clusterIPs: ['None']");
  }
  if (policy === 'SingleStack' && (ips.length === 2 || fams.length === 2)) {
    r.error(`${at}.ipFamilyPolicy`, `ipFamilyPolicy SingleStack with two ${ips.length === 2 ? 'ClusterIPs' : 'ipFamilies'}`, "must be 'RequireDualStack' or 'PreferDualStack' when two are given");
  }
  const headless = ips[0] === 'None';
  ips.forEach((ip, i) => {
    if (ip === 'None' || ip === undefined || ip === '') return;
    if (!checkIpField(r, `${at}.clusterIPs[${i}]`, ip, 'ClusterIP')) return;
    const family = ipFamilyOf(ip);
    if (fams[i] !== undefined && FAMILIES.includes(fams[i]!) && fams[i] !== family) {
      r.error(`${at}.clusterIPs[${i}]`, `clusterIPs[${i}] ${ip} is ${family}, but ipFamilies[${i}] is ${fams[i]}`, 'list the ClusterIPs in the order of ipFamilies');
    }
    if (i === 1 && ipFamilyOf(ips[0]) === family) r.error(`${at}.clusterIPs[1]`, `clusterIPs has two ${family} addresses`, 'give at most one ClusterIP per family');
    if (i === 0) return; // the first is clusterIP, checked with it (services.ts)
    const range = rangeOfFamily(serviceCIDRs, ip);
    if (!range) r.error(`${at}.clusterIPs[${i}]`, `${family} is not configured on this cluster`, `add a ${family} range to network.serviceCIDRs`);
    else if (!cidrContainsIp(range, ip)) r.error(`${at}.clusterIPs[${i}]`, `ClusterIP ${ip} is outside the service CIDR ${range}`, `pick an address in ${range}`);
    const owner = taken.get(ip);
    if (owner) r.error(`${at}.clusterIPs[${i}]`, `ClusterIP ${ip} is already taken by ${owner}`, 'every Service needs its own ClusterIPs');
    else taken.set(ip, `Service ${svc.namespace}/${svc.name}`);
  });
  // alloc.go: headless Services without a selector accept families the cluster lacks; all others do not.
  const selectorless = !svc.selector || Object.keys(svc.selector).length === 0;
  if (headless && selectorless) return;
  if (policy === 'RequireDualStack' && families.length < 2) {
    r.error(`${at}.ipFamilyPolicy`, 'ipFamilyPolicy RequireDualStack, but this cluster is not configured for dual-stack services', "give network.serviceCIDRs a range of each family, or use 'PreferDualStack'");
  }
  fams.forEach((f, i) => {
    if (FAMILIES.includes(f) && !families.includes(f)) {
      r.error(`${at}.ipFamilies[${i}]`, `${f} is not configured on this cluster`, `the cluster's service ranges are ${families.join(', ') || 'none'}: add a ${f} range to network.serviceCIDRs`);
    }
  });
}

/** A plugin mode that carries no IPv6 (Calico IP-in-IP) on a cluster with an IPv6 pod range. */
function checkPluginFamilies(cluster: Cluster, r: Report): void {
  const module = pluginModule(cluster.plugin?.name);
  if (!module) return; // reported by the shape check
  const ipv6 = clusterRanges(cluster).clusterCIDRs.find((c) => ipFamilyOf(c) === 'IPv6');
  if (!ipv6) return;
  let unsupported;
  try {
    unsupported = networkPlugin(cluster.plugin).ipv6Unsupported;
  } catch {
    return; // an invalid spec is reported elsewhere
  }
  if (!unsupported) return;
  const path = module.mode ? `plugin.${module.mode.field}` : 'plugin';
  r.error(path, `${unsupported.message} (network.clusterCIDRs has ${ipv6})`, unsupported.hint);
}

/** Checks every per-family list of the definition. */
export function checkDualStack(cluster: Cluster, r: Report): void {
  checkPluginFamilies(cluster, r);
  checkNetworkLists(cluster, r);
  checkNodeLists(cluster, r);
  checkPodLists(cluster, r);
  const families = serviceFamilies(cluster);
  const { serviceCIDRs } = clusterRanges(cluster);
  const taken = new Map<string, string>();
  const last = cluster.services.length - 1;
  cluster.services.forEach((svc, i) => {
    const at = i === last && svc.name === DNS_SERVICE_NAME ? 'dns' : `services[${i}]`;
    checkServiceFamilies(svc, at, families, serviceCIDRs, taken, r);
  });
  const dnsIPs = cluster.dns.clusterIPs ?? [];
  dnsIPs.forEach((ip, i) => {
    if (i > 0 && isIp(ip) && ip === nthAddress(serviceCIDRs[0] ?? '', 1)) {
      r.error(`dns.clusterIPs[${i}]`, `ClusterIP ${ip} is taken by the default/kubernetes Service`, 'pick another address');
    }
  });
}
