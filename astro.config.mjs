// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { fileURLToPath } from 'node:url';
import { SITE_DESCRIPTION, SITE_TITLE, EDIT_BASE_URL, REPO_URL } from './src/site/constants.ts';
import { deployTarget } from './src/site/deploy-env.ts';
import { buildSidebar } from './src/site/sidebar.ts';
import { rehypeBaseLinks } from './src/site/rehype-base-links.ts';
import { linkCheck } from './src/site/link-check-integration.ts';

const { site, base } = deployTarget(process.env);
const docsDir = fileURLToPath(new URL('./docs/', import.meta.url));

export default defineConfig({
  site,
  base,
  trailingSlash: 'ignore',
  markdown: {
    // The unified (remark/rehype) pipeline, which @astrojs/mdx also uses for our .mdx pages.
    processor: unified({
      rehypePlugins: [[rehypeBaseLinks, { base }]],
    }),
  },
  integrations: [
    starlight({
      title: SITE_TITLE,
      description: SITE_DESCRIPTION,
      // Pages live in docs/; Starlight must still run its Markdown plugins (asides, heading anchors) on them.
      markdown: { processedDirs: ['./docs/'] },
      sidebar: buildSidebar(docsDir),
      editLink: { baseUrl: EDIT_BASE_URL },
      lastUpdated: true,
      pagefind: true,
      social: [{ icon: 'github', label: 'Source on GitHub', href: REPO_URL }],
      routeMiddleware: './src/site/route-data.ts',
      components: {
        MarkdownContent: './src/components/overrides/MarkdownContent.astro',
      },
      customCss: ['./src/styles/site.css'],
    }),
    mdx(),
    // Last, so it sees the finished dist/.
    linkCheck(),
  ],
});
