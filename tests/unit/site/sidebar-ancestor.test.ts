import { describe, expect, it } from 'vitest';
import { markAncestorCurrent, type SidebarLinkTree } from '../../../src/site/sidebar-ancestor.ts';

const link = (href: string, isCurrent = false) => ({ type: 'link' as const, href, isCurrent });

function sidebar(current?: string): SidebarLinkTree[] {
  return [
    link('/', current === '/'),
    {
      type: 'group',
      entries: [
        link('/reference/glossary/', current === '/reference/glossary/'),
        { type: 'group', entries: [link('/reference/diagram-gallery/', current === '/reference/diagram-gallery/')] },
      ],
    },
  ];
}

const currentHrefs = (tree: SidebarLinkTree[]): string[] =>
  tree.flatMap((e) => (e.type === 'link' ? (e.isCurrent ? [e.href] : []) : currentHrefs(e.entries)));

describe('markAncestorCurrent', () => {
  it('marks the nearest ancestor page of a page that has no link, at any depth', () => {
    const tree = sidebar();
    expect(markAncestorCurrent(tree, '/reference/diagram-gallery/flannel-vxlan/')?.href).toBe('/reference/diagram-gallery/');
    expect(currentHrefs(tree)).toEqual(['/reference/diagram-gallery/']);
  });

  it('prefers the longest prefix and copes with a missing trailing slash and a base path', () => {
    const tree: SidebarLinkTree[] = [link('/k8s/'), link('/k8s/reference/'), link('/k8s/reference/diagram-gallery/')];
    expect(markAncestorCurrent(tree, '/k8s/reference/diagram-gallery/x', '/k8s')?.href).toBe('/k8s/reference/diagram-gallery/');
  });

  it('leaves a sidebar with a current link alone, and never marks home or a mere name prefix', () => {
    const tree = sidebar('/reference/glossary/');
    expect(markAncestorCurrent(tree, '/reference/glossary/')).toBeUndefined();
    expect(currentHrefs(tree)).toEqual(['/reference/glossary/']);
    const none = sidebar();
    expect(markAncestorCurrent(none, '/dns/')).toBeUndefined(); // only home is a prefix
    expect(markAncestorCurrent(none, '/reference/glossary-extra/')).toBeUndefined();
    expect(currentHrefs(none)).toEqual([]);
  });
});
