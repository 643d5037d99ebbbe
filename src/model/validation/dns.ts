/**
 * DNS: each pod's dnsPolicy and dnsConfig, and the cluster DNS server and its pods.
 */
import { DNS_NAMESPACE, DNS_POD_LABELS, labelsMatch } from '../defaults.ts';
import { DNS_PODS_MODES, DNS_POLICIES, DNS_PROVIDERS } from '../enums.ts';
import type { Cluster, Pod } from '../types.ts';
import { allPods, checkIpField, quote, type Report } from './fields.ts';

/**
 * The API server's limits on `dnsConfig` (pkg/apis/core/validation/validation.go: MaxDNSNameservers,
 * MaxDNSSearchPaths and MaxDNSSearchListChars, raised to 32 and 2048 by ExpandedDNSConfig, GA in v1.28).
 */
export const DNS_CONFIG_LIMITS = { nameservers: 3, searchPaths: 32, searchListChars: 2048 } as const;

/** Checks a pod's dnsPolicy and dnsConfig (pkg/apis/core/validation/validation.go: validatePodDNSConfig). */
export function checkPodDns(pod: Pod, at: string, r: Report): void {
  if (!DNS_POLICIES.includes(pod.dnsPolicy)) {
    r.error(`${at}.dnsPolicy`, `dnsPolicy ${quote(pod.dnsPolicy)} is not one of ${DNS_POLICIES.join(', ')}`, "leave it out for 'ClusterFirst'");
  }
  if (pod.dnsPolicy === 'None' && !(pod.dnsConfig?.nameservers?.length)) {
    r.error(`${at}.dnsConfig.nameservers`, `dnsPolicy None needs at least one nameserver in dnsConfig`, "add dnsConfig: { nameservers: ['10.96.0.10'] }");
  }
  const nameservers = pod.dnsConfig?.nameservers ?? [];
  nameservers.forEach((ns, k) => checkIpField(r, `${at}.dnsConfig.nameservers[${k}]`, ns, 'nameserver'));
  if (nameservers.length > DNS_CONFIG_LIMITS.nameservers) {
    r.error(
      `${at}.dnsConfig.nameservers`,
      `${nameservers.length} nameservers given, at most ${DNS_CONFIG_LIMITS.nameservers} are allowed`,
      'the API server rejects more (MaxDNSNameservers), as glibc reads only three nameserver lines (MAXNS): keep three',
    );
  }
  const searches = pod.dnsConfig?.searches ?? [];
  if (searches.length > DNS_CONFIG_LIMITS.searchPaths) {
    r.error(
      `${at}.dnsConfig.searches`,
      `${searches.length} search domains given, at most ${DNS_CONFIG_LIMITS.searchPaths} are allowed`,
      'the API server rejects more (MaxDNSSearchPaths): drop some',
    );
  }
  const listChars = searches.join(' ').length;
  if (listChars > DNS_CONFIG_LIMITS.searchListChars) {
    r.error(
      `${at}.dnsConfig.searches`,
      `the search list is ${listChars} characters long (joined with spaces), at most ${DNS_CONFIG_LIMITS.searchListChars} are allowed`,
      'the API server rejects a longer list (MaxDNSSearchListChars): shorten or drop domains',
    );
  }
  (pod.dnsConfig?.options ?? []).forEach((option, k) => {
    if (typeof option?.name !== 'string' || option.name === '') {
      r.error(`${at}.dnsConfig.options[${k}].name`, 'a DNS option has no name', "give every option a name, e.g. { name: 'ndots', value: '2' }");
    }
  });
  searches.forEach((search, k) => {
    if (typeof search !== 'string' || !isSearchDomain(search)) {
      r.error(
        `${at}.dnsConfig.searches[${k}]`,
        `search domain ${quote(search)} is not a DNS subdomain`,
        "use lower-case labels separated by dots ('_' allowed), e.g. 'svc.example.com', or '.' alone",
      );
    }
  });
}

// apimachinery validation.go dns1123LabelFmtWithUnderscore: a label may start with one '_' and hold '_' inside.
const LABEL_WITH_UNDERSCORE = /^_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?$/;

/**
 * A `dnsConfig.searches` entry the API server accepts: with RelaxedDNSSearchValidation (KEP-4427,
 * GA and locked on in v1.34) the single root `.`, or a DNS-1123 subdomain whose labels may carry
 * underscores (IsDNS1123SubdomainWithUnderscore, at most 253 characters), with one trailing dot allowed.
 */
export function isSearchDomain(search: string): boolean {
  if (search === '.') return true;
  const name = search.endsWith('.') ? search.slice(0, -1) : search;
  return name.length > 0 && name.length <= 253 && name.split('.').every((label) => LABEL_WITH_UNDERSCORE.test(label));
}

/** Checks the cluster DNS: a known provider, and pods that exist in kube-system with the kube-dns label. */
export function checkDns(cluster: Cluster, r: Report): void {
  if (!DNS_PROVIDERS.includes(cluster.dns.provider)) {
    r.error('dns.provider', `DNS provider ${quote(cluster.dns.provider)} is not one of ${DNS_PROVIDERS.join(', ')}`, "leave it out for 'coredns'");
  }
  if (!DNS_PODS_MODES.includes(cluster.dns.podsMode)) {
    r.error('dns.podsMode', `pods mode ${quote(cluster.dns.podsMode)} is not one of ${DNS_PODS_MODES.join(', ')}`, "leave it out for 'insecure' (kubeadm's Corefile)");
  }
  const pods = allPods(cluster);
  cluster.dns.pods.forEach((name, k) => {
    const pod = pods.find((p) => p.name === name && p.namespace === DNS_NAMESPACE);
    if (!pod) {
      const elsewhere = pods.find((p) => p.name === name);
      const hint = elsewhere
        ? `set namespace: 'kube-system' on pod ${name}`
        : `declare it on a node: { name: '${name}', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' }, ip: '...' }`;
      r.error(`dns.pods[${k}]`, `DNS pod ${quote(name)} is not declared in namespace ${DNS_NAMESPACE}`, hint);
    } else if (!labelsMatch(DNS_POD_LABELS, pod.labels)) {
      r.error(
        `dns.pods[${k}]`,
        `DNS pod ${name} lacks the label k8s-app=kube-dns`,
        "add labels: { 'k8s-app': 'kube-dns' }: the kube-dns Service selects its endpoints by that label",
      );
    }
  });
}
