import { describe, expect, it } from 'vitest';
import {
  ENOUGH_RESULTS,
  answerPreload,
  answerSearch,
  demote,
  demotionFactors,
  queryTerms,
  rankByWordsMatched,
  topicalQuery,
  type AnswerSettings,
  type PagefindLike,
  type PagefindResponseLike,
} from '../../../src/search/answer-search.ts';

interface FakeResult {
  id: string;
  score: number;
  data: () => Promise<string>;
}

/**
 * A Pagefind stand-in with Pagefind's matching rule: a page matches when it holds every word of the
 * query that occurs somewhere on the site (words found nowhere are ignored). Score = sum of counts.
 */
function fakePagefind(pages: Record<string, { words: string; section?: string | string[] }>) {
  const calls: Array<string | null> = [];
  const preloads: string[] = [];
  const vocabulary = new Set(Object.values(pages).flatMap((p) => p.words.split(' ')));
  const api: PagefindLike<FakeResult> = {
    async search(term, options) {
      calls.push(term);
      const filters = (options?.filters ?? {}) as Record<string, string>;
      const wanted = term === null ? [] : term.toLowerCase().split(/\s+/).filter((w) => vocabulary.has(w));
      const results: FakeResult[] = [];
      for (const [id, page] of Object.entries(pages)) {
        if (filters.section && ![page.section].flat().includes(filters.section)) continue;
        const words = page.words.split(' ');
        if (term !== null && (wanted.length === 0 || !wanted.every((w) => words.includes(w)))) continue;
        const score = term === null ? 1 : wanted.reduce((sum, w) => sum + words.filter((x) => x === w).length, 0);
        results.push({ id, score, data: async () => id });
      }
      results.sort((a, b) => b.score - a.score);
      const response: PagefindResponseLike<FakeResult> = { results, unfilteredResultCount: results.length, filters: { section: { n: results.length } }, totalFilters: {} };
      return response;
    },
    async preload(term) {
      preloads.push(term);
    },
  };
  return { api, calls, preloads };
}

const SETTINGS: AnswerSettings = { sectionFilter: 'section', demotedSections: { Reference: 0.5 } };

describe('queryTerms', () => {
  it('drops question words and keeps the topic', () => {
    expect(queryTerms('why is dns slow in my pod')).toEqual(['dns', 'slow', 'pod']);
    expect(queryTerms('How does a pod reach a Service?')).toEqual(['pod', 'reach', 'Service']);
  });

  it('trims edge punctuation but keeps dots and colons inside terms', () => {
    expect(queryTerms('what is ndots:5?')).toEqual(['ndots:5']);
    expect(queryTerms('(flannel.1) and 10.96.0.10.')).toEqual(['flannel.1', '10.96.0.10']);
    expect(queryTerms('what does /etc/cni/net.d hold')).toEqual(['/etc/cni/net.d', 'hold']);
  });

  it("removes a possessive 's and repeated words", () => {
    expect(queryTerms("my pod's dns and the pod")).toEqual(['pod', 'dns']);
  });

  it('treats curly apostrophes like straight ones', () => {
    expect(queryTerms('why can’t my pod resolve names')).toEqual(['pod', 'resolve', 'names']);
  });

  it('keeps the words when every word is a stop word, and returns nothing for a blank query', () => {
    expect(queryTerms('what is it')).toEqual(['what', 'is', 'it']);
    expect(queryTerms('   ')).toEqual([]);
  });

  it('leaves a term query as typed', () => {
    expect(topicalQuery('KUBE-SVC')).toBe('KUBE-SVC');
    expect(topicalQuery('NodeLocal DNSCache')).toBe('NodeLocal DNSCache');
  });
});

describe('rankByWordsMatched', () => {
  it('ranks pages holding more words first, then by summed score, and reuses the result objects', () => {
    const a1 = { id: 'a', score: 1 };
    const b1 = { id: 'b', score: 9 };
    const a2 = { id: 'a', score: 2 };
    const c2 = { id: 'c', score: 5 };
    const ranked = rankByWordsMatched([[b1, a1], [c2, a2]]);
    expect(ranked.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(ranked[0]).toBe(a1);
    expect(ranked[0]!.score).toBe(3);
  });
});

describe('demote', () => {
  it('multiplies the scores of demoted pages and re-sorts, keeping order on ties', () => {
    const results = [
      { id: 'ref', score: 9 },
      { id: 'guide', score: 6 },
      { id: 'other', score: 5 },
      { id: 'same', score: 5 },
    ];
    const sorted = demote(results, new Map([['ref', 0.5]]));
    expect(sorted.map((r) => r.id)).toEqual(['guide', 'other', 'same', 'ref']);
    expect(sorted[3]!.score).toBe(4.5);
  });
});

describe('demotionFactors', () => {
  it('maps every page of a demoted section to its factor', async () => {
    const { api } = fakePagefind({ g: { words: 'x', section: 'Reference' }, p: { words: 'x', section: 'DNS' } });
    expect([...(await demotionFactors(api, SETTINGS))]).toEqual([['g', 0.5]]);
  });

  it('gives a page in several demoted sections the smallest factor, whatever their order', async () => {
    const { api } = fakePagefind({ c: { words: 'x', section: ['Reference', 'Gallery'] }, g: { words: 'x', section: 'Reference' } });
    for (const demotedSections of [{ Reference: 0.5, Gallery: 0.02 }, { Gallery: 0.02, Reference: 0.5 }]) {
      const factors = await demotionFactors(api, { sectionFilter: 'section', demotedSections });
      expect(Object.fromEntries(factors)).toEqual({ c: 0.02, g: 0.5 });
    }
  });
});

describe('answerSearch', () => {
  const site = {
    debugging: { words: 'dns slow latency latency ndots pod', section: 'DNS' },
    service: { words: 'service pod dns dns kube-proxy', section: 'Services' },
    glossary: { words: 'dns dns dns pod service kube-proxy ndots slow', section: 'Reference' },
    other: { words: 'why is my iptables', section: 'Intro' },
  };

  it('lists the pages holding every topical word first, then the pages holding fewer', async () => {
    const { api, calls } = fakePagefind(site);
    const answer = await answerSearch(api, 'why is dns slow in my pod', { filters: {} }, SETTINGS);
    expect(calls).toContain('dns slow pod');
    // debugging (3) beats glossary (5 x 0.5 = 2.5): the reference page is demoted. service holds
    // dns and pod but not slow, so it comes after both.
    expect(answer.results.map((r) => r.id)).toEqual(['debugging', 'glossary', 'service']);
    expect(answer.unfilteredResultCount).toBe(3);
  });

  it(`returns Pagefind's own results, demoted, when ${ENOUGH_RESULTS} or more pages hold every word`, async () => {
    const many = Object.fromEntries(Array.from({ length: ENOUGH_RESULTS }, (_, i) => [`p${i}`, { words: 'dns pod '.repeat(i + 1).trim(), section: i === ENOUGH_RESULTS - 1 ? 'Reference' : 'DNS' }]));
    const { api, calls } = fakePagefind({ ...many, lone: { words: 'dns' } });
    const answer = await answerSearch(api, 'how does dns reach a pod', undefined, SETTINGS);
    expect(calls.filter((c) => c !== null)).toEqual(['dns reach pod']);
    expect(answer.results.map((r) => r.id)).toEqual(['p3', 'p2', 'p4', 'p1', 'p0']);
  });

  it('falls back to pages holding fewer of the words when no page holds all of them', async () => {
    const { api } = fakePagefind(site);
    const answer = await answerSearch(api, 'how does kube-proxy make dns latency', { filters: {} }, SETTINGS);
    // No page holds kube-proxy, dns and latency together; each of these pages holds two of the three
    // ("make" occurs nowhere). Summed scores: service 1 + 2, debugging 1 + 2, glossary (1 + 3) x 0.5.
    expect(answer.results.map((r) => r.id)).toEqual(['service', 'debugging', 'glossary']);
    expect(answer.results.map((r) => r.score)).toEqual([3, 3, 2]);
    expect(answer.unfilteredResultCount).toBe(3);
    expect(await answer.results[1]!.data()).toBe('debugging');
  });

  it('keeps a demoted page that holds more words above a guide page that holds fewer', async () => {
    const { api } = fakePagefind(site);
    // glossary holds kube-proxy and ndots; each other page holds one of the three words.
    const answer = await answerSearch(api, 'kube-proxy ndots iptables', undefined, SETTINGS);
    expect(answer.results[0]!.id).toBe('glossary');
    expect(answer.results.map((r) => r.id).sort()).toEqual(['debugging', 'glossary', 'other', 'service']);
  });

  it('returns no results when no word matches anything', async () => {
    const { api } = fakePagefind(site);
    const answer = await answerSearch(api, 'zebra unicorn', undefined, SETTINGS);
    expect(answer.results).toEqual([]);
  });

  it('asks for the demoted sections once per Pagefind instance', async () => {
    const { api, calls } = fakePagefind(site);
    await answerSearch(api, 'dns', undefined, SETTINGS);
    await answerSearch(api, 'pod', undefined, SETTINGS);
    expect(calls.filter((c) => c === null)).toHaveLength(1);
  });
});

describe('answerPreload', () => {
  it('preloads the topical words, not the question words', async () => {
    const { api, preloads } = fakePagefind({});
    await answerPreload(api, 'why is dns slow in my pod');
    await answerPreload(api, 'what is it');
    expect(preloads).toEqual(['dns slow pod', 'what is it']);
  });
});
