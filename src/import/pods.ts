/**
 * Pod objects -> model pods: name, namespace, node, pod IPs (one per family), labels, hostNetwork, DNS
 * settings, hostname/subdomain and container ports. Field reference:
 * kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1.
 * Pods that are not running anywhere (no nodeName), finished (phase Succeeded/Failed: the
 * EndpointSlice controller skips them, pkg/controller/endpointslice, and their IP may be reused)
 * or still without an IP are left out with a warning.
 */
import { ipFamilyOf, isIp } from '../net/cidr.ts';
import type { ContainerPortInput, DnsPolicy, PodDnsConfig, PodInput, Protocol } from '../model/types.ts';
import type { IssueCollector, Location } from './issues.ts';
import { isIPv6 } from './nodes.ts';
import type { Reader } from './read.ts';

/** A pod read from the paste, with the node it runs on. */
export interface ImportedPod {
  /** The model pod. */
  pod: PodInput;
  /** `spec.nodeName`. */
  nodeName: string;
  /** The pod IP as reported (also for hostNetwork pods, where the model uses the node IP). */
  reportedIP: string;
  /** The pod's addresses as reported, one per family (`status.podIPs`); `[reportedIP]` when left out. */
  reportedIPs?: string[];
  /** Where the Pod object is. */
  at: Location;
  /** Kind and name of the controller that owns it (`DaemonSet/calico-node`), for plugin detection. */
  owner?: string;
  /** Container images, for plugin and DNS-provider detection. */
  images: string[];
}

const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];
const DNS_POLICIES: readonly DnsPolicy[] = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];
const FINISHED_PHASES = ['Succeeded', 'Failed'];

function dnsConfigOf(read: Reader): PodDnsConfig | undefined {
  const config = read.object('dnsConfig');
  if (!config) return undefined;
  const out: PodDnsConfig = {};
  if (config.has('nameservers')) out.nameservers = config.strings('nameservers');
  if (config.has('searches')) out.searches = config.strings('searches');
  if (config.has('options')) {
    out.options = config.objects('options').flatMap((o) => {
      const name = o.string('name');
      const value = o.string('value');
      return name ? [{ name, ...(value !== undefined ? { value } : {}) }] : [];
    });
  }
  return out;
}

function containerPorts(spec: Reader, podName: string, issues: IssueCollector): ContainerPortInput[] {
  return spec.objects('containers').flatMap((container) =>
    container.objects('ports').flatMap((p) => {
      const containerPort = p.integer('containerPort');
      if (containerPort === undefined) return [];
      if (p.has('hostPort')) {
        issues.warning(p.at('hostPort'), `pod ${podName}'s hostPort ${String(p.value.hostPort)} is not shown: the model has no host ports`);
      }
      const name = p.string('name');
      const protocol = p.oneOf('protocol', PROTOCOLS);
      return [{ containerPort, ...(name !== undefined ? { name } : {}), ...(protocol && protocol !== 'TCP' ? { protocol } : {}) }];
    }),
  );
}

function podIPs(status: Reader | undefined): string[] {
  if (!status) return [];
  const listed = status.objects('podIPs').map((p) => p.string('ip')).filter((ip): ip is string => !!ip);
  if (listed.length > 0) return listed;
  const single = status.string('podIP');
  return single ? [single] : [];
}

/** Reads a Pod; undefined (with a warning or error) when it cannot be placed on a node. */
export function importPod(read: Reader, issues: IssueCollector): ImportedPod | undefined {
  const metadata = read.object('metadata');
  const name = metadata?.string('name');
  if (!name) {
    issues.error(read.at('metadata.name'), 'a Pod without a name was left out');
    return undefined;
  }
  const namespace = metadata?.string('namespace') ?? 'default';
  const ref = `${namespace}/${name}`;
  const spec = read.object('spec');
  const status = read.object('status');
  const nodeName = spec?.string('nodeName');
  const phase = status?.string('phase');
  if (!nodeName) {
    issues.warning(read.at('spec.nodeName'), `pod ${ref} was left out: it is not scheduled on a node (phase ${phase ?? 'unknown'})`);
    return undefined;
  }
  if (phase && FINISHED_PHASES.includes(phase)) {
    issues.warning(read.at('status.phase'), `pod ${ref} was left out: it has finished (phase ${phase}) and no longer holds its IP`);
    return undefined;
  }
  const hostNetwork = spec?.boolean('hostNetwork') ?? false;
  const listed = podIPs(status);
  listed.forEach((ip, i) => {
    if (!isIp(ip)) issues.error(read.at(i === 0 ? 'status.podIP' : `status.podIPs[${i}]`), `pod IP ${JSON.stringify(ip)} is not an ${isIPv6(ip) ? 'IPv6' : 'IPv4'} address`);
  });
  // At most one address per family (validatePodIPs); the first is status.podIP. An unreadable
  // first address stays (reported above), so the model's validation names the pod.
  const valid = listed.filter((ip, i) => isIp(ip) && listed.findIndex((other) => ipFamilyOf(other) === ipFamilyOf(ip)) === i);
  const ips = listed[0] !== undefined && !isIp(listed[0]) ? [listed[0]] : valid;
  if (!hostNetwork && ips.length === 0) {
    issues.warning(read.at('status.podIP'), `pod ${ref} was left out: it has no IP yet`);
    return undefined;
  }

  const pod: PodInput = { name, namespace };
  if (!hostNetwork) pod.ip = ips[0]!;
  if (!hostNetwork && ips.length > 1) pod.podIPs = ips;
  if (hostNetwork) pod.hostNetwork = true;
  const labels = metadata?.stringMap('labels');
  if (labels && Object.keys(labels).length > 0) pod.labels = labels;
  const dnsPolicy = spec?.oneOf('dnsPolicy', DNS_POLICIES);
  if (dnsPolicy && dnsPolicy !== 'ClusterFirst') pod.dnsPolicy = dnsPolicy;
  const dnsConfig = spec ? dnsConfigOf(spec) : undefined;
  if (dnsConfig) pod.dnsConfig = dnsConfig;
  const hostname = spec?.string('hostname');
  if (hostname !== undefined) pod.hostname = hostname;
  const subdomain = spec?.string('subdomain');
  if (subdomain !== undefined) pod.subdomain = subdomain;
  const ports = spec ? containerPorts(spec, ref, issues) : [];
  if (ports.length > 0) pod.ports = ports;
  // Endpoint conditions as the EndpointSlice controller derives them from the pod
  // (staging/src/k8s.io/endpointslice/utils.go podToEndpoint): serving = the Ready condition,
  // terminating = a deletionTimestamp is set. EndpointSlices in the paste override these.
  const readyCondition = (status?.objects('conditions') ?? []).find((c) => c.string('type') === 'Ready');
  if (readyCondition?.string('status') === 'False') pod.ready = false;
  if (metadata?.has('deletionTimestamp')) pod.terminating = true;

  const owners = metadata?.objects('ownerReferences') ?? [];
  const controller = owners.find((o) => o.boolean('controller')) ?? owners[0];
  const ownerKind = controller?.string('kind');
  const ownerName = controller?.string('name');
  const images = (spec?.objects('containers') ?? []).map((c) => c.string('image') ?? '').filter(Boolean);
  return {
    pod,
    nodeName,
    reportedIP: ips[0] ?? '',
    reportedIPs: ips,
    at: read.location,
    ...(ownerKind && ownerName ? { owner: `${ownerKind}/${ownerName}` } : {}),
    images,
  };
}
