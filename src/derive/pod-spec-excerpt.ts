/**
 * The part of a pod's spec that decides its name and its resolver, as the reader would write it:
 * `dnsPolicy`, `hostNetwork`, `hostname`, `subdomain` and `dnsConfig`, in the order of the Go type
 * (kubernetes/api core/v1 PodSpec: dnsPolicy, hostNetwork, hostname, subdomain, dnsConfig;
 * PodDNSConfig: nameservers, searches, options). A field the definition leaves at the API default
 * is left out, as in a manifest: `dnsPolicy: ClusterFirst` (SetDefaults_PodSpec) and
 * `hostNetwork: false`. Lists of plain values are written in flow style (`["10.96.0.10"]`), option
 * values quoted, as in the kubernetes.io examples (`value: "2"`).
 */
import { Document, isScalar, visit } from 'yaml';
import type { Cluster, Pod } from '../model/types.ts';
import { findPod } from './lookup.ts';

type Fields = Record<string, unknown>;

/** The spec fields set on the pod, API defaults left out. */
export function podNetworkSpec(pod: Pod): Fields {
  const dns = pod.dnsConfig;
  const dnsConfig: Fields = {};
  if (dns?.nameservers?.length) dnsConfig.nameservers = [...dns.nameservers];
  if (dns?.searches?.length) dnsConfig.searches = [...dns.searches];
  if (dns?.options?.length) dnsConfig.options = dns.options.map((o) => ({ name: o.name, ...(o.value !== undefined ? { value: o.value } : {}) }));
  return {
    ...(pod.dnsPolicy !== 'ClusterFirst' ? { dnsPolicy: pod.dnsPolicy } : {}),
    ...(pod.hostNetwork ? { hostNetwork: true } : {}),
    ...(pod.hostname !== undefined ? { hostname: pod.hostname } : {}),
    ...(pod.subdomain !== undefined ? { subdomain: pod.subdomain } : {}),
    ...(Object.keys(dnsConfig).length ? { dnsConfig } : {}),
  };
}

/** `spec:` with those fields, as YAML; throws when the pod sets none of them (nothing to show). */
export function podSpecExcerptYaml(cluster: Cluster, podRef: string): string {
  const pod = findPod(cluster, podRef);
  const spec = podNetworkSpec(pod);
  if (Object.keys(spec).length === 0) {
    throw new Error(`Cluster "${cluster.name}": pod "${pod.namespace}/${pod.name}" sets no dnsPolicy, hostNetwork, hostname, subdomain or dnsConfig to show.`);
  }
  const doc = new Document({ spec });
  // A list of plain values in flow style, each double-quoted; a string the YAML would read as a
  // number (`"2"`) is quoted by the writer itself.
  visit(doc, {
    Seq(_, seq) {
      if (!seq.items.every(isScalar)) return;
      seq.flow = true;
      for (const item of seq.items) if (isScalar(item)) item.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
