import { describe, expect, it } from 'vitest';
import { canonicalizeIds, collectIds, idStem } from '../../../src/render/svg-ids.ts';

// Shaped like Mermaid's sequence output: bare ids, a duplicated participant id, suffix-matched markers.
const sequenceLike = (counter: number): string =>
  `<svg id="mmdroot" aria-labelledby="chart-title-mmdroot"><style>#mmdroot .actor{fill:#eee;}#mmdroot [id$="-crosshead"] path{stroke:#333;}</style>` +
  `<g id="P"><rect/></g><g id="P"><text>P</text></g><line id="actor${counter}" marker-end="url(#mmdroot-crosshead)"/>` +
  `<defs><marker id="mmdroot-crosshead"><path/></marker><symbol id="computer"/></defs>` +
  `<use href="#computer" xlink:href="#computer"/><path style="marker-end: url(&quot;#mmdroot-crosshead&quot;);"/>` +
  `<text>id="not-an-attribute"</text></svg>`;

describe('canonicalizeIds', () => {
  it('gives every element a unique id under the token, including Mermaid duplicates', () => {
    const ids = collectIds(canonicalizeIds(sequenceLike(0), 'TOK'));
    expect(ids[0]).toBe('TOK');
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.startsWith('TOK')).toBe(true);
  });

  it('keeps marker suffixes so Mermaid\'s [id$="-crosshead"] selectors still match', () => {
    const out = canonicalizeIds(sequenceLike(0), 'TOK');
    expect(out).toMatch(/<marker id="TOK-\d+-crosshead">/);
    expect(out).toContain('#TOK [id$="-crosshead"] path');
  });

  it('rewrites every kind of reference to the renamed id', () => {
    const out = canonicalizeIds(sequenceLike(0), 'TOK');
    const marker = out.match(/<marker id="([^"]+)"/)![1]!;
    const symbol = out.match(/<symbol id="([^"]+)"/)![1]!;
    expect(out).toContain(`marker-end="url(#${marker})"`);
    expect(out).toContain(`url(&quot;#${marker}&quot;)`);
    expect(out).toContain(`href="#${symbol}" xlink:href="#${symbol}"`);
    expect(out).not.toMatch(/#mmdroot|#computer\b|"computer"/);
  });

  it('leaves text that merely looks like an attribute alone', () => {
    expect(canonicalizeIds(sequenceLike(0), 'TOK')).toContain('<text>id="not-an-attribute"</text>');
  });

  it('is independent of Mermaid\'s global counters (same drawing, same output)', () => {
    expect(canonicalizeIds(sequenceLike(0), 'TOK')).toBe(canonicalizeIds(sequenceLike(7), 'TOK'));
  });

  it('stems drop the render id and a trailing counter', () => {
    expect(idStem('mmdroot_flowchart-v2-pointEnd', 'mmdroot')).toBe('flowchart-v2-pointEnd');
    expect(idStem('flowchart-web-12', 'mmdroot')).toBe('flowchart-web');
    expect(idStem('actor3', 'mmdroot')).toBe('actor');
    expect(idStem('a b', 'mmdroot')).toBe('a_b');
  });
});
