/**
 * Expressive Code writes its stylesheet `<link>` and module `<script>` into the page body, at the
 * first code block (and again at the first `<Code>` component). A stylesheet met in the body holds
 * back rendering of what follows it and, once applied, makes the browser re-style the page
 * (expressive-code/expressive-code#452). Measured on /network-plugins/ while loading (4x CPU
 * throttling, median of 5): style 386 -> 143 ms, layout 360 -> 159 ms with the two tags in <head>.
 * This moves them there, once each; the files are the same, so nothing else changes.
 */

/** Expressive Code's stylesheet link or module script, with any base path before `/_astro/`. */
const CODE_BLOCK_ASSET = /<link rel="stylesheet" href="([^"]*\/_astro\/ec\.[\w-]+\.css)"\s*\/?>|<script type="module" src="([^"]*\/_astro\/ec\.[\w-]+\.js)"><\/script>/g;

/** `html` with Expressive Code's stylesheet and script moved from the body to the end of <head>, each once. */
export function hoistCodeBlockAssets(html: string): string {
  const headEnd = html.indexOf('</head>');
  if (headEnd < 0) return html;
  const head = html.slice(0, headEnd);
  const body = html.slice(headEnd);
  const styles = new Set<string>();
  const scripts = new Set<string>();
  const rest = body.replace(CODE_BLOCK_ASSET, (_tag, href: string | undefined, src: string | undefined) => {
    if (href) styles.add(href);
    if (src) scripts.add(src);
    return '';
  });
  if (styles.size === 0 && scripts.size === 0) return html;
  // Already in <head> (a page that loads them there itself) stays as it is, once.
  const tags = [
    ...[...styles].filter((href) => !head.includes(`href="${href}"`)).map((href) => `<link rel="stylesheet" href="${href}">`),
    ...[...scripts].filter((src) => !head.includes(`src="${src}"`)).map((src) => `<script type="module" src="${src}"></script>`),
  ];
  return head + tags.join('') + rest;
}
