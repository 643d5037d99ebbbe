// The Gateway attachment view's phone variant, for every Gateway in diagrams/: the same listeners,
// routes and attachments as the desktop view, in one narrow column.
import { beforeAll, describe, expect, it } from 'vitest';
import { gatewayAttachmentPhoneView } from '../../../src/mermaid/gateway-phone-view.ts';
import { gatewayAttachmentView } from '../../../src/mermaid/gateway-view.ts';
import type { Cluster } from '../../../src/model/types.ts';
import { exampleRegistry } from './clusters.ts';
import { parseFlowchart, type ParsedFlowchart } from './support/flowchart-structure.ts';

type Which = 'accepted' | 'refused';
interface Case { name: string; cluster: Cluster; ref: string; which: Which; desktop: ParsedFlowchart; phone: ParsedFlowchart }

let cases: Case[];
beforeAll(async () => {
  cases = (await exampleRegistry()).entries().flatMap(({ id, cluster }) =>
    (cluster.gatewayApi?.gateways ?? []).flatMap((g) =>
      (['accepted', 'refused'] as const).map((which) => {
        const ref = `${g.namespace}/${g.name}`;
        return {
          name: `${id} ${ref} ${which}`,
          cluster,
          ref,
          which,
          desktop: parseFlowchart(gatewayAttachmentView(cluster, ref, which).mermaid),
          phone: parseFlowchart(gatewayAttachmentPhoneView(cluster, ref, which)),
        };
      }),
    ),
  );
});

const firstLine = (text: string) => text.split('\n')[0]!;
/** A box's or group's first line. */
function head(chart: ParsedFlowchart, id: string): string {
  return firstLine(chart.nodes.get(id)?.label ?? chart.subgraphs.get(id)!.title);
}
/** Every line of every box and group title. */
function allLines(chart: ParsedFlowchart): Set<string> {
  return new Set([...chart.nodes.values()].map((n) => n.label).concat([...chart.subgraphs.values()].map((s) => s.title)).flatMap((t) => t.split('\n')));
}
/** Route boxes (round, "Kind name" first line) as `route -> listener` pairs, from the desktop edges. */
const desktopPairs = (c: Case) => c.desktop.edges.map((e) => `${head(c.desktop, e.from)} -> ${head(c.desktop, e.to)}`).sort();

describe('Gateway attachment phone view of every Gateway', () => {
  it('covers both example clusters with Gateways, accepted and refused', () => {
    expect(new Set(cases.map((c) => c.name.split(' ')[0]))).toEqual(new Set(['gateway-api', 'ingress-gateway']));
    expect(cases.some((c) => c.which === 'refused' && c.desktop.edges.length > 0)).toBe(true);
  });

  it('keeps every label of the desktop view, the namespace groups as a line of each route', () => {
    for (const c of cases) {
      const phone = allLines(c.phone);
      for (const line of allLines(c.desktop)) expect(phone.has(line), `${c.name}: ${line}`).toBe(true);
    }
  });

  it('accepted: puts each route in the group of every listener it attached to, with no edges to follow', () => {
    for (const c of cases.filter((x) => x.which === 'accepted')) {
      expect(c.phone.edges.filter((e) => e.arrow !== '~~~'), c.name).toEqual([]);
      const pairs = [...c.phone.nodes.values()]
        .filter((n) => n.parent && c.phone.subgraphs.get(n.parent)!.parent)
        .map((n) => `${firstLine(n.label)} -> ${head(c.phone, n.parent!)}`)
        .sort();
      expect(pairs, c.name).toEqual(desktopPairs(c));
      // Every listener of the Gateway is shown, in the Gateway's group.
      const gateway = c.cluster.gatewayApi!.gateways.find((g) => `${g.namespace}/${g.name}` === c.ref)!;
      const top = [...c.phone.subgraphs.values()].find((s) => s.title === `Gateway ${c.ref}`)!;
      const listeners = [...c.phone.subgraphs.values()].filter((s) => s.parent === top.id).map((s) => firstLine(s.title));
      const bare = [...c.phone.nodes.values()].filter((n) => n.parent === top.id).map((n) => firstLine(n.label));
      expect([...listeners, ...bare].sort(), c.name).toEqual(gateway.listeners.map((l) => l.name).sort());
    }
  });

  it('refused: draws the same dashed edges as the desktop view, routes stacked above the Gateway', () => {
    for (const c of cases.filter((x) => x.which === 'refused')) {
      const dashed = c.phone.edges.filter((e) => e.arrow !== '~~~');
      expect(dashed.every((e) => e.arrow === '-.->'), c.name).toBe(true);
      expect(dashed.map((e) => `${head(c.phone, e.from)} -> ${head(c.phone, e.to)}`).sort(), c.name).toEqual(desktopPairs(c));
    }
  });

  it('names the Gateway when there is none', () => {
    expect(() => gatewayAttachmentPhoneView(cases[0]!.cluster, 'infra/nope', 'accepted')).toThrow('has no Gateway "infra/nope"');
  });
});
