/**
 * Reads back the flowchart text our builder writes (one statement per line), so tests can
 * assert nodes, edges and subgraphs instead of comparing whole strings.
 */

export interface ParsedNode {
  id: string;
  /** Label with entities decoded and `<br>` turned into newlines: what a reader sees. */
  label: string;
  /** Innermost subgraph id, if any. */
  parent?: string;
}

export interface ParsedEdge {
  from: string;
  to: string;
  arrow: string;
  label?: string;
}

export interface ParsedFlowchart {
  direction: string;
  nodes: Map<string, ParsedNode>;
  edges: ParsedEdge[];
  subgraphs: Map<string, { id: string; title: string; parent?: string }>;
}

/** Decodes Mermaid `#NNN;` entities and our `<br>` separators. */
export function decodeLabel(text: string): string {
  return text.replace(/<br>/g, '\n').replace(/#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)));
}

const NODE = /^([A-Za-z0-9_]+)(\[\(|\(\[|\{\{|\(\(|\[|\()"([^"]*)"(\)\]|\]\)|\}\}|\)\)|\]|\))(?::::([a-z]+))?$/;
const EDGE = /^([A-Za-z0-9_]+) (<?[-=.]+>?|---|~~~)(?:\|"([^"]*)"\|)? ([A-Za-z0-9_]+)$/;
const SUBGRAPH = /^subgraph ([A-Za-z0-9_]+)\["([^"]*)"\]$/;

export function parseFlowchart(text: string): ParsedFlowchart {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const header = /^flowchart (LR|TB|RL|BT)$/.exec(lines[0] ?? '');
  if (!header) throw new Error(`not a flowchart: ${lines[0]}`);
  const result: ParsedFlowchart = { direction: header[1]!, nodes: new Map(), edges: [], subgraphs: new Map() };
  const stack: string[] = [];
  for (const line of lines.slice(1)) {
    let m: RegExpExecArray | null;
    if ((m = SUBGRAPH.exec(line))) {
      result.subgraphs.set(m[1]!, { id: m[1]!, title: decodeLabel(m[2]!), ...(stack.length ? { parent: stack.at(-1)! } : {}) });
      stack.push(m[1]!);
    } else if (line === 'end') {
      if (!stack.pop()) throw new Error('unbalanced end');
    } else if (line.startsWith('direction ') || line.startsWith('classDef ') || /^acc(Title|Descr):/.test(line)) {
      continue;
    } else if ((m = EDGE.exec(line))) {
      result.edges.push({ from: m[1]!, arrow: m[2]!, to: m[4]!, ...(m[3] !== undefined ? { label: decodeLabel(m[3]) } : {}) });
    } else if ((m = NODE.exec(line))) {
      result.nodes.set(m[1]!, { id: m[1]!, label: decodeLabel(m[3]!), ...(stack.length ? { parent: stack.at(-1)! } : {}) });
    } else {
      throw new Error(`unrecognised line: ${line}`);
    }
  }
  if (stack.length) throw new Error('unclosed subgraph');
  return result;
}

/** Finds the node whose label's first line is `name`. */
export function nodeByName(chart: ParsedFlowchart, name: string): ParsedNode {
  const node = [...chart.nodes.values()].find((n) => n.label.split('\n')[0] === name);
  if (!node) throw new Error(`no node named ${name}; have ${[...chart.nodes.values()].map((n) => n.label.split('\n')[0]).join(', ')}`);
  return node;
}

/** Edges between two node ids, either direction. */
export function edgesBetween(chart: ParsedFlowchart, a: string, b: string): ParsedEdge[] {
  return chart.edges.filter((e) => (e.from === a && e.to === b) || (e.from === b && e.to === a));
}
