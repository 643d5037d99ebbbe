/** Site-wide constants: the one place that names the repository and the site. */
import { originRemoteUrl, sourceRepository } from './repository.ts';

/** The repository assumed when the build knows no better (no GITHUB_REPOSITORY, no GitHub `origin`). */
export const FALLBACK_REPOSITORY = 'k8s-networking-concepts/k8s-networking-concepts';

/**
 * The GitHub repository this build comes from (edit links, the header's GitHub link, the gallery's
 * "Defined in" links): see src/site/repository.ts for the order.
 */
export const REPO_URL = sourceRepository(process.env, originRemoteUrl(), FALLBACK_REPOSITORY).url;

/** Branch that edit links point at. */
export const REPO_BRANCH = 'main';

/** Site title shown in the header and in <title>. */
export const SITE_TITLE = 'Kubernetes Networking Concepts';

/** Default meta description, used when a page has none. */
export const SITE_DESCRIPTION =
  'How Kubernetes networking really works: pod and Service networking, CNI plugins, network policy, Ingress and DNS, with diagrams generated from typed cluster definitions.';

/** Default public URL when `SITE_URL` is not set (used for the sitemap and canonical links). */
export const DEFAULT_SITE_URL = 'https://k8s-networking-concepts.github.io';

/** Base URL for "edit this page" links: the repo's edit view at the branch root. */
export const EDIT_BASE_URL = `${REPO_URL}/edit/${REPO_BRANCH}/`;

/**
 * Pagefind ranking used by the search UI (Starlight's defaults, stated here so the relevance
 * tests rank exactly as readers see): a low term-frequency and page-length weight lets a page
 * whose title, headings or keywords name the term beat a long page that repeats it in passing.
 */
export const SEARCH_RANKING = { termFrequency: 0.1, pageLength: 0.1, termSaturation: 2, termSimilarity: 9 } as const;

/**
 * Section filter value the diagram gallery's per-cluster pages add to their sidebar section: they are
 * short, titled with the terms their cluster shows ("NetworkPolicy", "VXLAN", "kube-proxy") and
 * Pagefind boosts title matches, so they need a much stronger demotion than the other reference pages.
 */
export const GALLERY_CLUSTER_SECTION = 'Diagram gallery';

/**
 * How the search box weighs pages by sidebar section (src/search/answer-search.ts): the reference
 * pages (glossary, cluster-definition reference, gallery) mention nearly every term, so their scores
 * are multiplied by these factors and the guide page that explains a term ranks above them (a page in
 * several sections gets the smallest). The filter name is the one MarkdownContent sets
 * (`data-pagefind-filter="section:..."`).
 */
export const SEARCH_SECTION_WEIGHTS = {
  sectionFilter: 'section',
  demotedSections: { Reference: 0.5, [GALLERY_CLUSTER_SECTION]: 0.02 },
} as const;
