// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { fileURLToPath } from 'node:url';
import { SITE_DESCRIPTION, SITE_TITLE, EDIT_BASE_URL, REPO_URL, SEARCH_RANKING, SEARCH_SECTION_WEIGHTS } from './src/site/constants.ts';
import { deployTarget } from './src/site/deploy-env.ts';
import { buildSidebar, directorySidebar } from './src/site/sidebar.ts';
import { DEFAULT_DOCS_DIR, docsDirectory } from './src/site/docs-dir.ts';
import { rehypeGlossaryLinks } from './src/site/rehype-glossary-links.ts';
import { rehypeBaseLinks } from './src/site/rehype-base-links.ts';
import { linkCheck } from './src/site/link-check-integration.ts';
import { contentSecurityPolicyHeaders } from './src/site/csp-integration.ts';
import { codeBlockAssetsInHead } from './src/site/code-block-assets-integration.ts';
import { mermaidDiagrams } from './src/integration/mermaid.ts';
import { searchAnswers } from './src/search/integration.ts';

const { site, base } = deployTarget(process.env);
const docsFolder = docsDirectory(process.env);
const docsDir = fileURLToPath(new URL(`./${docsFolder}/`, import.meta.url));

export default defineConfig({
  site,
  base,
  trailingSlash: 'ignore',
  vite: {
    // On content pages, inline <style> blocks come in the order of the names of the server chunks
    // holding them, and rolldown names a shared chunk after whichever module comes last in it.
    // Naming the diagram figure's chunk keeps its stylesheet's place independent of which modules
    // happen to share that chunk.
    environments: {
      prerender: {
        build: { rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'MermaidFigure', test: /\/src\/components\/diagram\/MermaidFigure\.astro/ }] } } } },
      },
    },
  },
  markdown: {
    // The unified (remark/rehype) pipeline, which @astrojs/mdx also uses for our .mdx pages.
    processor: unified({
      // Glossary links first: they are root-relative, and rehypeBaseLinks adds the base to them.
      rehypePlugins: [[rehypeGlossaryLinks, { docsDir }], [rehypeBaseLinks, { base }]],
    }),
  },
  integrations: [
    starlight({
      title: SITE_TITLE,
      description: SITE_DESCRIPTION,
      // Pages live in docs/; Starlight must still run its Markdown plugins (asides, heading anchors) on them.
      markdown: { processedDirs: [`./${docsFolder}/`] },
      sidebar: docsFolder === DEFAULT_DOCS_DIR ? buildSidebar(docsDir) : directorySidebar(docsDir),
      // Edit and GitHub links point at the repository this build comes from (src/site/repository.ts).
      editLink: { baseUrl: EDIT_BASE_URL },
      lastUpdated: true,
      pagefind: { ranking: { ...SEARCH_RANKING } },
      social: [{ icon: 'github', label: 'Source on GitHub', href: REPO_URL }],
      routeMiddleware: './src/site/route-data.ts',
      components: {
        MarkdownContent: './src/components/overrides/MarkdownContent.astro',
      },
      customCss: ['./src/styles/site.css'],
      // Code block options (wrapping, line counts) live in ec.config.mjs, shared with <Code>.
    }),
    mdx(),
    // Code blocks' stylesheet and script in <head>, not the body where Expressive Code puts them.
    codeBlockAssetsInHead(),
    // Search that answers questions: drops question words, falls back to fewer words, weighs
    // reference pages below guide pages; the search dialog loads it instead of Pagefind's module.
    searchAnswers({ sectionFilter: SEARCH_SECTION_WEIGHTS.sectionFilter, demotedSections: { ...SEARCH_SECTION_WEIGHTS.demotedSections } }),
    // Build-time Mermaid: remark plugin on the unified processor + up-front render (issue 4),
    // which also fails the build on a broken cluster definition in diagrams/.
    mermaidDiagrams({ docsDir: docsFolder }),
    // Last, so they see the finished dist/.
    linkCheck({ docsDir }),
    contentSecurityPolicyHeaders(),
  ],
});
