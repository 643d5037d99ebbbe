/**
 * The two objects of kubeadm's DNS addon a page shows, as kubeadm's templates write them
 * (kubernetes cmd/kubeadm/app/phases/addons/dns/manifests.go: CoreDNSService, CoreDNSConfigMap),
 * filled in from the cluster: the `kube-system/kube-dns` Service with the definition's address,
 * ports and selector, and the `kube-system/coredns` ConfigMap whose Corefile serves the cluster
 * domain with the definition's `pods` mode. The labels, annotations and `resourceVersion: "0"`
 * of the Service are the template's own (the model has no labels on the Service); the lines are
 * written as the template has them, quotes and comment included, so the text reads as the source.
 */
import { DNS_NAMESPACE, DNS_SERVICE_NAME } from '../model/defaults.ts';
import type { Cluster } from '../model/types.ts';
import { KUBEADM_COREDNS_TTL } from './dns-answer.ts';
import { findService } from './lookup.ts';

/** Kinds this module writes. */
export type KubeadmDnsKind = 'Service' | 'ConfigMap';

/** The Service as kubeadm writes it, with the model's address, ports and selector. */
export function kubeDnsServiceYaml(cluster: Cluster): string {
  const svc = findService(cluster, `${DNS_NAMESPACE}/${DNS_SERVICE_NAME}`);
  // kubeadm writes only clusterIP; a dual-stack definition also gives the second address.
  const dual = svc.clusterIPs && svc.clusterIPs.length > 1
    ? ['  clusterIPs:', ...svc.clusterIPs.map((ip) => `  - ${ip}`), `  ipFamilyPolicy: ${svc.ipFamilyPolicy ?? 'PreferDualStack'}`]
    : [];
  return [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  labels:',
    '    k8s-app: kube-dns',
    '    kubernetes.io/cluster-service: "true"',
    '    kubernetes.io/name: "CoreDNS"',
    `  name: ${svc.name}`,
    `  namespace: ${svc.namespace}`,
    '  annotations:',
    '    prometheus.io/port: "9153"',
    '    prometheus.io/scrape: "true"',
    '  # Without this resourceVersion value, an update of the Service between versions will yield:',
    '  #   Service "kube-dns" is invalid: metadata.resourceVersion: Invalid value: "": must be specified for an update',
    '  resourceVersion: "0"',
    'spec:',
    `  clusterIP: ${svc.clusterIP}`,
    ...dual,
    '  ports:',
    ...svc.ports.flatMap((p) => [`  - name: ${p.name}`, `    port: ${p.port}`, `    protocol: ${p.protocol}`, `    targetPort: ${p.targetPort ?? p.port}`]),
    '  selector:',
    ...Object.entries(svc.selector ?? {}).map(([k, v]) => `    ${k}: ${v}`),
    '',
  ].join('\n');
}

/** The Corefile kubeadm writes for the cluster domain, with the definition's `pods` mode. */
export function kubeadmCorefile(cluster: Cluster): string {
  const domain = cluster.network.clusterDomain;
  return [
    '.:53 {',
    '    errors',
    '    health {',
    '       lameduck 5s',
    '    }',
    '    ready',
    `    kubernetes ${domain} in-addr.arpa ip6.arpa {`,
    `       pods ${cluster.dns.podsMode}`,
    '       fallthrough in-addr.arpa ip6.arpa',
    `       ttl ${KUBEADM_COREDNS_TTL}`,
    '    }',
    '    prometheus :9153',
    '    forward . /etc/resolv.conf {',
    '       max_concurrent 1000',
    '    }',
    // Since kubeadm v1.32 (kubernetes/kubernetes#128359): no caching of the cluster domain's answers.
    '    cache 30 {',
    `       disable success ${domain}`,
    `       disable denial ${domain}`,
    '    }',
    '    loop',
    '    reload',
    '    loadbalance',
    '}',
    '',
  ].join('\n');
}

/** The ConfigMap `kube-system/coredns` holding that Corefile; throws for a cluster whose DNS is kube-dns (no Corefile). */
export function corednsConfigMapYaml(cluster: Cluster): string {
  if (cluster.dns.provider !== 'coredns') throw new Error(`Cluster "${cluster.name}" runs ${cluster.dns.provider}, which has no Corefile.`);
  const corefile = kubeadmCorefile(cluster).trimEnd().split('\n').map((line) => `    ${line}`);
  return ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: coredns', `  namespace: ${DNS_NAMESPACE}`, 'data:', '  Corefile: |', ...corefile, ''].join('\n');
}

/** One of the two, by kind. */
export function kubeadmDnsManifest(cluster: Cluster, kind: KubeadmDnsKind): string {
  return kind === 'Service' ? kubeDnsServiceYaml(cluster) : corednsConfigMapYaml(cluster);
}
