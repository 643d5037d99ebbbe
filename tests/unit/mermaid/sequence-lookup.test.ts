// The lookup order comes from glibc resolv/res_query.c (see tests/unit/derive/lookup-order.test.ts);
// the syntax is checked by Mermaid's own parser (mermaid.parse, Mermaid 12 sequenceDiagram grammar).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookupSequence, lookupSequenceFor, wrapAtDots } from '../../../src/mermaid/lookup-sequence.ts';
import { threeNodeCluster } from '../derive/fixtures.ts';
import { MermaidParser } from './support/mermaid-parser.ts';

let parser: MermaidParser;
// Chromium can take a while to start on a busy machine.
beforeAll(async () => { parser = await MermaidParser.start(); }, 60_000);
afterAll(async () => { await parser?.stop(); });

describe('wrapAtDots', () => {
  it('breaks after dots into lines of at most the width, a longer label keeping its own line', () => {
    expect(wrapAtDots('A? example.com.default.svc.cluster.local.', 20)).toEqual(['A? example.com.', 'default.svc.cluster.', 'local.']);
    expect(wrapAtDots('A? web.', 20)).toEqual(['A? web.']);
    expect(wrapAtDots('averyveryverylonglabel.x', 5)).toEqual(['averyveryverylonglabel.', 'x']);
    expect(wrapAtDots('A? a:b;c.', 20).join('')).toBe('A? a:b;c.');
  });
});

describe('lookupSequence', () => {
  it('draws one query per search suffix with NXDOMAIN answers, then the answer, and parses', async () => {
    const d = lookupSequenceFor(threeNodeCluster(), 'client', 'kube-dns.kube-system');
    // Front matter first: narrow side margins, so the picture fits a phone column.
    expect(d.mermaid).toMatch(/^---\nconfig:\n  sequence:\n    diagramMarginX: 8\n---\nsequenceDiagram\n/);
    // Long query names wrap after a dot.
    expect(d.mermaid).toContain('p_pod->>p_dns: A? kube-dns.<br>kube-system.default.<br>svc.cluster.local.');
    expect(d.mermaid).toContain('accTitle: DNS lookup of kube-dns.kube-system from pod default/client');
    const replies = d.mermaid.split('\n').filter((l) => l.includes('-->>'));
    expect(replies).toHaveLength(2);
    expect(replies[0]).toMatch(/NXDOMAIN$/);
    expect(replies[1]).toContain('10.96.0.10');
    expect(d.description).toContain('1. kube-dns.kube-system.default.svc.cluster.local. → NXDOMAIN');
    // Two lanes only: the pod and the DNS pod; the Service is a note on the first query.
    expect(d.mermaid.split('\n').filter((l) => l.trim().startsWith('participant '))).toHaveLength(2);
    expect(d.mermaid).toMatch(/Note over p_pod,p_dns: to kube-dns Service 10\.96\.0\.10<br>kube-proxy DNATs it/);
    expect(await parser.parse(d.mermaid)).toMatchObject({ ok: true, diagramType: 'sequence' });
  });
  it('notes the upstream server on forwarded queries, without a lane of its own', async () => {
    const d = lookupSequenceFor(threeNodeCluster(), 'client', 'example.com');
    expect(d.mermaid).not.toContain('upstream DNS');
    const lines = d.mermaid.split('\n');
    const forward = lines.findIndex((l) => l.includes('Note over p_dns: forward . sends it'));
    expect(lines[forward - 1]).toMatch(/p_pod->>p_dns: A\? example\.com\.$/);
    // No parentheses in a reply: Mermaid would size it by its escaped text and widen the picture.
    expect(lines[forward + 1]).toMatch(/p_dns-->>p_pod: answer from upstream$/);
    expect(await parser.parse(d.mermaid)).toMatchObject({ ok: true });
  });
  it('escapes hostile names so they stay text', async () => {
    const d = lookupSequence(
      { pod: 'pod x"; %% <script>', dnsServiceIP: '10.96.0.10', server: 'CoreDNS' },
      'a:b;c',
      { queries: [{ name: 'a:b;c.', status: 'NXDOMAIN', records: [] }], answeredIndex: -1 },
    );
    expect(d.mermaid).not.toContain('<script>');
    expect(await parser.parse(d.mermaid)).toMatchObject({ ok: true });
    const { svg } = await parser.renderedText(d.mermaid);
    expect(svg).toContain('A? a:b;c.');
  });
});
