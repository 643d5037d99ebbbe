import { describe, expect, it } from 'vitest';
import { answerModuleSource } from '../../../src/search/integration.ts';
import { answerBundlePath } from '../../../src/search/paths.ts';

describe('answerBundlePath', () => {
  it('points Starlight’s Pagefind bundle path at the answering module’s directory', () => {
    expect(answerBundlePath('/pagefind/')).toBe('/search/');
    expect(answerBundlePath('/docs/pagefind/')).toBe('/docs/search/');
    expect(answerBundlePath('/docs/pagefind')).toBe('/docs/search/');
  });
});

describe('answerModuleSource', () => {
  it('re-exports Pagefind and replaces search and preload with the answering ones', async () => {
    const source = answerModuleSource('function answerSearch(p, t, o, s) { return [t, s]; }\nfunction answerPreload(p, t) { return t; }', {
      sectionFilter: 'section',
      demotedSections: { Reference: 0.5 },
    });
    expect(source).toContain("export * from '../pagefind/pagefind.js';");
    // Runs as a module with a stand-in for Pagefind: search and preload are the answering ones.
    const runnable = source.replace(/'\.\.\/pagefind\/pagefind\.js'/g, `'data:text/javascript,export const search = () => "raw"; export const init = () => "init";'`);
    const module = await import(`data:text/javascript,${encodeURIComponent(runnable)}`);
    expect(module.search('q')).toEqual(['q', { sectionFilter: 'section', demotedSections: { Reference: 0.5 } }]);
    expect(module.preload('q')).toBe('q');
    expect(module.init()).toBe('init');
  });
});
