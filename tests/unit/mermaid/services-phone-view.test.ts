// The services view's phone variant, for every cluster in diagrams/: the same Services and
// endpoints as the desktop view in one column, each Service followed by its own endpoint group.
import { beforeAll, describe, expect, it } from 'vitest';
import { selectedPods } from '../../../src/derive/endpoints.ts';
import { podIPs } from '../../../src/model/ip-families.ts';
import type { Cluster } from '../../../src/model/types.ts';
import { serviceId } from '../../../src/mermaid/ids.ts';
import { podName } from '../../../src/mermaid/labels.ts';
import { endpointGroupId, ENDPOINT_GROUP_TITLES, NOT_AN_ENDPOINT, servicesPhoneView } from '../../../src/mermaid/services-phone-view.ts';
import { endpointLabel, isProxied, serviceLines, servicesView } from '../../../src/mermaid/services-view.ts';
import { exampleRegistry } from './clusters.ts';
import { parseFlowchart, type ParsedFlowchart } from './support/flowchart-structure.ts';

const oneLine = (text: string): string => text.replace(/\n/g, ' ');

let clusters: Array<{ id: string; cluster: Cluster; phone: ParsedFlowchart; desktop: ParsedFlowchart }>;
beforeAll(async () => {
  const registry = await exampleRegistry();
  // Plus a copy of services-dns where the named target port "http" resolves to 8080 on web-1 but
  // 9090 on web-2: the desktop view then labels its edges (services-view.test.ts).
  const differing = structuredClone(registry.get('services-dns'));
  const web2 = differing.nodes.flatMap((n) => n.pods).find((p) => p.name === 'web-2')!;
  web2.ports = [{ ...web2.ports[0]!, containerPort: 9090 }];
  clusters = [...registry.entries(), { id: 'services-dns, web-2 on 9090', cluster: differing }].map(({ id, cluster }) => ({
    id,
    cluster,
    phone: parseFlowchart(servicesPhoneView(cluster)),
    desktop: parseFlowchart(servicesView(cluster)),
  }));
});

describe('services phone view of every cluster', () => {
  it('is top-down with no labelled edges', () => {
    expect(clusters.length).toBeGreaterThan(10);
    for (const { id, phone } of clusters) {
      expect(phone.direction, id).toBe('TB');
      expect(phone.edges.filter((e) => e.label), id).toEqual([]);
    }
  });

  it('draws every Service with the desktop view\'s lines', () => {
    for (const { id, cluster, phone, desktop } of clusters) {
      for (const svc of cluster.services) {
        expect(phone.nodes.get(serviceId(svc))?.label, `${id} ${svc.name}`).toBe(serviceLines(cluster, svc).join('\n'));
        expect(phone.nodes.get(serviceId(svc))?.parent, `${id} ${svc.name}`).toBe(desktop.nodes.get(serviceId(svc))?.parent);
      }
    }
  });

  it('links each selector Service once, to a group of its endpoints one per row, each saying its node and any port mapping of its own', () => {
    let nonUniform = 0;
    for (const { id, cluster, phone } of clusters) {
      for (const svc of cluster.services.filter((s) => s.type !== 'ExternalName' && selectedPods(cluster, s).length > 0)) {
        const headless = !isProxied(svc);
        const pods = selectedPods(cluster, svc);
        const labels = pods.map((pod) => (headless ? '' : endpointLabel(cluster, svc, pod)));
        const uniform = new Set(labels.filter(Boolean)).size <= 1;
        if (!uniform) nonUniform++;
        const group = phone.subgraphs.get(endpointGroupId(svc));
        expect(group?.title, `${id} ${svc.name}`).toBe(headless ? ENDPOINT_GROUP_TITLES.headless : ENDPOINT_GROUP_TITLES.pods);
        expect(phone.edges.filter((e) => e.from === serviceId(svc) && e.arrow !== '~~~').map((e) => [e.arrow, e.to]), `${id} ${svc.name}`)
          .toEqual([[headless ? '-.->' : '-->', group!.id]]);
        const boxes = [...phone.nodes.values()].filter((n) => n.parent === group!.id);
        expect(boxes.map((b) => b.label), `${id} ${svc.name}`).toEqual(pods.map((pod, i) => {
          const node = cluster.nodes.find((n) => n.pods.includes(pod))!;
          const ports = headless ? [] : !labels[i] ? [NOT_AN_ENDPOINT] : uniform ? [] : [labels[i]];
          return [podName(pod), pod.ip, ...podIPs(pod).slice(1), `on ${node.name}`, ...ports].join('\n');
        }));
        const ids = boxes.map((b) => b.id);
        expect(phone.edges.filter((e) => ids.includes(e.to)).map((e) => [e.from, e.arrow, e.to]), `${id} ${svc.name}`)
          .toEqual(ids.slice(1).map((to, k) => [ids[k], '~~~', to]));
      }
    }
    // The services-dns copy: web's pods get "80/TCP → 8080" and "80/TCP → 9090" in their boxes.
    expect(nonUniform).toBe(1);
  });

  it('stacks every Service, group and box one under another: invisible links chain each group\'s content', () => {
    for (const { id, phone } of clusters) {
      const parents = new Set([...phone.nodes.values(), ...phone.subgraphs.values()].map((n) => n.parent));
      for (const parent of parents) {
        const children = [...[...phone.nodes.values()], ...[...phone.subgraphs.values()]].filter((n) => n.parent === parent).map((n) => n.id);
        if (children.length < 2) continue;
        // Every child but one (the top) has an invisible link from a sibling.
        const stacked = children.filter((c) => phone.edges.some((e) => e.arrow === '~~~' && e.to === c && children.includes(e.from)));
        expect(stacked.length, `${id} ${parent ?? 'top'}`).toBe(children.length - 1);
      }
    }
  });

  it('keeps every label of the desktop view: Services, endpoints with their node, slices, edge labels', () => {
    for (const { id, phone, desktop } of clusters) {
      const phoneLabels = [...phone.nodes.values()].map((n) => oneLine(n.label));
      const titles = [...phone.subgraphs.values()].map((s) => oneLine(s.title)).join(' | ');
      for (const node of desktop.nodes.values()) {
        const group = node.parent ? desktop.subgraphs.get(node.parent) : undefined;
        const onNode = group?.title.match(/^endpoints on (.+)$/)?.[1];
        const wanted = oneLine(node.label) + (onNode ? ` on ${onNode}` : '');
        expect(phoneLabels.some((l) => l.startsWith(wanted)), `${id}: ${wanted}`).toBe(true);
      }
      for (const group of desktop.subgraphs.values()) if (!group.title.startsWith('endpoints on ')) expect(titles, id).toContain(oneLine(group.title));
      const labelled = desktop.edges.filter((e) => e.label);
      if (id.includes('9090')) expect(labelled.map((e) => e.label)).toEqual(['80/TCP → 8080', '80/TCP → 9090']);
      for (const edge of labelled) {
        const target = oneLine(desktop.nodes.get(edge.to)!.label);
        expect(phoneLabels.some((l) => l.startsWith(target) && l.endsWith(edge.label!)), `${id}: ${edge.label}`).toBe(true);
      }
    }
  });
});
