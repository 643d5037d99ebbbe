import { describe, expect, it } from 'vitest';
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { isGlossaryPage, rehypeGlossaryLinks } from '../../../src/site/rehype-glossary-links.ts';
import type { GlossaryTerm } from '../../../src/site/glossary.ts';

const TERMS: GlossaryTerm[] = [
  { term: 'kube-proxy', definition: 'd', anchor: 'kube-proxy', category: 'services' },
  { term: 'headless Service', match: ['headless Service', 'headless Services'], definition: 'd', anchor: 'headless-service', category: 'services' },
  { term: 'Flannel', aliases: ['flannel'], definition: 'd', anchor: 'flannel', category: 'plugins' },
  { term: 'flannel.1', definition: 'd', anchor: 'flannel-1', category: 'plugins' },
  { term: 'Ingress', match: ['Ingress resource'], definition: 'd', anchor: 'ingress', category: 'routing' },
];

function run(html: string, path = '/repo/docs/service-networking.mdx'): string {
  const tree = fromHtml(html, { fragment: true }) as Root;
  rehypeGlossaryLinks({ terms: TERMS })(tree, { path });
  return toHtml(tree);
}

const link = (anchor: string, text: string) => `<a href="/reference/glossary/#${anchor}" class="glossary-link">${text}</a>`;

describe('rehypeGlossaryLinks', () => {
  it('links only the first occurrence of a term on a page', () => {
    const out = run('<p>kube-proxy runs on each node.</p><p>Again kube-proxy, and kube-proxy.</p>');
    expect(out).toBe(`<p>${link('kube-proxy', 'kube-proxy')} runs on each node.</p><p>Again kube-proxy, and kube-proxy.</p>`);
  });

  it('links several terms in one text node, and an alias counts as the term', () => {
    const out = run('<p>With flannel, kube-proxy and a headless Service; later Flannel again.</p>');
    expect(out).toBe(
      `<p>With ${link('flannel', 'flannel')}, ${link('kube-proxy', 'kube-proxy')} and a ${link('headless-service', 'headless Service')}; later Flannel again.</p>`,
    );
  });

  it('skips code, pre, headings, existing links, figures, svg and details; their text is not a first use', () => {
    const out = run(
      '<h2>kube-proxy</h2><p><code>kube-proxy</code> and <a href="/x/">kube-proxy</a></p><pre>kube-proxy</pre>' +
        '<figure><figcaption>kube-proxy</figcaption></figure><svg><text>kube-proxy</text></svg>' +
        '<details><summary>kube-proxy</summary><p>kube-proxy</p></details><p>Finally kube-proxy.</p>',
    );
    expect(out.match(/glossary-link/g)).toHaveLength(1);
    expect(out).toContain(`<p>Finally ${link('kube-proxy', 'kube-proxy')}.</p>`);
  });

  it('skips MDX JSX elements named like skipped tags (details written in MDX)', () => {
    const tree: Root = {
      type: 'root',
      children: [
        { type: 'mdxJsxFlowElement', name: 'details', attributes: [], children: [{ type: 'text', value: 'kube-proxy' }] } as never,
        { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: 'kube-proxy' }] },
      ],
    };
    rehypeGlossaryLinks({ terms: TERMS })(tree, { path: '/docs/a.mdx' });
    const details = tree.children[0] as unknown as { children: ElementContent[] };
    expect(details.children[0]).toEqual({ type: 'text', value: 'kube-proxy' });
    expect(((tree.children[1] as Element).children[0] as Element).tagName).toBe('a');
  });

  it('matches whole words and case-sensitively', () => {
    const out = run('<p>kube-proxyish, my-kube-proxy, flannel-io, Headless service, FLANNEL.</p>');
    expect(out).not.toContain('glossary-link');
  });

  it('prefers the longest match at a position (flannel.1 over flannel)', () => {
    const out = run('<p>The flannel.1 device, then flannel.</p>');
    expect(out).toBe(`<p>The ${link('flannel-1', 'flannel.1')} device, then ${link('flannel', 'flannel')}.</p>`);
  });

  it('links only the exact match strings of a term with an everyday meaning', () => {
    const out = run('<p>Ingress rules isolate pods. An Ingress resource routes HTTP.</p>');
    expect(out).toBe(`<p>Ingress rules isolate pods. An ${link('ingress', 'Ingress resource')} routes HTTP.</p>`);
  });

  it('leaves the glossary page itself alone', () => {
    const html = '<p>kube-proxy</p>';
    expect(run(html, '/repo/docs/reference/glossary.mdx')).toBe(html);
    expect(isGlossaryPage('C:\\repo\\docs\\reference\\glossary.mdx')).toBe(true);
    expect(isGlossaryPage('/repo/docs/reference/glossary-extra.mdx')).toBe(false);
  });

  it('works without a file (no path) and links inside strong/em and list items', () => {
    const tree = fromHtml('<ul><li><strong>kube-proxy</strong></li></ul>', { fragment: true }) as Root;
    rehypeGlossaryLinks({ terms: TERMS })(tree);
    expect(toHtml(tree)).toBe(`<ul><li><strong>${link('kube-proxy', 'kube-proxy')}</strong></li></ul>`);
  });
});

describe('rehypeGlossaryLinks with docsDir', () => {
  it('adds no links when the pages folder has no glossary page (fixtures, benchmarks)', () => {
    const tree = fromHtml('<p>kube-proxy</p>', { fragment: true }) as Root;
    rehypeGlossaryLinks({ terms: TERMS, docsDir: '/nonexistent/docs' })(tree, { path: '/nonexistent/docs/a.mdx' });
    expect(toHtml(tree)).toBe('<p>kube-proxy</p>');
  });
  it('adds links when it has one', () => {
    const docsDir = new URL('../../../docs/', import.meta.url).pathname;
    const tree = fromHtml('<p>kube-proxy</p>', { fragment: true }) as Root;
    rehypeGlossaryLinks({ terms: TERMS, docsDir })(tree, { path: `${docsDir}a.mdx` });
    expect(toHtml(tree)).toContain('glossary-link');
  });
});
