// The per-zone traffic distribution diagram of diagrams/traffic-distribution.ts: zone boxes,
// one arrow per endpoint a node's KUBE-SVC chain uses, the same facts in words, and Mermaid
// accepts it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modeText, trafficDistributionDiagram } from '../../../src/mermaid/traffic-view.ts';
import { mermaidId } from '../../../src/mermaid/escape.ts';
import { exampleCluster } from './clusters.ts';
import { MermaidParser } from './support/mermaid-parser.ts';

const arrows = (mermaid: string) => mermaid.split('\n').filter((l) => l.includes(' --> ')).map((l) => l.trim());

describe('trafficDistributionDiagram', () => {
  it('draws each node and endpoint with its zone, and the arrows kube-proxy uses', async () => {
    const c = await exampleCluster('traffic-distribution');
    const d = trafficDistributionDiagram(c, 'default/web');
    // Two columns (no subgraphs, which would push the columns apart).
    expect(d.mermaid.split('\n')[0]).toBe('flowchart LR');
    expect(d.mermaid).not.toContain('subgraph');
    expect(d.mermaid).toContain(`${mermaidId('tdnode', 'node-3')}["node-3 in zone-b<br>kube-proxy#58;<br>same zone"]`);
    expect(d.mermaid).toContain(`${mermaidId('tdep', '10.244.0.3:8080')}("web-1 in zone-a<br>10.244.0.3#58;8080")`);
    const node3 = mermaidId('tdnode', 'node-3');
    expect(arrows(d.mermaid).filter((a) => a.startsWith(node3))).toEqual([`${node3} --> ${mermaidId('tdep', '10.244.2.3:8080')}`]);
    expect(arrows(d.mermaid)).toHaveLength(5);
    expect(d.title).toBe('web: trafficDistribution PreferSameZone, endpoints per node');
    expect(d.description).toContain('On node-3 (zone-b) kube-proxy uses same zone: web-3.');
  });
  it('draws the fallback across zones as an arrow into the other zone box', async () => {
    const c = await exampleCluster('traffic-distribution');
    const d = trafficDistributionDiagram(c, 'default/api');
    expect(arrows(d.mermaid)).toContain(`${mermaidId('tdnode', 'node-3')} --> ${mermaidId('tdep', '10.244.1.4:8080')}`);
    expect(d.description).toContain('On node-3 (zone-b) kube-proxy uses every ready endpoint: api-1.');
  });
  it('words each topology mode', () => {
    expect([modeText(''), modeText('PreferSameZone'), modeText('PreferSameNode')]).toEqual(['every ready endpoint', 'same zone', 'same node']);
  });
});

describe('Mermaid parses the traffic distribution diagrams', () => {
  let parser: MermaidParser;
  beforeAll(async () => {
    parser = await MermaidParser.start();
  }, 60_000);
  afterAll(async () => parser?.stop());
  it('for every Service of diagrams/traffic-distribution.ts', async () => {
    const c = await exampleCluster('traffic-distribution');
    for (const s of c.services.filter((x) => x.trafficDistribution)) {
      const outcome = await parser.parse(trafficDistributionDiagram(c, `${s.namespace}/${s.name}`).mermaid);
      expect(outcome.ok, outcome.error).toBe(true);
    }
  });
});
