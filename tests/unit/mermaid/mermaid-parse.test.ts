/**
 * Every generated diagram must parse with Mermaid's own parser (run in headless Chromium, since
 * mermaid.parse needs a DOM), and hostile text must render as text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryViews, renderPhoneView, renderViews } from '../../../src/mermaid/views.ts';
import { resolveCluster } from '../../../src/model/defaults.ts';
import { HOSTILE, hostileCluster } from '../../fixtures/clusters/hostile-cluster.ts';
import { exampleRegistry } from './clusters.ts';
import { MermaidParser } from './support/mermaid-parser.ts';

let parser: MermaidParser;
beforeAll(async () => {
  parser = await MermaidParser.start();
}, 60_000);
afterAll(async () => parser?.stop());

describe('Mermaid parses', () => {
  it('every view of every cluster in diagrams/, and its phone variant', async () => {
    const registry = await exampleRegistry();
    expect(registry.ids().length).toBeGreaterThanOrEqual(5);
    const failures: string[] = [];
    for (const view of registryViews(registry)) {
      for (const [name, text] of [[view.view, view.mermaid], [`${view.view} (phone)`, view.phoneMermaid]]) {
        const outcome = await parser.parse(text!);
        if (!outcome.ok || outcome.diagramType !== 'flowchart-v2') failures.push(`${view.id}/${name}: ${outcome.error ?? outcome.diagramType}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('rejects broken text, so the check above can fail', async () => {
    const outcome = await parser.parse('flowchart LR\n  a["x"] -->\n');
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatch(/Parse error/);
  });

  it('unescaped, the same text would inject an edge and a node (what escaping prevents)', async () => {
    const { labels } = await parser.renderedText(`flowchart LR\n  a["${HOSTILE.quoteBreak}"]\n`);
    expect(labels).toEqual(expect.arrayContaining(['web', 'pwned']));
    expect(labels).not.toContain(HOSTILE.quoteBreak);
  });

  it('views of a hostile cluster parse and render every string as text', async () => {
    const cluster = resolveCluster(hostileCluster(), 'hostile');
    const views = renderViews(cluster).flatMap((view) => [view, { ...view, mermaid: renderPhoneView(cluster, view.view) }]);
    for (const view of views) {
      expect(await parser.parse(view.mermaid), view.view).toEqual({ ok: true, diagramType: 'flowchart-v2' });
      const { svg, labels } = await parser.renderedText(view.mermaid);
      expect(svg).not.toMatch(/<script/i);
      const shown = labels.join('\n');
      expect(shown).toContain(HOSTILE.script);
      expect(shown).toContain(HOSTILE.quoteBreak);
      if (view.view === 'topology') {
        expect(shown).toContain(HOSTILE.comment);
        expect(shown).toContain(HOSTILE.entity);
        expect(shown).toContain(HOSTILE.click);
        expect(shown).toContain(HOSTILE.brackets);
      }
      // The Service named like a directive: Services are drawn in the services view only.
      if (view.view === 'services') expect(shown).toContain(HOSTILE.directive);
    }
  }, 60_000);
});
