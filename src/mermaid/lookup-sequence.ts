/**
 * Mermaid `sequenceDiagram` of a pod's DNS lookup: each query the stub resolver sends to the
 * kube-dns Service, DNAT-ed by kube-proxy to a CoreDNS pod, answered NXDOMAIN/NODATA until the
 * first answer (derive/lookup-order.ts). Returns the text and a plain-language description.
 * Drawn narrow (the pod and the DNS pod are the only lanes) so it reads in the content column.
 */
import type { Cluster } from '../model/types.ts';
import { dnsZoneData } from '../derive/dns-records.ts';
import { lookupOrder, ndotsFromOptions, type LookupQuery, type LookupResult } from '../derive/lookup-order.ts';
import { findPod } from '../derive/lookup.ts';
import { podDnsSettingsFor } from '../derive/resolv-conf.ts';
import { escapeMermaidText, mermaidId } from './escape.ts';
import { wrapText } from './labels.ts';

/** Characters per line of a lane's title: lanes are spaced by their widest title. */
const LANE_WIDTH = 22;

/** Space left and right of the lanes (px; Mermaid's default is 50). */
const SEQUENCE_MARGIN = 8;

/** Characters per line of a query: the widest message sets the gap between the two lanes. */
export const QUERY_WIDTH = 20;

/**
 * `text` broken after dots into lines of at most `width` characters (a longer label keeps its own
 * line): `A? example.com.default.svc.cluster.local.` on one line made the picture ~700 px wide,
 * too wide for a phone column (figure-size.ts).
 */
export function wrapAtDots(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const part of text.match(/[^.]*(?:\.|$)/g)!.filter(Boolean)) {
    if (line && line.length + part.length > width) {
      lines.push(line);
      line = part;
    } else {
      line += part;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Escaped lines joined with `<br>`, for participant titles and notes. */
function brLines(lines: readonly string[]): string {
  return lines.map(escapeMermaidText).join('<br>');
}

/** A diagram and the same story in words. */
export interface SequenceDiagram {
  /** Mermaid source. */
  mermaid: string;
  /** Short title (also the diagram's accTitle). */
  title: string;
  /** Plain-language description (also the diagram's accDescr). */
  description: string;
}

/** Who takes part in the lookup. */
export interface LookupActors {
  /** The asking pod, e.g. `pod default/client`. */
  pod: string;
  /** The kube-dns Service address. */
  dnsServiceIP: string;
  /** The DNS server pod label, e.g. `CoreDNS kube-system/coredns-a (10.244.0.2)`. */
  server: string;
}

/**
 * Text for accTitle/accDescr lines, which Mermaid takes verbatim to the end of the line (no entity
 * decoding for screen readers): one line, without markup, quote, comment or directive characters.
 */
export function accessibleText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/%%|[{}<>"'`]/g, '').trim();
}

// No parentheses: Mermaid sizes a sequence message by its escaped text (`#40;`), so a reply in
// parentheses set the lanes ~130 px further apart than it needs.
function outcome(q: LookupQuery): string {
  switch (q.status) {
    case 'NXDOMAIN': return 'NXDOMAIN';
    case 'NODATA': return 'NODATA: NOERROR, no records';
    case 'answered': return q.records.map((r) => `${r.type} ${r.data}`).join(', ');
    case 'forwarded-nxdomain': return 'NXDOMAIN from upstream';
    case 'forwarded-answered': return 'answer from upstream';
  }
}

/** The sequence diagram of a lookup result. */
export function lookupSequence(actors: LookupActors, name: string, result: LookupResult, type = 'A'): SequenceDiagram {
  const pod = mermaidId('p', 'pod');
  const dns = mermaidId('p', 'dns');
  const answered = result.answeredIndex >= 0 ? result.queries[result.answeredIndex] : undefined;
  const title = `DNS lookup of ${name} from ${actors.pod}`;
  const steps = result.queries.map((q, i) => `${i + 1}. ${q.name} → ${outcome(q)}`).join('; ');
  const description =
    `${actors.pod} resolves ${name} (${type}). Its resolver sends ${result.queries.length} ${result.queries.length === 1 ? 'query' : 'queries'} to the kube-dns Service ${actors.dnsServiceIP}, which kube-proxy forwards to ${actors.server}: ${steps}. ` +
    (answered ? `The lookup ends at query ${result.answeredIndex + 1}.` : 'No query was answered: the lookup fails.');
  // Two lanes: the kube-dns Service is a note on the first query and the upstream server a note on
  // forwarded queries, so the picture is as narrow as the longest query name.
  const lines = [
    // Mermaid's 50 px margin each side made even a two-lane lookup ~450 px wide; a figure wider than
    // ~480 px scrolls sideways on a phone (figure-size.ts).
    '---',
    'config:',
    '  sequence:',
    `    diagramMarginX: ${SEQUENCE_MARGIN}`,
    '---',
    'sequenceDiagram',
    `  accTitle: ${accessibleText(title)}`,
    `  accDescr: ${accessibleText(description)}`,
    `  participant ${pod} as ${brLines(wrapText(actors.pod, LANE_WIDTH))}`,
    `  participant ${dns} as ${brLines(wrapText(actors.server, LANE_WIDTH))}`,
  ];
  result.queries.forEach((q, i) => {
    if (i === 0) lines.push(`  Note over ${pod},${dns}: ${brLines([`to kube-dns Service ${actors.dnsServiceIP}`, 'kube-proxy DNATs it to the DNS pod'])}`);
    lines.push(`  ${pod}->>${dns}: ${brLines(wrapAtDots(`${type}? ${q.name}`, QUERY_WIDTH))}`);
    // Not a lane of its own: a third lane would make the picture half as wide again.
    if (q.status.startsWith('forwarded')) lines.push(`  Note over ${dns}: ${brLines(['forward . sends it', 'to the upstream server'])}`);
    lines.push(`  ${dns}-->>${pod}: ${escapeMermaidText(outcome(q))}`);
  });
  return { mermaid: lines.join('\n') + '\n', title, description };
}

/** The lookup of `name` from a pod of a cluster, with the pod's own search list and ndots. */
export function lookupSequenceFor(cluster: Cluster, podRef: string, name: string): SequenceDiagram {
  const pod = findPod(cluster, podRef);
  const settings = podDnsSettingsFor(cluster, podRef);
  const result = lookupOrder(dnsZoneData(cluster), name, settings.searches, ndotsFromOptions(settings.options));
  const dnsPods = cluster.dns.pods
    .map((n) => cluster.nodes.flatMap((nd) => nd.pods).find((p) => p.name === n && p.namespace === 'kube-system'))
    .filter((p) => p !== undefined);
  const first = dnsPods.sort((a, b) => (`${a.ip}:53` < `${b.ip}:53` ? -1 : 1))[0];
  const providerName = cluster.dns.provider === 'coredns' ? 'CoreDNS' : 'kube-dns';
  return lookupSequence(
    {
      pod: `pod ${pod.namespace}/${pod.name}`,
      dnsServiceIP: cluster.dns.clusterIP,
      server: first ? `${providerName} ${first.namespace}/${first.name} (${first.ip})` : providerName,
    },
    name,
    result,
  );
}
