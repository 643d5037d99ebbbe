/**
 * Plain-text pieces shared by the views and the descriptions (never Mermaid syntax: the
 * flowchart builder escapes them).
 */
import { DNS_NAMESPACE, DNS_SERVICE_NAME } from '../model/defaults.ts';
import type { Cluster, Pod, Service, ServicePort } from '../model/types.ts';

/** A pod's name, prefixed with its namespace unless it is `default`. */
export function podName(pod: Pod): string {
  return pod.namespace === 'default' ? pod.name : `${pod.namespace}/${pod.name}`;
}

/**
 * Longest `namespace/name` kept on one label line. Mermaid wraps a label line wider than 320 px
 * (src/render/config.ts `wrappingWidth`), mid-word when a word is that wide: at 16 px in the wide
 * measuring font that is ~33 characters, and Deployment pods of a real cluster are often longer
 * (`kube-system/coredns-7c65d6cfc9-4xq8p`).
 */
const POD_LINE_MAX = 32;

/** A pod's name as label lines: split after the namespace's `/` when one line would be too wide. */
export function podNameLines(pod: Pod): string[] {
  const name = podName(pod);
  return name.length > POD_LINE_MAX && name !== pod.name ? [`${pod.namespace}/`, pod.name] : [name];
}

/** A Service's name, prefixed with its namespace unless it is `default`. */
export function serviceName(service: Service): string {
  return service.namespace === 'default' ? service.name : `${service.namespace}/${service.name}`;
}

/** `80/TCP → 8080`, or `53/UDP` when the target port is the same. */
export function portMapping(port: ServicePort): string {
  const target = port.targetPort === port.port ? '' : ` → ${port.targetPort}`;
  return `${port.port}/${port.protocol}${target}`;
}

/** Whether the Service is the generated cluster DNS Service. */
export function isDnsService(service: Service): boolean {
  return service.namespace === DNS_NAMESPACE && service.name === DNS_SERVICE_NAME;
}

/** Whether a Service is headless (`clusterIP: None`). */
export function isHeadless(service: Service): boolean {
  return service.clusterIP === 'None';
}

/** The DNS server implementation's display name. */
export function dnsProviderName(cluster: Cluster): string {
  return cluster.dns.provider === 'coredns' ? 'CoreDNS' : 'kube-dns';
}

/** Joins words as prose: `a`, `a and b`, `a, b and c`. */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Breaks `text` into lines of at most `width` characters at spaces (a longer word keeps its own
 * line), so a label wraps where we choose instead of where Mermaid would break mid-word.
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
