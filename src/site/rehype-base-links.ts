/**
 * Prefixes root-relative links in page content with the deploy base path, so pages
 * can link to `/dns/name-resolution/` and still work on a GitHub Pages project site.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Returns `href` with `base` prepended when it is root-relative and not already under base. */
export function withBase(href: string, base: string): string {
  const prefix = base.replace(/\/+$/, '');
  if (!prefix || !href.startsWith('/') || href.startsWith('//')) return href;
  if (href === prefix || href.startsWith(`${prefix}/`)) return href;
  return prefix + href;
}

/** rehype plugin: rewrites `<a href>` in content with {@link withBase}. */
export function rehypeBaseLinks(options: { base: string }) {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'a' && typeof node.properties?.href === 'string') {
        node.properties.href = withBase(node.properties.href, options.base);
      }
    });
  };
}
