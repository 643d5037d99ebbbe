/**
 * A synthetic site for the scale run: `pages` MDX pages in a few sections, `diagrams` distinct
 * fenced ```mermaid blocks spread evenly over them, content shaped like the real guide (headings,
 * prose with terminal tokens, a code block, a table, internal links). Deterministic: the same
 * sizes always give the same files, so a warm build meets a warm cache.
 *
 * The site reads it with `DOCS_DIR=<folder> astro build`, which uses a one-group sidebar of every
 * page (src/site/sidebar.ts directorySidebar).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface ScaleSize {
  pages: number;
  diagrams: number;
}

export interface GeneratedFile {
  /** Path relative to the pages folder, `/`-separated. */
  path: string;
  content: string;
}

/** Pages per section folder: deep enough to look like a real guide, small enough to browse. */
export const PAGES_PER_SECTION = 50;

const TOPICS = [
  { word: 'Service', token: '10.96.0.10', chain: 'KUBE-SVC-TCOQ7Z6G5RH7G6EL', ip: '10.96.0.10' },
  { word: 'pod', token: '10.244.1.3/24', chain: 'KUBE-SEP-ZP3FB6NMPNCO4VBJ', ip: '10.244.1.3' },
  { word: 'node', token: 'flannel.1', chain: 'KUBE-NODEPORTS', ip: '192.168.1.11' },
  { word: 'DNS', token: 'ndots:5', chain: 'KUBE-SERVICES', ip: '10.96.0.10' },
  { word: 'policy', token: 'cali1a2b3c4d5e6', chain: 'KUBE-POSTROUTING', ip: '10.244.2.7' },
];

/** Slug (no extension) of page `index` (0-based); page 0 is the home page `index`. */
export function pageSlug(index: number): string {
  if (index === 0) return 'index';
  const section = Math.floor((index - 1) / PAGES_PER_SECTION);
  return `section-${String(section + 1).padStart(2, '0')}/page-${String(index).padStart(4, '0')}`;
}

/** Which page (0-based) holds diagram `d` of `diagrams` over `pages`: evenly spread, never the home page when avoidable. */
export function pageOfDiagram(d: number, size: ScaleSize): number {
  const contentPages = Math.max(1, size.pages - 1);
  const offset = size.pages > 1 ? 1 : 0;
  return offset + Math.floor((d * contentPages) / Math.max(1, size.diagrams));
}

/** A distinct diagram: a small cluster topology (flowchart) or a DNS lookup (sequence). */
export function diagramSource(d: number): string {
  const n = d + 1;
  const octet = (n % 250) + 1;
  if (d % 3 === 2) {
    return [
      'sequenceDiagram',
      `  accTitle: Lookup ${n} from a pod`,
      `  accDescr: Pod ${n} asks CoreDNS at 10.96.0.10 for svc-${n}.ns-${n}.svc.cluster.local and gets 10.96.${octet}.${(n * 7) % 250}.`,
      `  participant P as Pod 10.244.${octet}.${(n % 200) + 2}`,
      '  participant D as CoreDNS 10.96.0.10',
      `  P->>D: A? svc-${n}.ns-${n}.svc.cluster.local`,
      '  Note over P,D: ndots:5, search list first',
      `  D-->>P: 10.96.${octet}.${(n * 7) % 250}`,
      '',
    ].join('\n');
  }
  return [
    'flowchart LR',
    `  accTitle: Cluster ${n} topology`,
    `  accDescr: Two nodes of cluster ${n}, each with a pod CIDR and two pods, joined by a VXLAN overlay.`,
    `  subgraph n${n}a["node-${n}-a 192.168.${octet}.10"]`,
    `    p${n}a1["web-${n} 10.244.${octet}.2"]`,
    `    p${n}a2["api-${n} 10.244.${octet}.3"]`,
    '  end',
    `  subgraph n${n}b["node-${n}-b 192.168.${octet}.11"]`,
    `    p${n}b1["db-${n} 10.245.${octet}.2"]`,
    `    p${n}b2["cache-${n} 10.245.${octet}.3"]`,
    '  end',
    `  s${n}(["svc-${n} ClusterIP 10.96.${octet}.${(n * 7) % 250}"])`,
    `  s${n} --> p${n}a1`,
    `  s${n} --> p${n}b1`,
    `  p${n}a2 -- "flannel.1 VNI 1" --> p${n}b2`,
    '',
  ].join('\n');
}

function yamlString(text: string): string {
  return JSON.stringify(text); // a JSON string is a valid YAML double-quoted scalar
}

function pageTitle(index: number): string {
  return index === 0 ? 'Scale test home' : `Scale test page ${index}`;
}

function pageContent(index: number, size: ScaleSize, diagramsHere: number[]): string {
  const topic = TOPICS[index % TOPICS.length]!;
  const title = pageTitle(index);
  const description = `Generated page ${index} of ${size.pages} for the build benchmark: ${topic.word} traffic, ${topic.token} and ${topic.chain}.`;
  const previous = index > 0 ? pageSlug(index - 1) : undefined;
  const previousLink = previous === undefined ? '' : previous === 'index' ? '/' : `/${previous}/`;
  const lines = [
    '---',
    `title: ${yamlString(title)}`,
    `description: ${yamlString(description)}`,
    '---',
    '',
    `This page follows one ${topic.word} packet through a cluster. A reader who runs \`iptables-save\``,
    `on a node sees \`${topic.chain}\`, and \`${topic.token}\` appears in the output of \`ip route\`.`,
    previous === undefined ? '' : `The [previous page](${previousLink}) covers the step before this one.`,
    '',
    '## What happens',
    '',
    `The ${topic.word} sends a packet; the kernel looks up the route, kube-proxy's rules rewrite the`,
    'destination, and the CNI plugin carries the packet to the right node. Each step is visible with',
    'ordinary tools, which is why this guide quotes their output exactly.',
    '',
  ];
  diagramsHere.forEach((d, i) => {
    lines.push(`### Diagram ${i + 1}`, '', `\`\`\`mermaid title="Generated diagram ${d + 1}"`, diagramSource(d).trimEnd(), '```', '');
  });
  lines.push(
    '## On the node',
    '',
    '```sh title="Rules for this page"',
    `iptables -t nat -S ${topic.chain}`,
    `ip route get ${topic.ip}`,
    '```',
    '',
    '| Field | Value |',
    '| ----- | ----- |',
    `| page | ${index} |`,
    `| token | \`${topic.token}\` |`,
    '',
  );
  return lines.join('\n');
}

/** The files of a synthetic site of the given size. */
export function generateScaleSite(size: ScaleSize): GeneratedFile[] {
  if (!Number.isInteger(size.pages) || size.pages < 1) throw new Error(`generateScaleSite: pages must be a positive integer, got ${size.pages}`);
  if (!Number.isInteger(size.diagrams) || size.diagrams < 0) throw new Error(`generateScaleSite: diagrams must be a non-negative integer, got ${size.diagrams}`);
  const byPage = new Map<number, number[]>();
  for (let d = 0; d < size.diagrams; d++) {
    const page = pageOfDiagram(d, size);
    byPage.set(page, [...(byPage.get(page) ?? []), d]);
  }
  return Array.from({ length: size.pages }, (_, index) => ({
    path: `${pageSlug(index)}.mdx`,
    content: pageContent(index, size, byPage.get(index) ?? []),
  }));
}

/** Replaces `dir` with the generated files. */
export function writeScaleSite(dir: string, files: GeneratedFile[]): void {
  rmSync(dir, { recursive: true, force: true });
  for (const file of files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
}
