import { describe, expect, it } from 'vitest';
import type { Root } from 'hast';
import { rehypeBaseLinks, withBase } from '../../../src/site/rehype-base-links.ts';

describe('withBase', () => {
  it('prefixes root-relative links with the base path', () => {
    expect(withBase('/dns/name-resolution/', '/k8s')).toBe('/k8s/dns/name-resolution/');
    expect(withBase('/', '/k8s/')).toBe('/k8s/');
  });
  it('leaves alone relative, absolute, protocol-relative, anchor and already-based links', () => {
    expect(withBase('../x/', '/k8s')).toBe('../x/');
    expect(withBase('https://kubernetes.io/', '/k8s')).toBe('https://kubernetes.io/');
    expect(withBase('//cdn.example/x', '/k8s')).toBe('//cdn.example/x');
    expect(withBase('#sources', '/k8s')).toBe('#sources');
    expect(withBase('/k8s/dns/', '/k8s')).toBe('/k8s/dns/');
  });
  it('changes nothing at the root base', () => {
    expect(withBase('/dns/', '/')).toBe('/dns/');
  });
});

describe('rehypeBaseLinks', () => {
  it('rewrites <a href> in a tree', () => {
    const tree: Root = {
      type: 'root',
      children: [{ type: 'element', tagName: 'a', properties: { href: '/dns/' }, children: [] }],
    };
    rehypeBaseLinks({ base: '/site' })(tree);
    expect((tree.children[0] as { properties: { href: string } }).properties.href).toBe('/site/dns/');
  });
});
