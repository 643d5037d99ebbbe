import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { measurePlaced, siteDiagrams } from '../../../bench/diagrams.ts';

describe('siteDiagrams', () => {
  it('lists every cluster view with its phone variant and every fence in docs/, named by cluster/view or page:line', async () => {
    const diagrams = await siteDiagrams(process.cwd());
    expect(diagrams.some((d) => /^flannel-vxlan\/topology$/.test(d.name))).toBe(true);
    expect(diagrams.some((d) => /^flannel-vxlan\/topology \(phone\)$/.test(d.name))).toBe(true);
    expect(diagrams.some((d) => /^docs\/.+\.mdx:\d+$/.test(d.name))).toBe(true);
    expect(diagrams.every((d) => d.source.trim().length > 0)).toBe(true);
  });
});

describe('measurePlaced', () => {
  it('reports raw and gzipped bytes and colours that do not follow the theme', () => {
    const svg = '<svg><style>.a{fill:var(--mmd-node)}</style><rect fill="#eaeaea"/><text>é</text></svg>';
    const row = measurePlaced('x', svg);
    expect(row).toEqual({ name: 'x', bytes: Buffer.byteLength(svg), gzip: gzipSync(svg).length, unthemed: ['#eaeaea'] });
    expect(row.bytes).toBe(svg.length + 1);
  });
});
