// Addresses per hop come from derive/packet-walk.ts (sources cited in tests/unit/derive/packet-walk.test.ts);
// the syntax is checked by Mermaid's own parser (Mermaid 12 sequenceDiagram grammar).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packetWalkSequenceFor } from '../../../src/mermaid/packet-walk-sequence.ts';
import { threeNodeCluster } from '../derive/fixtures.ts';
import { MermaidParser } from './support/mermaid-parser.ts';

let parser: MermaidParser;
// Chromium can take a while to start on a busy machine.
beforeAll(async () => { parser = await MermaidParser.start(); }, 60_000);
afterAll(async () => { await parser?.stop(); });

describe('packetWalkSequence', () => {
  it('shows the DNAT note, the VXLAN outer header and the inner addresses, and parses', async () => {
    const d = packetWalkSequenceFor(threeNodeCluster(), { kind: 'pod-to-service', from: 'client', service: 'web', endpoint: 'web-2' });
    expect(d.mermaid).toMatch(/Note over p_node_3a_worker_2d_1: kube-proxy DNAT 10\.96\.100\.10#58;80 → 10\.244\.2\.7#58;8080/);
    expect(d.mermaid).toMatch(/outer 192\.168\.1\.11#58;\d{5} → 192\.168\.1\.12#58;8472, VXLAN #40;UDP port 8472, VNI 1#41;#59; outer source port \d{5} is a hash of the inner flow/);
    expect(d.description).toMatch(/from 192\.168\.1\.11:\d{5} to 192\.168\.1\.12:8472 \(outer source port \d{5} is a hash/);
    expect(d.description).toContain('Delivered: 10.244.1.6:40000 → 10.244.2.7:8080');
    expect(await parser.parse(d.mermaid)).toMatchObject({ ok: true, diagramType: 'sequence' });
    const { svg } = await parser.renderedText(d.mermaid);
    expect(svg).toContain('10.244.1.6:40000 → 10.96.100.10:80');
  });
  it('draws a NodePort walk with SNAT', async () => {
    const d = packetWalkSequenceFor(threeNodeCluster(), { kind: 'external-to-nodeport', node: 'worker-1', service: 'web-np' });
    expect(d.mermaid).toContain('participant p_client as client 203.0.113.10');
    expect(d.mermaid).toContain('MASQUERADE --random-fully');
    expect(d.mermaid).toContain('random from 1024–65535');
    expect(await parser.parse(d.mermaid)).toMatchObject({ ok: true });
  });
});
