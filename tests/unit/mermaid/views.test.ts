import { describe, expect, it } from 'vitest';
import { registryViews, renderPhoneView, renderView, toViewName, VIEW_NAMES, viewContext } from '../../../src/mermaid/views.ts';
import { exampleRegistry } from './clusters.ts';

describe('views of the registry', () => {
  it('every cluster x every view, clusters by id, with id, file, title, description and Mermaid', async () => {
    const registry = await exampleRegistry();
    const views = registryViews(registry);
    expect(views.map((v) => `${v.id}/${v.view}`)).toEqual(registry.ids().flatMap((id) => VIEW_NAMES.map((view) => `${id}/${view}`)));
    const vxlan = views.find((v) => v.id === 'flannel-vxlan' && v.view === 'topology');
    expect(vxlan).toMatchObject({
      file: 'diagrams/flannel-vxlan.ts',
      title: 'Three nodes with flannel (VXLAN): topology',
      description: expect.stringContaining('node-2 (192.168.1.12, pod CIDR 10.244.1.0/24) runs web-1 (10.244.1.2) and client (10.244.1.3)'),
      mermaid: expect.stringMatching(/^flowchart TB\n/),
    });
    const cluster = registry.get('flannel-vxlan');
    expect(vxlan).toEqual({ id: 'flannel-vxlan', file: 'diagrams/flannel-vxlan.ts', ...renderView(cluster, 'topology'), phoneMermaid: renderPhoneView(cluster, 'topology') });
    expect(vxlan?.phoneMermaid).not.toBe(vxlan?.mermaid);
  });

  it('is the same on a second run', async () => {
    const registry = await exampleRegistry();
    expect(registryViews(registry)).toEqual(registryViews(registry));
  });
});

describe('view names', () => {
  it('takes a known name and lists the views for an unknown one', () => {
    expect(toViewName('services')).toBe('services');
    expect(() => toViewName('routes')).toThrow('Unknown view "routes". Views: topology, services.');
  });

  it('says where a view comes from, for build errors', () => {
    expect(viewContext('flannel-vxlan', 'topology')).toBe('cluster flannel-vxlan, view topology');
  });
});
