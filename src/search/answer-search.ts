/**
 * Search that answers questions, on top of Pagefind's JavaScript API.
 *
 * Pagefind looks for pages holding every word of the query ("AND"), ignoring only words that occur
 * nowhere on the site (Pagefind issue #329, maintainer's comment: "If one of the two words isn't found
 * anywhere in the search index, then that word will be ignored"). A question such as "why is dns slow
 * in my pod" therefore finds nothing: "why", "is" and "my" occur on the site, but no page holds all
 * seven words. So, in this order:
 *  1. drop the words of a question that name no topic (`STOP_WORDS`) and search for the rest;
 *  2. if fewer than `ENOUGH_RESULTS` pages hold all of them, list those first, then search each word
 *     alone and add the pages that hold more of the words first (all but one, then all but two, ...
 *     then any one word), by summed score;
 *  3. in both cases weigh pages of demoted sections (the reference pages, which mention every term)
 *     by a factor below 1, so the guide page that explains a term ranks above them.
 *
 * The site's search box and the relevance tests both run this through the same module: the build
 * writes it, types stripped, as `search/pagefind.js` next to Pagefind's bundle (src/search/integration.ts),
 * and Starlight's Pagefind UI imports that module instead of `pagefind/pagefind.js`. It therefore
 * imports nothing and uses only syntax that type stripping can erase.
 */

/** The parts of a Pagefind search result this module reads or changes. */
export interface PagefindResultLike {
  id: string;
  score: number;
}

/** The parts of Pagefind's `search()` response this module reads or builds. */
export interface PagefindResponseLike<R extends PagefindResultLike = PagefindResultLike> {
  results: R[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

/** Pagefind's `search` and `preload` (pagefind.js exports). A `null` term is a filter-only search. */
export interface PagefindLike<R extends PagefindResultLike = PagefindResultLike> {
  search(term: string | null, options?: Record<string, unknown>): Promise<PagefindResponseLike<R>>;
  preload(term: string, options?: Record<string, unknown>): Promise<unknown>;
}

/** What the site decides: which sections weigh less, by how much. */
export interface AnswerSettings {
  /** Pagefind filter name that holds a page's sidebar section (MarkdownContent override). */
  sectionFilter: string;
  /** Section label -> factor its pages' scores are multiplied by (0 < factor <= 1). */
  demotedSections: Record<string, number>;
}

/**
 * Words that carry the question, not its topic. Kept short on purpose: only words that are on many
 * pages for no topical reason. Words that can be a topic in this guide ("not", "no", "host", "default",
 * "external", "name") are deliberately absent.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // question words and auxiliaries
  'why', 'how', 'what', 'whats', "what's", 'when', 'where', 'which', 'who', 'whom', 'whose',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'isnt', "isn't", 'arent', "aren't",
  'do', 'does', 'did', 'doing', 'done', 'dont', "don't", 'doesnt', "doesn't", 'didnt', "didn't",
  'can', 'cant', "can't", 'cannot', 'could', 'should', 'would', 'will', 'wont', "won't", 'shall', 'may', 'might', 'must',
  'has', 'have', 'had', 'having', 'get', 'gets', 'got', 'getting',
  // pronouns and determiners
  'i', 'im', "i'm", 'me', 'my', 'mine', 'we', 'our', 'us', 'you', 'your', 'it', 'its', "it's", 'they', 'them', 'their',
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'there', 'here', 'some', 'any', 'each', 'every',
  // prepositions and conjunctions
  'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'into', 'onto', 'about', 'as', 'than',
  'and', 'or', 'but', 'if', 'so', 'then', 'also', 'just', 'really', 'actually', 'still', 'even',
  // words of asking
  'please', 'explain', 'mean', 'means', 'meaning', 'happen', 'happens', 'work', 'works', 'working',
]);

/**
 * Below this many pages holding every word, the pages holding fewer of the words are listed after
 * them: the number of results Pagefind's UI shows at first (its `pageSize` default, 5).
 */
export const ENOUGH_RESULTS = 5;

/** Leading and trailing punctuation a typed question carries around its words ("ndots?", "(pod)"). */
const EDGE_PUNCTUATION = /^[\s"'“”‘’(¿¡[{]+|[\s"'“”‘’)?!.,;:\]}]+$/g;

/**
 * The words of `query` worth searching for, in order, without duplicates: question words dropped,
 * edge punctuation trimmed ("ndots?" -> "ndots"; "flannel.1", "ndots:5" and "10.96.0.10" keep
 * their inner dots and colons), a possessive "'s" removed. If every word is a stop word ("what is
 * it"), the trimmed words themselves, so a query never comes back empty for want of words.
 */
export function queryTerms(query: string): string[] {
  const words = query
    .split(/\s+/)
    .map((word) => word.replace(EDGE_PUNCTUATION, '').replace(/['’]s$/i, ''))
    .filter((word) => word.length > 0);
  const topical = words.filter((word) => !STOP_WORDS.has(word.toLowerCase().replace(/’/g, "'")));
  const chosen = topical.length > 0 ? topical : words;
  const seen = new Set<string>();
  return chosen.filter((word) => {
    const key = word.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The query Pagefind gets first: the topical words, space-separated ("" for a blank query). */
export function topicalQuery(query: string): string {
  return queryTerms(query).join(' ');
}

/**
 * Pages that hold the most of the words first, then by the sum of their per-word scores. `perTerm[i]`
 * lists the results of searching for word `i` alone; the result object kept for a page is the one
 * from its first matching word (Pagefind ties a result's `data()` to that object, so it is reused,
 * not copied), with its score set to the sum.
 */
export function rankByWordsMatched<R extends PagefindResultLike>(perTerm: ReadonlyArray<readonly R[]>): R[] {
  const pages = new Map<string, { result: R; words: number; score: number; firstSeen: number }>();
  let order = 0;
  for (const results of perTerm) {
    for (const result of results) {
      const page = pages.get(result.id);
      if (page) {
        page.words += 1;
        page.score += result.score;
      } else {
        pages.set(result.id, { result, words: 1, score: result.score, firstSeen: order++ });
      }
    }
  }
  return [...pages.values()]
    .sort((a, b) => b.words - a.words || b.score - a.score || a.firstSeen - b.firstSeen)
    .map((page) => {
      page.result.score = page.score;
      return page.result;
    });
}

/**
 * Multiplies the score of each page in `factorById` by its factor, then sorts by score (stable, so
 * equal scores keep Pagefind's order). Changes the result objects in place and returns them sorted.
 */
export function demote<R extends PagefindResultLike>(results: R[], factorById: ReadonlyMap<string, number>): R[] {
  for (const result of results) result.score *= factorById.get(result.id) ?? 1;
  return results.map((result, index) => ({ result, index })).sort((a, b) => b.result.score - a.result.score || a.index - b.index).map(({ result }) => result);
}

/**
 * Like `demote`, for results already ranked by words matched: demotion reorders only among pages
 * that hold the same number of words, so a reference page holding every word still beats a guide
 * page holding one.
 */
function demoteWithinGroups<R extends PagefindResultLike>(results: R[], wordsById: ReadonlyMap<string, number>, factorById: ReadonlyMap<string, number>): R[] {
  for (const result of results) result.score *= factorById.get(result.id) ?? 1;
  return results
    .map((result, index) => ({ result, index, words: wordsById.get(result.id) ?? 0 }))
    .sort((a, b) => b.words - a.words || b.result.score - a.result.score || a.index - b.index)
    .map(({ result }) => result);
}

/**
 * Page id -> factor, for every page of a demoted section (filter-only searches, one per section). A
 * page may name several sections (a filter can have several values): the smallest factor applies.
 */
export async function demotionFactors(pagefind: PagefindLike, settings: AnswerSettings): Promise<Map<string, number>> {
  const factors = new Map<string, number>();
  for (const [section, factor] of Object.entries(settings.demotedSections)) {
    const { results } = await pagefind.search(null, { filters: { [settings.sectionFilter]: section } });
    for (const result of results) factors.set(result.id, Math.min(factor, factors.get(result.id) ?? factor));
  }
  return factors;
}

/** The widest per-word response: its filter counts are the closest to the merged results'. */
function widest<R extends PagefindResultLike>(responses: ReadonlyArray<PagefindResponseLike<R>>): PagefindResponseLike<R> {
  return responses.reduce((best, response) => (response.unfilteredResultCount > best.unfilteredResultCount ? response : best));
}

const factorsByPagefind = new WeakMap<object, Promise<Map<string, number>>>();

/** `demotionFactors`, asked once per Pagefind instance (the section of a page does not change). */
function cachedDemotionFactors(pagefind: PagefindLike, settings: AnswerSettings): Promise<Map<string, number>> {
  let factors = factorsByPagefind.get(pagefind);
  if (!factors) {
    factors = demotionFactors(pagefind, settings).catch(() => new Map<string, number>());
    factorsByPagefind.set(pagefind, factors);
  }
  return factors;
}

/**
 * Pagefind's `search(term, options)`, answering questions: see the file comment for the steps.
 * Returns a response shaped like Pagefind's, so Pagefind's own UI can show it.
 */
export async function answerSearch<R extends PagefindResultLike>(
  pagefind: PagefindLike<R>,
  query: string,
  options: Record<string, unknown> | undefined,
  settings: AnswerSettings,
): Promise<PagefindResponseLike<R>> {
  const terms = queryTerms(query);
  const factors = await cachedDemotionFactors(pagefind, settings);
  const all = await pagefind.search(terms.length > 0 ? terms.join(' ') : query, options);
  const exact = demote(all.results, factors);
  if (exact.length >= ENOUGH_RESULTS || terms.length < 2) return { ...all, results: exact };
  // Too few pages hold every word: list them first, then the pages holding fewer of the words.
  const perTerm = await Promise.all(terms.map((term) => pagefind.search(term, options)));
  const wordsById = new Map<string, number>();
  for (const response of perTerm) for (const result of response.results) wordsById.set(result.id, (wordsById.get(result.id) ?? 0) + 1);
  const listed = new Set(exact.map((result) => result.id));
  const fewer = rankByWordsMatched(perTerm.map((response) => response.results.filter((result) => !listed.has(result.id))));
  const results = [...exact, ...demoteWithinGroups(fewer, wordsById, factors)];
  const { filters, totalFilters } = exact.length > 0 ? all : widest(perTerm);
  return { ...all, results, unfilteredResultCount: results.length, filters, totalFilters };
}

/** Pagefind's `preload(term, options)` for the words `answerSearch` will search for first. */
export function answerPreload(pagefind: PagefindLike, query: string, options?: Record<string, unknown>): Promise<unknown> {
  return pagefind.preload(topicalQuery(query) || query, options);
}
