/**
 * The explanation as Markdown, for `npm run explain`: the import's findings, nodes, the diagrams
 * (SVG files when rendered, else Mermaid source), each node's kube-proxy rules, each pod's
 * resolv.conf, lookups of every Service from one application pod, and the NetworkPolicy verdicts
 * with reasons. Pure; pasted values are untrusted, so every one is escaped for Markdown/HTML.
 */
import { describeCell } from '../derive/network-policy.ts';
import type { Cluster } from '../model/types.ts';
import { clusterViews, matrixCellReasons, nodeRules, podLookup, podResolvConf, policySummary, smallMatrix, MATRIX_MAX_PODS, type Explanation } from './explain.ts';

/** How the diagrams were made: SVG files written next to the Markdown, or why not. */
export type DiagramFiles = { files: Record<string, string> } | { note: string };

/** Escapes text for Markdown prose and table cells: no markup, links, emphasis or cell breaks. */
export function mdText(text: string): string {
  return text
    .replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, ' ');
}

/** A fenced block whose fence is longer than any backtick run inside. */
export function fenced(text: string, lang = 'text'): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${text.replace(/\n$/, '')}\n${fence}`;
}

function list(title: string, lines: readonly string[]): string[] {
  return lines.length === 0 ? [] : [`### ${title} (${lines.length})`, '', ...lines.map((l) => `- ${mdText(l)}`), ''];
}

function clusterSections(cluster: Cluster, diagrams: DiagramFiles): string[] {
  const out: string[] = ['## Nodes and pods', ''];
  for (const n of cluster.nodes) {
    out.push(`- ${mdText(`${n.name} (${n.ip}, pods ${n.podCIDR}): ${n.pods.length} pod(s)`)}`);
    for (const p of n.pods) out.push(`  - ${mdText(`${p.namespace}/${p.name} ${p.ip}${p.hostNetwork ? ' (hostNetwork)' : ''}`)}`);
  }
  out.push('', '## Diagrams', '');
  if ('note' in diagrams) out.push(mdText(diagrams.note), '');
  for (const view of clusterViews(cluster)) {
    out.push(`### ${mdText(view.title)}`, '');
    const file = 'files' in diagrams ? diagrams.files[view.view] : undefined;
    out.push(file ? `![${mdText(view.title)}](${encodeURI(file)})` : fenced(view.mermaid, 'mermaid'), '', mdText(view.description), '');
  }
  out.push('## kube-proxy rules per node', '', 'The nat table kube-proxy (iptables mode) writes on each node.', '');
  for (const n of cluster.nodes) out.push(`### ${mdText(n.name)}`, '', fenced(nodeRules(cluster, n.name)), '');

  out.push('## resolv.conf of each pod', '');
  for (const p of cluster.nodes.flatMap((n) => n.pods)) out.push(`### ${mdText(`${p.namespace}/${p.name}`)}`, '', fenced(podResolvConf(cluster, `${p.namespace}/${p.name}`)), '');

  const app = cluster.nodes.flatMap((n) => n.pods).find((p) => !p.hostNetwork && p.namespace !== 'kube-system');
  if (app) {
    const ref = `${app.namespace}/${app.name}`;
    out.push('## DNS lookups', '', `Each Service looked up as \`name.namespace\` from pod ${mdText(ref)} (glibc).`, '');
    for (const s of cluster.services) {
      const r = podLookup(cluster, ref, `${s.name}.${s.namespace}`);
      const answer = r.answeredIndex >= 0 ? r.queries[r.answeredIndex]!.records.map((x) => `${x.type} ${x.data}`).join(', ') || 'answered' : 'no answer';
      out.push(`- ${mdText(`${s.name}.${s.namespace}`)}: ${r.queries.length} quer${r.queries.length === 1 ? 'y' : 'ies'}, ${mdText(answer)}`);
    }
    out.push('');
  }

  const summary = policySummary(cluster);
  out.push('## Who can talk to whom', '', mdText(`${summary.policies} NetworkPolicies; of ${summary.pods} pods on the pod network, ${summary.isolatedIngress} are isolated for ingress and ${summary.isolatedEgress} for egress (hostNetwork pods are left out).`), '');
  const matrix = smallMatrix(cluster);
  if (!matrix) {
    out.push(`The matrix is written for up to ${MATRIX_MAX_PODS} pods.`, '');
    return out;
  }
  out.push('✓ allowed on every port, ✗ denied on every port, ± some ports, · the pod itself. Rows: from; columns: to (numbered as the rows).', '');
  out.push(`| from \\ to | ${matrix.pods.map((_, j) => `${j + 1}`).join(' | ')} |`, `|---|${matrix.pods.map(() => '---').join('|')}|`);
  matrix.cells.forEach((row, i) => {
    out.push(`| ${i + 1}. ${mdText(matrix.pods[i]!)} | ${row.map((c) => (c.self ? '·' : c.summary === 'allowed' ? '✓' : c.summary === 'denied' ? '✗' : '±')).join(' | ')} |`);
  });
  out.push('', '### Why (every connection that is not allowed on all ports)', '');
  for (const cell of matrix.cells.flat().filter((c) => !c.self && c.summary !== 'allowed')) {
    out.push(`- ${mdText(`${cell.from} → ${cell.to}: ${describeCell(cell)}`)}`, ...matrixCellReasons(cluster, cell).map((r) => `  - ${mdText(r)}`));
  }
  out.push('');
  return out;
}

/** The whole report. */
export function explanationMarkdown(explanation: Explanation, diagrams: DiagramFiles, title = 'Your cluster'): string {
  const { result, messages, cluster } = explanation;
  const c = result.counts;
  const out: string[] = [
    `# ${mdText(title)}`,
    '',
    mdText(`${c.nodes} nodes, ${c.pods} pods, ${c.services} Services, ${c.endpointSlices} EndpointSlices, ${c.networkPolicies} NetworkPolicies, ${c.namespaces} Namespaces. Network plugin: ${result.plugin.note}`),
    '',
    '## What the import found',
    '',
    ...list('Errors', messages.errors),
    ...list('Model errors', messages.invalid),
    ...list('Left out so the rest can be shown', explanation.leftOut),
    ...list('Warnings', [...messages.warnings, ...messages.validationWarnings]),
    ...list('Assumptions', messages.assumptions),
  ];
  if (!cluster) out.push('The model found errors (above), so nothing else can be derived; fix them and run again.', '');
  else out.push(...clusterSections(cluster, diagrams));
  return out.join('\n');
}
