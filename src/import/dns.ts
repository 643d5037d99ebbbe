/**
 * The cluster DNS. The model generates `kube-system/kube-dns` from `dns:` (the Service kubeadm's
 * CoreDNS addon creates, cmd/kubeadm/app/phases/addons/dns/manifests.go), so the imported
 * kube-dns Service becomes `dns.clusterIP` instead of a declared Service. A distribution that
 * serves cluster DNS from another Service is recognised when that Service holds the tenth address
 * of the service range, the one kubeadm gives kube-dns (cmd/kubeadm/app/constants GetDNSIP);
 * OpenShift's `openshift-dns/dns-default` holds 172.30.0.10 of 172.30.0.0/16 (fixture set 03).
 */
import { nthAddress } from '../net/cidr.ts';
import type { ClusterDnsInput } from '../model/types.ts';
import type { IssueCollector } from './issues.ts';
import type { ImportedPod } from './pods.ts';
import type { ImportedService } from './services.ts';

/** The DNS settings and the Service that carried them (removed from the declared Services). */
export interface ImportedDns {
  /** The model's `dns`. */
  dns: ClusterDnsInput;
  /** The Service that is the cluster DNS, if the paste has one. */
  service?: ImportedService;
}

const KUBE_DNS = 'kube-system/kube-dns';

function provider(pods: readonly ImportedPod[]): ClusterDnsInput['provider'] {
  const dnsPods = pods.filter((p) => p.pod.namespace === 'kube-system' && p.pod.labels?.['k8s-app'] === 'kube-dns');
  const images = dnsPods.flatMap((p) => p.images);
  if (images.some((i) => /coredns/.test(i))) return 'coredns';
  if (images.some((i) => /kube-dns/.test(i))) return 'kube-dns';
  return undefined;
}

/** Finds the cluster DNS Service among `services` and reads the DNS settings from it. */
export function importDns(services: readonly ImportedService[], pods: readonly ImportedPod[], serviceCIDR: string | undefined, issues: IssueCollector): ImportedDns {
  const found = services.find((s) => `${s.service.namespace}/${s.service.name}` === KUBE_DNS);
  const tenth = serviceCIDR ? nthAddress(serviceCIDR, 10) : undefined;
  const other = found ? undefined : services.find((s) => tenth !== undefined && s.service.clusterIP === tenth);
  const service = found ?? other;
  const dns: ClusterDnsInput = {};
  const kind = provider(pods);
  if (kind) dns.provider = kind;
  if (service?.service.clusterIP) dns.clusterIP = service.service.clusterIP;
  const selector = found?.service.selector;
  if (found && (!selector || Object.keys(selector).length !== 1 || selector['k8s-app'] !== 'kube-dns')) {
    const text = selector ? Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(',') : 'none';
    issues.warning(found.at, `Service kube-system/kube-dns selects ${text}; the model's kube-dns selects k8s-app=kube-dns, so its DNS pods may differ`);
  }
  if (other) {
    const ref = `${other.service.namespace}/${other.service.name}`;
    issues.warning(other.at, `Service ${ref} holds the cluster DNS address ${tenth}; it is shown as the model's kube-system/kube-dns, and its pods (namespace ${other.service.namespace}) are not drawn as the DNS servers`);
  }
  return { dns, ...(service ? { service } : {}) };
}
