/**
 * Node objects -> model nodes: name, the IPv4 InternalIP, the IPv4 pod CIDR, control-plane role.
 * Source of the fields: kubernetes.io/docs/reference/kubernetes-api/cluster-resources/node-v1
 * (spec.podCIDR, spec.podCIDRs, status.addresses); the control-plane label is kubeadm's
 * (`node-role.kubernetes.io/control-plane`, `.../master` before v1.24).
 */
import { isCidr, isIPv4 as isIp } from '../net/cidr.ts';
import type { NodeInput } from '../model/types.ts';
import type { IssueCollector, Location } from './issues.ts';
import type { Reader } from './read.ts';

/** A node read from the paste, before its pods are attached. */
export interface ImportedNode {
  /** The model node (pods added later). */
  node: NodeInput;
  /** Where the Node object is. */
  at: Location;
  /** Whether the Node had no IPv4 pod CIDR (it is then inferred from its pods). */
  missingPodCIDR: boolean;
  /** Annotation keys (never values), for plugin detection. */
  annotationKeys: string[];
  /** `flannel.alpha.coreos.com/backend-type`, the one annotation value read (flannel's backend). */
  flannelBackend?: string;
}

const CONTROL_PLANE_LABELS = ['node-role.kubernetes.io/control-plane', 'node-role.kubernetes.io/master'];
const FLANNEL_BACKEND_ANNOTATION = 'flannel.alpha.coreos.com/backend-type';

/** Whether `text` is an IPv6 address or CIDR (the model holds IPv4 only). */
export function isIPv6(text: string): boolean {
  return text.includes(':');
}

/** Reads a Node; undefined (with an error) when it has no name or no IPv4 address. */
export function importNode(read: Reader, issues: IssueCollector): ImportedNode | undefined {
  const metadata = read.object('metadata');
  const name = metadata?.string('name');
  if (!name) {
    issues.error(read.at('metadata.name'), 'a Node without a name was left out');
    return undefined;
  }
  const status = read.object('status');
  const addresses = (status?.objects('addresses') ?? []).map((a) => ({ type: a.string('type'), address: a.string('address') ?? '', at: a.location }));
  // The InternalIP is the node's address on the node network; an ExternalIP is taken only when
  // a node has no IPv4 InternalIP.
  const candidates = [...addresses.filter((a) => a.type === 'InternalIP'), ...addresses.filter((a) => a.type === 'ExternalIP')];
  const ipv4 = candidates.find((a) => isIp(a.address));
  if (!ipv4) {
    issues.error(read.at('status.addresses'), `Node ${name} has no IPv4 InternalIP or ExternalIP; the node and its pods were left out`);
    return undefined;
  }
  for (const extra of candidates.filter((a) => a.type === 'InternalIP' && a !== ipv4 && a.address !== ipv4.address)) {
    const family = isIPv6(extra.address) ? 'IPv6' : 'second';
    issues.warning(extra.at, `Node ${name}'s ${family} address ${extra.address} is not shown: the model holds one IPv4 address per node`);
  }

  const spec = read.object('spec');
  const cidrs = spec?.has('podCIDRs') ? spec.strings('podCIDRs') : [spec?.string('podCIDR')].filter((c): c is string => !!c);
  const podCIDR = cidrs.find((c) => !isIPv6(c));
  cidrs.forEach((cidr, i) => {
    if (cidr === podCIDR) {
      if (!isCidr(cidr)) issues.error(spec!.at(`podCIDRs[${i}]`), `pod CIDR ${JSON.stringify(cidr)} is not an IPv4 CIDR`);
    } else issues.warning(spec!.at(`podCIDRs[${i}]`), `Node ${name}'s pod CIDR ${cidr} is not shown: the model holds one IPv4 pod range per node (dual-stack is not modelled yet)`);
  });

  const labels = metadata?.stringMap('labels') ?? {};
  const annotations = metadata?.object('annotations');
  const annotationKeys = annotations ? Object.keys(annotations.value) : [];
  const backend = annotations?.value[FLANNEL_BACKEND_ANNOTATION];
  const node: NodeInput = { name, ip: ipv4.address, podCIDR: podCIDR ?? '' };
  if (CONTROL_PLANE_LABELS.some((label) => label in labels)) node.controlPlane = true;
  // The well-known zone label: the EndpointSlice controller and kube-proxy read it for trafficDistribution.
  const zone = labels['topology.kubernetes.io/zone'];
  if (zone) node.zone = zone;
  return {
    node,
    at: read.location,
    missingPodCIDR: podCIDR === undefined,
    annotationKeys,
    ...(typeof backend === 'string' ? { flannelBackend: backend } : {}),
  };
}
