import { expect, it } from 'vitest';
import { DEFAULT_DOCS_DIR, docsDirectory } from '../../../src/site/docs-dir.ts';

it('uses docs/ unless DOCS_DIR names another folder', () => {
  expect(docsDirectory({})).toBe(DEFAULT_DOCS_DIR);
  expect(docsDirectory({ DOCS_DIR: '  ' })).toBe('docs');
  expect(docsDirectory({ DOCS_DIR: 'tests/fixtures/site/' })).toBe('tests/fixtures/site');
});
