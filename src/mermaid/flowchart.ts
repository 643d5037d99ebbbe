/**
 * A small builder for Mermaid flowchart text. Callers pass raw text; every label goes through
 * `escape.ts`, so views never assemble quoting by hand.
 */
import { mermaidLines } from './escape.ts';

/** Node shapes used by the views (Mermaid flowchart syntax). */
export type NodeShape = 'rect' | 'round' | 'hexagon' | 'stadium' | 'cylinder' | 'circle';

/**
 * Edge styles: solid link, dashed (`-.->`, virtual/indirect), thick (`==>`, the data path), and
 * `invisible` (`~~~`): no line, only an ordering hint that stacks boxes one above another.
 */
export type EdgeStyle = 'solid' | 'dashed' | 'thick' | 'thick-both' | 'line' | 'dashed-both' | 'invisible';

const SHAPES: Record<NodeShape, [string, string]> = {
  rect: ['[', ']'],
  round: ['(', ')'],
  hexagon: ['{{', '}}'],
  stadium: ['([', '])'],
  cylinder: ['[(', ')]'],
  circle: ['((', '))'],
};

/** One edge as written, for structural tests and descriptions. */
export interface FlowEdge {
  /** Source node (or subgraph) id. */
  from: string;
  /** Target node (or subgraph) id. */
  to: string;
  /** Edge text, unescaped. */
  label?: string;
  /** Line style. */
  style: EdgeStyle;
}

/** Builds flowchart text line by line, with subgraphs indented. */
export class FlowchartBuilder {
  private readonly lines: string[];
  private depth = 1;
  /** Node ids in order of declaration. */
  readonly nodeIds: string[] = [];
  /** Edges in order of declaration. */
  readonly edges: FlowEdge[] = [];

  constructor(direction: 'LR' | 'TB' | 'RL' | 'BT') {
    this.lines = [`flowchart ${direction}`];
  }

  private write(line: string): void {
    this.lines.push(`${'  '.repeat(this.depth)}${line}`);
  }

  /** Declares a node with a (possibly multi-line) label. */
  node(id: string, label: string | readonly string[], shape: NodeShape = 'rect', className?: string): string {
    const [open, close] = SHAPES[shape];
    const lines = typeof label === 'string' ? [label] : label;
    this.write(`${id}${open}${mermaidLines(lines)}${close}${className ? `:::${className}` : ''}`);
    this.nodeIds.push(id);
    return id;
  }

  /** Declares an edge; the label (one line, or several) is escaped text. */
  edge(from: string, to: string, label?: string | readonly string[], style: EdgeStyle = 'solid'): void {
    const lines = label === undefined ? [] : typeof label === 'string' ? label.split('\n') : label;
    const text = lines.length && lines.some(Boolean) ? `|${mermaidLines(lines)}|` : '';
    const arrow = { solid: '-->', dashed: '-.->', thick: '==>', 'thick-both': '<==>', line: '---', 'dashed-both': '<-.->', invisible: '~~~' }[style];
    this.write(`${from} ${arrow}${text} ${to}`);
    this.edges.push({ from, to, style, ...(text ? { label: lines.join('\n') } : {}) });
  }

  /** Declares a subgraph and its content. */
  subgraph(id: string, title: string | readonly string[], body: () => void, direction?: 'LR' | 'TB'): void {
    const lines = typeof title === 'string' ? [title] : title;
    this.write(`subgraph ${id}[${mermaidLines(lines)}]`);
    this.depth++;
    if (direction) this.write(`direction ${direction}`);
    body();
    this.depth--;
    this.write('end');
  }

  /**
   * Sets the accessible title and description (`accTitle`/`accDescr`). Both must already be one
   * line without markup: see `accessibleText` in lookup-sequence.ts.
   */
  accessibility(title: string, description: string): void {
    this.write(`accTitle: ${title}`);
    this.write(`accDescr: ${description}`);
  }

  /** Declares a class (fill/stroke) for nodes; `css` is our own constant, never user text. */
  classDef(name: string, css: string): void {
    this.write(`classDef ${name} ${css}`);
  }

  /** The Mermaid source, ending with a newline. */
  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}
