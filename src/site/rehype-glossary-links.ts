/**
 * Links the first use of each glossary term on a page to its entry on /reference/glossary/.
 *
 * Runs on the HAST of every MDX page, before rehype-base-links (which then adds the deploy base to
 * the root-relative href). Only prose is touched: text inside code, pre, headings, links, figures,
 * SVG, `<details>`, buttons and the like is never linked and does not count as a use. Matching is
 * case-sensitive and whole-word on the exact strings of each term's `match` list, longest first, so
 * "headless Service" wins over any shorter term at the same place. The glossary page itself is left
 * alone.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { GLOSSARY, glossaryHref, matchesOf, type GlossaryTerm } from './glossary.ts';

/** Elements whose text is never linked (compared lower-case; covers MDX JSX elements too). */
const SKIP_ELEMENTS = new Set([
  'a', 'code', 'pre', 'kbd', 'samp', 'var', 'script', 'style', 'svg', 'math', 'figure', 'figcaption',
  'details', 'summary', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'button', 'label', 'select', 'option',
  'textarea', 'dfn', 'abbr', 'title', 'template',
]);

/** Classes of containers that are not prose (Expressive Code frames, heading wrappers, aside titles). */
const SKIP_CLASSES = ['expressive-code', 'sl-heading-wrapper', 'starlight-aside__title'];

export interface GlossaryLinkOptions {
  /** The terms; defaults to the site glossary. */
  terms?: GlossaryTerm[];
  /** Files to leave alone; defaults to the glossary page (`reference/glossary.md(x)`). */
  exclude?: (path: string) => boolean;
  /**
   * The pages folder. When given, links are only added if it has a glossary page, so sites built
   * from other folders (test fixtures, benchmarks) get no links to a page they do not have.
   */
  docsDir?: string;
}

/** The glossary page's own file, which must not link to itself. */
export function isGlossaryPage(path: string): boolean {
  return /(^|[\\/])reference[\\/]glossary\.mdx?$/.test(path);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One regular expression for every match string, longest first. A match may not continue a word:
 * no letter, digit, `_`, `-`, `.` or `/` right before it, and no letter, digit, `_`, `-` or
 * `.`+letter/digit right after it (so "flannel" does not match inside "flannel.1" or "flannel-io").
 */
export function termPattern(terms: GlossaryTerm[]): { regex: RegExp; termOf: Map<string, GlossaryTerm> } {
  const termOf = new Map<string, GlossaryTerm>();
  for (const term of terms) {
    for (const text of matchesOf(term)) {
      const owner = termOf.get(text);
      if (owner && owner !== term) throw new Error(`glossary: "${text}" is matched by both "${owner.term}" and "${term.term}"`);
      termOf.set(text, term);
    }
  }
  const alternatives = [...termOf.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const regex = new RegExp(`(?<![\\w./-])(?:${alternatives.join('|')})(?![\\w-]|\\.\\w)`, 'g');
  return { regex, termOf };
}

function isSkipped(node: { type: string; tagName?: string; name?: string | null; properties?: Element['properties'] }): boolean {
  const name = (node.type === 'element' ? node.tagName : node.name)?.toLowerCase();
  if (name && SKIP_ELEMENTS.has(name)) return true;
  const className: unknown = node.properties?.className;
  const classes: string[] = Array.isArray(className) ? className.map(String) : typeof className === 'string' ? className.split(/\s+/) : [];
  return classes.some((c) => SKIP_CLASSES.includes(c));
}

function linkNode(text: string, term: GlossaryTerm): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { href: glossaryHref(term), className: ['glossary-link'] },
    children: [{ type: 'text', value: text }],
  };
}

/** Splits one text node into text and links for terms not linked yet; `used` is updated. */
export function linkText(
  value: string,
  pattern: { regex: RegExp; termOf: Map<string, GlossaryTerm> },
  used: Set<GlossaryTerm>,
): Array<Text | Element> | undefined {
  const out: Array<Text | Element> = [];
  let last = 0;
  pattern.regex.lastIndex = 0;
  for (const match of value.matchAll(pattern.regex)) {
    const term = pattern.termOf.get(match[0]);
    if (!term || used.has(term)) continue;
    used.add(term);
    if (match.index > last) out.push({ type: 'text', value: value.slice(last, match.index) });
    out.push(linkNode(match[0], term));
    last = match.index + match[0].length;
  }
  if (last === 0) return undefined;
  if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
  return out;
}

type Parent = { children: Array<RootContent | ElementContent> };

function walk(parent: Parent, pattern: ReturnType<typeof termPattern>, used: Set<GlossaryTerm>): void {
  const next: Array<RootContent | ElementContent> = [];
  let changed = false;
  for (const child of parent.children) {
    if (child.type === 'text') {
      const parts = linkText(child.value, pattern, used);
      if (parts) {
        next.push(...parts);
        changed = true;
        continue;
      }
    } else if ('children' in child && Array.isArray(child.children) && !isSkipped(child as never)) {
      walk(child as Parent, pattern, used);
    }
    next.push(child);
  }
  if (changed) parent.children = next;
}

/** rehype plugin: see the module comment. */
export function rehypeGlossaryLinks(options: GlossaryLinkOptions = {}) {
  const pattern = termPattern(options.terms ?? GLOSSARY);
  const exclude = options.exclude ?? isGlossaryPage;
  const enabled = !options.docsDir || ['.mdx', '.md'].some((ext) => existsSync(join(options.docsDir!, `reference/glossary${ext}`)));
  return (tree: Root, file?: { path?: string; history?: string[] }) => {
    if (!enabled) return;
    const path = file?.path ?? file?.history?.at(-1) ?? '';
    if (path && exclude(path)) return;
    walk(tree as Parent, pattern, new Set());
  };
}
