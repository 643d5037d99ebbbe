/**
 * A small rewriter for the CSS Mermaid puts inside each SVG (stylis output: flat rules, plus
 * `@keyframes` and the occasional `@media`). It separates selectors from declarations so we can
 * rename `#id` selectors and scope rules to a theme without touching `#333`-style colours.
 */

export interface CssRewrite {
  /** New name for an id used in a selector or `url(#id)`; `undefined` keeps it. */
  mapId?: (id: string) => string | undefined;
  /** Prepended (with a space) to every selector of every style rule, e.g. `:root[data-theme='light']`. */
  scope?: string;
  /** New name for a `@keyframes` rule, also applied to `animation` / `animation-name` values. */
  mapKeyframes?: (name: string) => string;
}

const ID_SELECTOR = /#(-?[_a-zA-Z\u00a0-\uffff][-_a-zA-Z0-9\u00a0-\uffff]*)/g;
const URL_REF = /url\(\s*(['"]?)#([^)'"\s]+)\1\s*\)/g;

type Block = 'rule' | 'group' | 'keyframes' | 'keyframe' | 'other-at';

/** Rewrites ids, keyframe names and theme scope in a stylesheet. */
export function rewriteCss(css: string, rewrite: CssRewrite): string {
  const keyframeNames = new Set<string>();
  for (const match of css.matchAll(/@(?:-webkit-)?keyframes\s+([-_a-zA-Z0-9]+)/g)) keyframeNames.add(match[1]!);

  let out = '';
  const stack: Block[] = [];
  let i = 0;
  let chunkStart = 0;
  while (i < css.length) {
    const ch = css[i]!;
    if (ch === '"' || ch === "'") {
      const end = css.indexOf(ch, i + 1);
      i = end === -1 ? css.length : end + 1;
      continue;
    }
    if (ch === '{') {
      const prelude = css.slice(chunkStart, i);
      const parent = stack[stack.length - 1];
      const kind: Block = parent === 'keyframes'
        ? 'keyframe'
        : /^\s*@(-webkit-)?keyframes\b/.test(prelude)
          ? 'keyframes'
          : /^\s*@(media|supports|layer|container)\b/.test(prelude)
            ? 'group'
            : /^\s*@/.test(prelude)
              ? 'other-at'
              : 'rule';
      out += rewritePrelude(prelude, kind, rewrite) + '{';
      stack.push(kind);
      i += 1;
      chunkStart = i;
      continue;
    }
    if (ch === '}') {
      const body = css.slice(chunkStart, i);
      const kind = stack.pop();
      out += kind === 'rule' || kind === 'keyframe' || kind === 'other-at' ? rewriteDeclarations(body, rewrite, keyframeNames) : body;
      out += '}';
      i += 1;
      chunkStart = i;
      continue;
    }
    i += 1;
  }
  out += css.slice(chunkStart);
  return out;
}

function rewritePrelude(prelude: string, kind: Block, rewrite: CssRewrite): string {
  if (kind === 'keyframes') {
    return prelude.replace(/(@(?:-webkit-)?keyframes\s+)([-_a-zA-Z0-9]+)/, (_m, at: string, name: string) => at + (rewrite.mapKeyframes?.(name) ?? name));
  }
  if (kind !== 'rule') return prelude;
  return splitSelectors(prelude)
    .map((selector) => {
      const renamed = rewrite.mapId
        ? selector.replace(ID_SELECTOR, (m, id: string) => {
            const mapped = rewrite.mapId!(id);
            return mapped === undefined ? m : `#${mapped}`;
          })
        : selector;
      if (!rewrite.scope) return renamed;
      const lead = renamed.match(/^\s*/)![0];
      return `${lead}${rewrite.scope} ${renamed.slice(lead.length)}`;
    })
    .join(',');
}

/** Splits a selector list on top-level commas (not those inside `:is(a, b)`). */
function splitSelectors(prelude: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < prelude.length; i++) {
    const ch = prelude[i];
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(prelude.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(prelude.slice(start));
  return parts;
}

function rewriteDeclarations(body: string, rewrite: CssRewrite, keyframeNames: Set<string>): string {
  let out = rewrite.mapId
    ? body.replace(URL_REF, (m, quote: string, id: string) => {
        const mapped = rewrite.mapId!(id);
        return mapped === undefined ? m : `url(${quote}#${mapped}${quote})`;
      })
    : body;
  if (rewrite.mapKeyframes && keyframeNames.size > 0) {
    out = out.replace(/(animation(?:-name)?\s*:)([^;}]*)/g, (_m, prop: string, value: string) =>
      prop + value.replace(/[-_a-zA-Z0-9]+/g, (word) => (keyframeNames.has(word) ? rewrite.mapKeyframes!(word) : word)),
    );
  }
  return out;
}

/** Splits a stylesheet into its top-level rules (`sel{...}`, `@keyframes x{...}`), in order. */
export function topLevelRules(css: string): string[] {
  const rules: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    const ch = css[i];
    if (ch === '"' || ch === "'") {
      const end = css.indexOf(ch, i + 1);
      i = end === -1 ? css.length : end;
    } else if (ch === '{') {
      depth++;
    } else if (ch === '}') {
      depth--;
      if (depth === 0) {
        rules.push(css.slice(start, i + 1).trim());
        start = i + 1;
      }
    }
  }
  const rest = css.slice(start).trim();
  if (rest) rules.push(rest);
  return rules;
}

/**
 * Keeps the top-level rules whose `used` flag is true (flags in rule order, e.g. from the render
 * page's selector matching). When the flags do not line up with the rules, keeps everything.
 */
export function keepRules(css: string, used: readonly boolean[] | null): string {
  const rules = topLevelRules(css);
  if (!used || used.length !== rules.length) return css;
  return rules.filter((_rule, i) => used[i]).join('');
}
