/**
 * A pod's /etc/resolv.conf.
 * kubelet computes servers/searches/options: kubernetes pkg/kubelet/network/dns/dns.go (GetPodDNS);
 * the container runtime writes them: containerd internal/cri/server/sandbox_run.go (parseDNSOptions).
 */
import type { Cluster, Node, Pod } from '../model/types.ts';
import { findPod, nodeOfPod } from './lookup.ts';

/** kubernetes pkg/apis/core/validation/validation.go: MaxDNSNameservers. */
export const MAX_DNS_NAMESERVERS = 3;
/** kubernetes pkg/apis/core/validation/validation.go: MaxDNSSearchPaths (ExpandedDNSConfig, GA in v1.28). */
export const MAX_DNS_SEARCH_PATHS = 32;
/** kubernetes pkg/apis/core/validation/validation.go: MaxDNSSearchListChars (ExpandedDNSConfig, GA in v1.28). */
export const MAX_DNS_SEARCH_LIST_CHARS = 2048;
/** k8s.io/apimachinery validation: DNS1123SubdomainMaxLength; longer search paths are dropped. */
export const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
/** dns.go: defaultDNSOptions. */
export const DEFAULT_DNS_OPTIONS: readonly string[] = ['ndots:5'];

/** The DNS settings kubelet hands to the runtime (CRI DNSConfig), plus kubelet's warning events. */
export interface PodDnsSettings {
  /** `nameserver` lines, in order. */
  servers: string[];
  /** `search` domains, in order. */
  searches: string[];
  /** `options` entries, e.g. `ndots:5`. */
  options: string[];
  /** Messages of the `DNSConfigForming` warning events kubelet would record, if any limit was hit. */
  warnings: string[];
}

type PodDnsType = 'cluster' | 'host' | 'none';

/** dns.go getPodDNSType: ClusterFirst on hostNetwork falls back to Default. */
export function podDnsType(pod: Pick<Pod, 'dnsPolicy' | 'hostNetwork'>): PodDnsType {
  switch (pod.dnsPolicy) {
    case 'None':
      return 'none';
    case 'ClusterFirstWithHostNet':
      return 'cluster';
    case 'ClusterFirst':
      return pod.hostNetwork ? 'host' : 'cluster';
    case 'Default':
      return 'host';
  }
}

function omitDuplicates(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * dns.go mergeDNSOptions: options from dnsConfig replace same-named ones. kubelet rebuilds the
 * list from a Go map, so its order is unspecified upstream; we keep first-seen order.
 */
export function mergeDnsOptions(existing: readonly string[], extra: ReadonlyArray<{ name: string; value?: string }>): string[] {
  const merged = new Map<string, string>();
  for (const op of existing) {
    const i = op.indexOf(':');
    if (i === -1) merged.set(op, '');
    else merged.set(op.slice(0, i), op.slice(i + 1));
  }
  for (const op of extra) merged.set(op.name, op.value ?? '');
  return [...merged].map(([name, value]) => (value === '' ? name : `${name}:${value}`));
}

/** dns.go formDNSSearchFitsLimits. */
export function fitSearchLimits(searches: string[], warnings: string[] = []): string[] {
  let composed = [...searches];
  let exceeded = false;
  if (composed.length > MAX_DNS_SEARCH_PATHS) {
    composed = composed.slice(0, MAX_DNS_SEARCH_PATHS);
    exceeded = true;
  }
  const kept = composed.filter((s) => s.length <= DNS1123_SUBDOMAIN_MAX_LENGTH);
  if (kept.length !== composed.length) exceeded = true;
  composed = kept;
  const lineLength = composed.join(' ').length;
  if (lineLength > MAX_DNS_SEARCH_LIST_CHARS) {
    let cutNum = 0;
    let cutLen = 0;
    for (let i = composed.length - 1; i >= 0; i--) {
      cutLen += composed[i]!.length + 1;
      cutNum++;
      if (lineLength - cutLen <= MAX_DNS_SEARCH_LIST_CHARS) break;
    }
    composed = composed.slice(0, composed.length - cutNum);
    exceeded = true;
  }
  if (exceeded) {
    warnings.push(
      `Search Line limits were exceeded, some search paths have been omitted, the applied search line is: ${composed.join(' ')}`,
    );
  }
  return composed;
}

/** dns.go formDNSNameserversFitsLimits. */
export function fitNameserverLimits(servers: string[], warnings: string[] = []): string[] {
  if (servers.length <= MAX_DNS_NAMESERVERS) return servers;
  const kept = servers.slice(0, MAX_DNS_NAMESERVERS);
  warnings.push(
    `Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: ${kept.join(' ')}`,
  );
  return kept;
}

/** dns.go generateSearchesForDNSClusterFirst. */
export function clusterFirstSearches(namespace: string, clusterDomain: string, hostSearches: string[]): string[] {
  if (clusterDomain === '') return hostSearches;
  return omitDuplicates([`${namespace}.svc.${clusterDomain}`, `svc.${clusterDomain}`, clusterDomain, ...hostSearches]);
}

/**
 * kubelet's GetPodDNS for a pod on a node. The node's resolv.conf is what kubelet's
 * `--resolv-conf` points at (search entries lose a trailing dot, as parseResolvConf does).
 */
export function podDnsSettings(
  pod: Pod,
  node: Pick<Node, 'resolvConf'>,
  clusterDns: { clusterIP: string; clusterDomain: string; clusterIPs?: readonly string[] },
): PodDnsSettings {
  const warnings: string[] = [];
  const hostSearches = node.resolvConf.searches.map((s) => (s.endsWith('.') ? s.slice(0, -1) : s));
  let servers: string[] = [...node.resolvConf.nameservers];
  let searches: string[] = hostSearches;
  let options: string[] = [];
  switch (podDnsType(pod)) {
    case 'none':
      servers = [];
      searches = [];
      break;
    case 'cluster':
      // dns.go: one nameserver per kubelet `clusterDNS` address, in order (both families when it lists both).
      servers = clusterDns.clusterIPs && clusterDns.clusterIPs.length > 0 ? [...clusterDns.clusterIPs] : [clusterDns.clusterIP];
      searches = clusterFirstSearches(pod.namespace, clusterDns.clusterDomain, hostSearches);
      options = [...DEFAULT_DNS_OPTIONS];
      break;
    case 'host':
      break;
  }
  if (pod.dnsConfig) {
    servers = omitDuplicates([...servers, ...(pod.dnsConfig.nameservers ?? [])]);
    searches = omitDuplicates([...searches, ...(pod.dnsConfig.searches ?? [])]);
    options = mergeDnsOptions(options, pod.dnsConfig.options ?? []);
  }
  servers = fitNameserverLimits(servers, warnings);
  searches = fitSearchLimits(searches, warnings);
  return { servers, searches, options, warnings };
}

/** containerd parseDNSOptions: `search`, then one `nameserver` line each, then `options`. */
export function formatResolvConf(settings: Pick<PodDnsSettings, 'servers' | 'searches' | 'options'>): string {
  let out = '';
  if (settings.searches.length > 0) out += `search ${settings.searches.join(' ')}\n`;
  if (settings.servers.length > 0) out += `nameserver ${settings.servers.join('\nnameserver ')}\n`;
  if (settings.options.length > 0) out += `options ${settings.options.join(' ')}\n`;
  return out;
}

/** The DNS settings of a pod of a cluster, by `"ns/name"` or `"name"`. */
export function podDnsSettingsFor(cluster: Cluster, podRef: string): PodDnsSettings {
  const pod = findPod(cluster, podRef);
  return podDnsSettings(pod, nodeOfPod(cluster, pod), {
    clusterIP: cluster.dns.clusterIP,
    clusterDomain: cluster.network.clusterDomain,
    ...(cluster.dns.clusterIPs ? { clusterIPs: cluster.dns.clusterIPs } : {}),
  });
}

/** A pod's /etc/resolv.conf, byte for byte, by `"ns/name"` or `"name"`. */
export function resolvConf(cluster: Cluster, podRef: string): string {
  return formatResolvConf(podDnsSettingsFor(cluster, podRef));
}
