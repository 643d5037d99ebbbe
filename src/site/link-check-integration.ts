/** Astro integration: fail the build when a built page links to something that does not exist. */
import type { AstroIntegration } from 'astro';
import { rmSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findDeadLinks, formatDeadLinks, type DeadLink } from './link-check.ts';
import { pageFileForSlug } from './sidebar.ts';

/** The slug a built page came from: `dns/x/index.html` -> `dns/x`, `index.html` -> `index`. */
export function slugOfBuiltPage(page: string): string {
  return page.replace(/\/index\.html$/, '').replace(/\.html$/, '') || 'index';
}

/** Names the source file (docs/...mdx) of each dead link's page, so the author knows what to edit. */
export function withSourceFiles(dead: DeadLink[], docsDir: string, root: string): DeadLink[] {
  return dead.map((d) => {
    const source = pageFileForSlug(docsDir, slugOfBuiltPage(d.page));
    return source ? { ...d, page: `${relative(root, source)} (built as ${d.page})` } : d;
  });
}

export function linkCheck(options: { docsDir: string }): AstroIntegration {
  let base = '/';
  let root = process.cwd();
  return {
    name: 'k8s-networking-concepts:link-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        root = fileURLToPath(config.root);
      },
      'astro:build:done': ({ dir, logger }) => {
        const dead = withSourceFiles(findDeadLinks(fileURLToPath(dir), base), options.docsDir, root);
        if (dead.length > 0) {
          // A site with dead links must not be deployed by accident: leave no output behind.
          rmSync(fileURLToPath(dir), { recursive: true, force: true });
          throw new Error(`${dead.length} dead internal link(s) in the built site:\n${formatDeadLinks(dead)}`);
        }
        logger.info('every internal link and anchor resolves');
      },
    },
  };
}
