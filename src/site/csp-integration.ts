/** Astro integration: after the build, write a hash-based Content-Security-Policy to dist/_headers and to every page's <meta>. */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { writeContentSecurityPolicy } from './csp.ts';

export function contentSecurityPolicyHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'k8s-networking-concepts:csp',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const policy = writeContentSecurityPolicy(fileURLToPath(dir), base);
        const count = (policy.match(/'sha256-/g) ?? []).length;
        logger.info(`Content-Security-Policy with ${count} inline-script hash(es): in _headers and a <meta> on every page`);
      },
    },
  };
}
