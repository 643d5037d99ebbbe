/** Astro integration: fail the build when a built page links to something that does not exist. */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { findDeadLinks, formatDeadLinks } from './link-check.ts';

export function linkCheck(): AstroIntegration {
  let base = '/';
  return {
    name: 'k8s-networking-concepts:link-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const dead = findDeadLinks(fileURLToPath(dir), base);
        if (dead.length > 0) {
          throw new Error(`${dead.length} dead internal link(s) in the built site:\n${formatDeadLinks(dead)}`);
        }
        logger.info('every internal link and anchor resolves');
      },
    },
  };
}
