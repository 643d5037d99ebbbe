import { expect, it } from 'vitest';
import { isSearchResponse } from '../../../bench/search.ts';

it('counts Pagefind’s bundle and the question-answering module as search responses, nothing else', () => {
  expect(isSearchResponse('http://h/pagefind/pagefind.js')).toBe(true);
  expect(isSearchResponse('http://h/docs/pagefind/index/en_1.pf_index')).toBe(true);
  expect(isSearchResponse('http://h/search/pagefind.js')).toBe(true);
  expect(isSearchResponse('http://h/docs/search/pagefind.js')).toBe(true);
  expect(isSearchResponse('http://h/_astro/pagefind-ui.Ck9Bn_n8.js')).toBe(false);
  expect(isSearchResponse('http://h/search/')).toBe(false);
});
