import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDER_ORIGIN, mermaidBundlePath, moduleFileFor } from '../../../src/render/session.ts';

describe('moduleFileFor', () => {
  const dist = '/p/node_modules/mermaid/dist';

  it('maps render-page module URLs to files under dist', () => {
    expect(moduleFileFor(`${RENDER_ORIGIN}/mermaid.esm.min.mjs`, dist)).toBe(join(dist, 'mermaid.esm.min.mjs'));
    expect(moduleFileFor(`${RENDER_ORIGIN}/chunks/mermaid.esm.min/elk-X.mjs`, dist)).toBe(join(dist, 'chunks/mermaid.esm.min/elk-X.mjs'));
  });

  it('refuses other origins, paths outside dist and non-modules', () => {
    expect(moduleFileFor('https://cdn.example/mermaid.esm.min.mjs', dist)).toBeUndefined();
    expect(moduleFileFor(`${RENDER_ORIGIN}/%2F..%2F..%2Fsecret.mjs`, dist)).toBeUndefined();
    expect(moduleFileFor(`${RENDER_ORIGIN}/../package.json`, dist)).toBeUndefined();
    expect(moduleFileFor(`${RENDER_ORIGIN}/mermaid.d.ts`, dist)).toBeUndefined();
  });
});

describe('mermaidBundlePath', () => {
  it('is the ES module entry of the installed Mermaid', () => {
    expect(mermaidBundlePath()).toMatch(/node_modules\/mermaid\/dist\/mermaid\.esm\.min\.mjs$/);
  });
});
