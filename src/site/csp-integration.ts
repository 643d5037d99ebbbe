/** Astro integration: after the build, write dist/_headers with a hash-based Content-Security-Policy. */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { writeHeadersFile } from './csp.ts';

export function contentSecurityPolicyHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'k8s-networking-concepts:csp',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const policy = writeHeadersFile(fileURLToPath(dir), base);
        const count = (policy.match(/'sha256-/g) ?? []).length;
        logger.info(`wrote _headers: Content-Security-Policy with ${count} inline-script hash(es)`);
      },
    },
  };
}
