import { describe, expect, it } from 'vitest';
import { escapeMermaidText, mermaidId, mermaidLabel, mermaidLines } from '../../../src/mermaid/escape.ts';
import { FlowchartBuilder } from '../../../src/mermaid/flowchart.ts';
import { servicesView } from '../../../src/mermaid/services-view.ts';
import { topologyView } from '../../../src/mermaid/topology-view.ts';
import { resolveCluster } from '../../../src/model/defaults.ts';
import { HOSTILE, hostileCluster } from '../../fixtures/clusters/hostile-cluster.ts';
import { decodeLabel, parseFlowchart } from './support/flowchart-structure.ts';

describe('escaping', () => {
  it('leaves no character Mermaid gives a meaning to', () => {
    for (const text of Object.values(HOSTILE)) {
      const escaped = escapeMermaidText(text);
      expect(escaped, text).not.toMatch(/["'`<>&%{}[\]()|\\\n]/);
      expect(decodeLabel(escaped)).toBe(text.replace(/\n/g, ' '));
    }
  });

  it('quotes labels and joins lines with our own <br> only', () => {
    expect(mermaidLabel('a "b"')).toBe('"a #34;b#34;"');
    expect(mermaidLines(['<br>', 'x'])).toBe('"#60;br#62;<br>x"');
  });

  it('keeps the colons of an IPv6 address, so Mermaid measures it at its real width', () => {
    expect(escapeMermaidText('pods fd00:10:244::/64, 10.244.0.0/24')).toBe('pods fd00:10:244::/64, 10.244.0.0/24');
    expect(escapeMermaidText('eth0 fd00:192:168:56::11')).toBe('eth0 fd00:192:168:56::11');
    expect(escapeMermaidText('::ffff:192.0.2.1 and ::')).toBe('::ffff:192.0.2.1 and ::');
    // Other colons are escaped: a single one, or one in a longer word.
    expect(escapeMermaidText('DNS: a:b std::vector')).toBe('DNS#58; a#58;b std#58;#58;vector');
  });

  it('escapes an address colon when an escaped character follows it in the same word', () => {
    // Mermaid strips the last ';' of a line matching style.*:\S*#.*; (its entity preprocessing).
    expect(escapeMermaidText('style (fd00::1)')).toBe('style #40;fd00#58;#58;1#41;');
    expect(escapeMermaidText('fd00::1/64; x')).toBe('fd00#58;#58;1/64#59; x');
    for (const text of [...Object.values(HOSTILE), 'style fd00::1#x', 'classDef a:b::c:1#;', 'fd00::%eth0', '1::2::3"']) {
      expect(escapeMermaidText(text), text).not.toMatch(/:\S*#/);
      expect(decodeLabel(escapeMermaidText(text))).toBe(text.replace(/\n/g, ' '));
    }
  });

  it('makes ids of letters, digits and _ that never equal a keyword', () => {
    for (const text of Object.values(HOSTILE)) expect(mermaidId('pod', text)).toMatch(/^pod_[A-Za-z0-9_]*$/);
    expect(mermaidId('node', 'end')).toBe('node_end');
    expect(mermaidId('pod', 'a-b')).not.toBe(mermaidId('pod', 'a_b'));
  });

  it('the flowchart builder escapes node, edge and subgraph text', () => {
    const chart = new FlowchartBuilder('LR');
    chart.subgraph('g', HOSTILE.keyword, () => chart.node('a', HOSTILE.quoteBreak));
    chart.node('b', [HOSTILE.script, HOSTILE.comment]);
    chart.edge('a', 'b', HOSTILE.click, 'dashed');
    const text = chart.toString();
    expect(text).not.toContain('<script');
    expect(text).not.toContain('%%');
    const parsed = parseFlowchart(text);
    expect(parsed.subgraphs.get('g')!.title).toBe('end');
    expect(parsed.nodes.get('a')!.label).toBe(HOSTILE.quoteBreak);
    expect(parsed.nodes.get('b')!.label).toBe(`${HOSTILE.script}\n${HOSTILE.comment}`);
    expect(parsed.edges).toEqual([{ from: 'a', to: 'b', arrow: '-.->', label: HOSTILE.click }]);
  });

  it('views of a hostile cluster keep every string as text', () => {
    const cluster = resolveCluster(hostileCluster(), 'hostile');
    for (const text of [topologyView(cluster), servicesView(cluster)]) {
      // Every line is one statement our reader understands: nothing was injected.
      const parsed = parseFlowchart(text);
      const shown = [...parsed.nodes.values()].map((n) => n.label).join('\n') + [...parsed.subgraphs.values()].map((s) => s.title).join('\n');
      expect(shown).toContain(HOSTILE.quoteBreak);
      expect(shown).toContain(HOSTILE.script);
      expect(text).not.toMatch(/<script|%%/);
    }
  });
});
