/**
 * JavaScript that runs inside the render page. Kept as plain source text (not a TypeScript
 * function passed to `page.evaluate`) so no transpiler helper can leak into the browser.
 */

/**
 * Defines, in the render page:
 * - `window.__loadMermaid(url, config)`: imports Mermaid, initialises it once with the pinned
 *   config and waits for the measuring font. Mermaid resets to this site config at the start of
 *   every render, so one `initialize` serves every diagram of the page.
 * - `window.__renderMermaid(source)` -> `{ ok, svg, usedRules }` or `{ ok: false, message, line }`.
 *
 * `usedRules` marks which top-level rules of the SVG's stylesheet match an element of the
 * drawing: Mermaid ships every rule of a diagram type (a flowchart's sheet styles sequence
 * actors, gantt bars, ...), most match nothing. The browser's own selector engine decides, so no
 * rule that applies is dropped. Rules it cannot test (pseudo-elements, at-rules other than
 * keyframes) count as used; `:hover`-only rules match nothing in a static drawing.
 */
export const PAGE_SCRIPT = String.raw`
window.__loadMermaid = async function (url, config) {
  window.mermaid = (await import(url)).default;
  window.mermaid.initialize(config);
  await document.fonts.load('16px ' + config.fontFamily.split(',')[0]);
  await document.fonts.ready;
};

window.__usedRules = function (svgText) {
  const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  const style = doc.querySelector('style');
  if (!style) return [];
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(style.textContent);
  const used = [];
  const keyframes = [];
  let keptText = '';
  for (const rule of sheet.cssRules) {
    if (rule instanceof CSSStyleRule) {
      let match = true;
      try { match = doc.querySelector(rule.selectorText) !== null; } catch { match = true; }
      used.push(match);
      if (match) keptText += rule.cssText;
    } else if (rule instanceof CSSKeyframesRule) {
      keyframes.push(used.length);
      used.push(rule.name);
    } else {
      used.push(true);
    }
  }
  // A keyframes rule is used when a kept rule animates with it.
  for (const index of keyframes) used[index] = keptText.includes(used[index]);
  return used;
};

window.__renderMermaid = async function (source) {
  const renderId = 'mmdroot';
  try {
    const result = await mermaid.render(renderId, source);
    return { ok: true, svg: result.svg, usedRules: window.__usedRules(result.svg) };
  } catch (error) {
    const message = String((error && error.message) || error);
    const hash = error && error.hash;
    // Mermaid's message ("Parse error on line 3") is what the author sees; fall back to the lexer.
    const fromMessage = message.match(/\bon line (\d+)/);
    const line = fromMessage ? Number(fromMessage[1])
      : hash && hash.loc && typeof hash.loc.first_line === 'number' ? hash.loc.first_line
      : hash && typeof hash.line === 'number' ? hash.line + 1
      : null;
    return { ok: false, message: message, line: line };
  } finally {
    // Mermaid leaves its scratch container behind when a render fails.
    for (const id of ['d' + renderId, 'i' + renderId, renderId]) document.getElementById(id)?.remove();
  }
};
`;

/** The blank page diagrams are rendered in; the font alias is what labels are measured with. */
export function pageHtml(fontAlias: string, localFonts: readonly string[]): string {
  const src = localFonts.map((name) => `local('${name}')`).join(', ');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
@font-face { font-family: ${fontAlias}; src: ${src}; }
/* Mermaid measures text (layout) but nobody looks at this page: hidden, nothing is painted.
   visibility (unlike display: none) keeps every box measurable, so the output is the same. */
body { margin: 0; font-family: ${fontAlias}, sans-serif; visibility: hidden; }
</style></head><body></body></html>`;
}
