// Addresses per hop come from derive/packet-walk.ts (sources cited in tests/unit/derive/packet-walk.test.ts);
// the syntax is checked by Mermaid's own parser (Mermaid 12 flowchart grammar).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packetWalkDiagramFor, stopId, wireId, WALK_LINE_WIDTH } from '../../../src/mermaid/packet-walk-steps.ts';
import { threeNodeCluster } from '../derive/fixtures.ts';
import { parseFlowchart } from './support/flowchart-structure.ts';
import { MermaidParser } from './support/mermaid-parser.ts';

let parser: MermaidParser;
// Chromium can take a while to start on a busy machine.
beforeAll(async () => { parser = await MermaidParser.start(); }, 60_000);
afterAll(async () => { await parser?.stop(); });

describe('packetWalkDiagram', () => {
  it('lists stops and packets top-down: DNAT at the source node, the VXLAN outer header on the wire, and parses', async () => {
    const d = packetWalkDiagramFor(threeNodeCluster(), { kind: 'pod-to-service', from: 'client', service: 'web', endpoint: 'web-2' });
    const chart = parseFlowchart(d.mermaid);
    expect(chart.direction).toBe('TB');
    // stop 0 → wire 0 → stop 1 → wire 1 → stop 2 → wire 2 → stop 3, nothing else.
    expect(chart.edges.map((e) => `${e.from}>${e.to}`)).toEqual([
      `${stopId(0)}>${wireId(0)}`, `${wireId(0)}>${stopId(1)}`,
      `${stopId(1)}>${wireId(1)}`, `${wireId(1)}>${stopId(2)}`,
      `${stopId(2)}>${wireId(2)}`, `${wireId(2)}>${stopId(3)}`,
    ]);
    expect(chart.nodes.get(stopId(0))!.label).toBe('pod default/client (10.244.1.6)\n• default route via eth0');
    expect(chart.nodes.get(wireId(0))!.label.split('\n')[0]).toBe('10.244.1.6:40000 → 10.96.100.10:80');
    expect(chart.nodes.get(stopId(1))!.label).toContain('• kube-proxy DNAT to 10.244.2.7:8080\n(nat PREROUTING)');
    expect(chart.nodes.get(wireId(1))!.label).toMatch(/outer 192\.168\.1\.11:\d{5} →\n192\.168\.1\.12:8472\n.*\nouter source port: flow hash,\nexample/);
    expect(d.description).toMatch(/from 192\.168\.1\.11:\d{5} to 192\.168\.1\.12:8472 \(outer source port \d{5} is a hash of the inner flow/);
    expect(chart.edges.filter((e) => e.arrow === '==>')).toHaveLength(2);
    expect(chart.nodes.get(stopId(3))!.label).toBe('pod default/web-2 (10.244.2.7):\ndelivered');
    expect(d.description).toContain('Delivered: 10.244.1.6:40000 → 10.244.2.7:8080');
    expect(d.description).toMatch(/kube-proxy DNAT 10\.96\.100\.10:80 → 10\.244\.2\.7:8080 \(KUBE-SERVICES → KUBE-SVC-/);
    expect(await parser.parse(d.mermaid)).toMatchObject({ ok: true, diagramType: 'flowchart-v2' });
    const { labels } = await parser.renderedText(d.mermaid);
    expect(labels.join('\n')).toContain('10.244.1.6:40000 → 10.96.100.10:80');
  });

  it('keeps every label line short, so the picture stays narrow', () => {
    const d = packetWalkDiagramFor(threeNodeCluster(), { kind: 'external-to-nodeport', node: 'worker-1', service: 'web-np' });
    const lines = [...parseFlowchart(d.mermaid).nodes.values()].flatMap((n) => n.label.split('\n'));
    const long = lines.filter((l) => l.length > WALK_LINE_WIDTH && l.includes(' '));
    expect(long).toEqual([]);
  });

  it('draws a NodePort walk with SNAT', async () => {
    const d = packetWalkDiagramFor(threeNodeCluster(), { kind: 'external-to-nodeport', node: 'worker-1', service: 'web-np' });
    const chart = parseFlowchart(d.mermaid);
    expect(chart.nodes.get(stopId(0))!.label).toBe('client 203.0.113.10');
    expect([...chart.nodes.values()].some((n) => n.label.replace(/\n/g, ' ').includes('MASQUERADE --random-fully: source becomes'))).toBe(true);
    expect(d.description).toContain('KUBE-POSTROUTING MASQUERADE --random-fully');
    expect(d.description).toContain('random from 1024–65535');
    expect(await parser.parse(d.mermaid)).toMatchObject({ ok: true });
  });
});
