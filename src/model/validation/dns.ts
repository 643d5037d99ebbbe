/**
 * DNS: each pod's dnsPolicy and dnsConfig, and the cluster DNS server and its pods.
 */
import { DNS_NAMESPACE, DNS_POD_LABELS, labelsMatch } from '../defaults.ts';
import { DNS_PODS_MODES, DNS_POLICIES, DNS_PROVIDERS } from '../enums.ts';
import { isDns1123Subdomain } from '../names.ts';
import type { Cluster, Pod } from '../types.ts';
import { allPods, checkIpField, quote, type Report } from './fields.ts';

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
  if (nameservers.length > 3) {
    r.error(
      `${at}.dnsConfig.nameservers`,
      `${nameservers.length} nameservers given, at most 3 are allowed`,
      'glibc reads only three nameserver lines (MAXNS): keep three',
    );
  }
  (pod.dnsConfig?.searches ?? []).forEach((search, k) => {
    if (!isDns1123Subdomain(search.replace(/\.$/, ''))) {
      r.error(
        `${at}.dnsConfig.searches[${k}]`,
        `search domain ${quote(search)} is not a DNS subdomain`,
        "use lower-case labels separated by dots, e.g. 'svc.example.com'",
      );
    }
  });
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
