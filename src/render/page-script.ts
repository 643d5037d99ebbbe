/**
 * JavaScript that runs inside the render page. Kept as plain source text (not a TypeScript
 * function passed to `page.evaluate`) so no transpiler helper can leak into the browser.
 */

/** Defines `window.__renderMermaid(source, config)` -> `{ ok, svg }` or `{ ok: false, message, line }`. */
export const PAGE_SCRIPT = String.raw`
window.__renderMermaid = async function (source, config) {
  mermaid.initialize(config);
  await document.fonts.load('16px ' + config.fontFamily.split(',')[0]);
  await document.fonts.ready;
  const renderId = 'mmdroot';
  try {
    const result = await mermaid.render(renderId, source);
    return { ok: true, svg: result.svg };
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
body { margin: 0; font-family: ${fontAlias}, sans-serif; }
</style></head><body></body></html>`;
}
