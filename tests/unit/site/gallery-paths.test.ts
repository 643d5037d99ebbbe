import { expect, it } from 'vitest';
import { clusterPageHref, GALLERY_HREF, isClusterPagePath, viewFigureId } from '../../../src/site/gallery-paths.ts';

it('names the index, the cluster pages and the figure anchors', () => {
  expect(GALLERY_HREF).toBe('/reference/diagram-gallery/');
  expect(clusterPageHref('flannel-vxlan')).toBe('/reference/diagram-gallery/flannel-vxlan/');
  expect(viewFigureId('flannel-vxlan', 'topology')).toBe('cd-flannel-vxlan-topology-figure');
  expect(viewFigureId('a.b', 'services')).toBe('cd-a-b-services-figure');
});

it('tells cluster pages from the index and from other pages, with or without a base path', () => {
  expect(isClusterPagePath('/reference/diagram-gallery/flannel-vxlan/')).toBe(true);
  expect(isClusterPagePath('/k8s/reference/diagram-gallery/flannel-vxlan/', '/k8s/')).toBe(true);
  expect(isClusterPagePath('/reference/diagram-gallery/')).toBe(false);
  expect(isClusterPagePath('/reference/glossary/')).toBe(false);
  expect(isClusterPagePath('/reference/diagram-gallery/a/b/')).toBe(false);
});
