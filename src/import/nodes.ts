/**
 * Node objects -> model nodes: name, the InternalIP and pod CIDR of each family, control-plane role.
 * Source of the fields: kubernetes.io/docs/reference/kubernetes-api/cluster-resources/node-v1
 * (spec.podCIDR, spec.podCIDRs, status.addresses); the control-plane label is kubeadm's
 * (`node-role.kubernetes.io/control-plane`, `.../master` before v1.24).
 */
import { ipFamilyOf, isCidr, isIp } from '../net/cidr.ts';
import type { NodeInput } from '../model/types.ts';
import type { IssueCollector, Location } from './issues.ts';
import type { Reader } from './read.ts';

/** A node read from the paste, before its pods are attached. */
export interface ImportedNode {
  /** The model node (pods added later). */
  node: NodeInput;
  /** Where the Node object is. */
  at: Location;
  /** Whether the Node had no pod CIDR (it is then inferred from its pods). */
  missingPodCIDR: boolean;
  /** Annotation keys (never values), for plugin detection. */
  annotationKeys: string[];
  /** `flannel.alpha.coreos.com/backend-type`, the one annotation value read (flannel's backend). */
  flannelBackend?: string;
}

const CONTROL_PLANE_LABELS = ['node-role.kubernetes.io/control-plane', 'node-role.kubernetes.io/master'];
const FLANNEL_BACKEND_ANNOTATION = 'flannel.alpha.coreos.com/backend-type';

/** Whether `text` is an IPv6 address or CIDR (by its `:`; no validation). */
export function isIPv6(text: string): boolean {
  return text.includes(':');
}

/** The first entry of each family, in the order listed (one per family, as the API allows). */
function onePerFamily(items: readonly string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const family = ipFamilyOf(item);
    if (!family || seen.has(family)) return false;
    seen.add(family);
    return true;
  });
}

/**
 * Reads a Node; undefined (with an error) when it has no name or no address. A dual-stack node
 * keeps an InternalIP and a pod CIDR of each family (`ips`, `podCIDRs`); `alignFamilies`
 * (src/import/families.ts) later puts the cluster's primary family first.
 */
export function importNode(read: Reader, issues: IssueCollector): ImportedNode | undefined {
  const metadata = read.object('metadata');
  const name = metadata?.string('name');
  if (!name) {
    issues.error(read.at('metadata.name'), 'a Node without a name was left out');
    return undefined;
  }
  const status = read.object('status');
  const addresses = (status?.objects('addresses') ?? []).map((a) => ({ type: a.string('type'), address: a.string('address') ?? '', at: a.location }));
  // The InternalIPs are the node's addresses on the node network (kubelet --node-ip, one per
  // family); ExternalIPs are taken only when a node has no InternalIP.
  const internal = addresses.filter((a) => a.type === 'InternalIP' && isIp(a.address));
  const chosen = internal.length > 0 ? internal : addresses.filter((a) => a.type === 'ExternalIP' && isIp(a.address));
  const ips = onePerFamily(chosen.map((a) => a.address));
  if (ips.length === 0) {
    issues.error(read.at('status.addresses'), `Node ${name} has no InternalIP or ExternalIP; the node and its pods were left out`);
    return undefined;
  }
  for (const extra of chosen.filter((a) => a.type === 'InternalIP' && !ips.includes(a.address))) {
    issues.warning(extra.at, `Node ${name}'s second ${ipFamilyOf(extra.address)} address ${extra.address} is not shown: the model holds one address per family per node`);
  }

  const spec = read.object('spec');
  const listed = spec?.has('podCIDRs') ? spec.strings('podCIDRs') : [spec?.string('podCIDR')].filter((c): c is string => !!c);
  listed.forEach((cidr, i) => {
    if (!isCidr(cidr)) issues.error(spec!.at(`podCIDRs[${i}]`), `pod CIDR ${JSON.stringify(cidr)} is not an ${isIPv6(cidr) ? 'IPv6' : 'IPv4'} CIDR`);
  });
  const cidrs = onePerFamily(listed.filter((c) => isCidr(c)));
  for (const cidr of listed.filter((c) => isCidr(c) && !cidrs.includes(c))) {
    issues.warning(spec!.at(`podCIDRs[${listed.indexOf(cidr)}]`), `Node ${name}'s second ${ipFamilyOf(cidr)} pod CIDR ${cidr} is not shown: the model holds one pod range per family per node`);
  }

  const labels = metadata?.stringMap('labels') ?? {};
  const annotations = metadata?.object('annotations');
  const annotationKeys = annotations ? Object.keys(annotations.value) : [];
  const backend = annotations?.value[FLANNEL_BACKEND_ANNOTATION];
  // An unreadable first pod CIDR stays (reported above), so the model's validation names the node.
  const invalidFirst = listed[0] !== undefined && !isCidr(listed[0]) ? listed[0] : undefined;
  const node: NodeInput = { name, ip: ips[0]!, podCIDR: invalidFirst ?? cidrs[0] ?? '' };
  if (ips.length > 1) node.ips = ips;
  if (cidrs.length > 1 && !invalidFirst) node.podCIDRs = cidrs;
  if (CONTROL_PLANE_LABELS.some((label) => label in labels)) node.controlPlane = true;
  // The well-known zone label: the EndpointSlice controller and kube-proxy read it for trafficDistribution.
  const zone = labels['topology.kubernetes.io/zone'];
  if (zone) node.zone = zone;
  return {
    node,
    at: read.location,
    missingPodCIDR: cidrs.length === 0 && !invalidFirst,
    annotationKeys,
    ...(typeof backend === 'string' ? { flannelBackend: backend } : {}),
  };
}
