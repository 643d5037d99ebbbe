/** Astro integration: Expressive Code's stylesheet and script in <head> instead of the body (code-block-assets.ts). */
import type { AstroIntegration } from 'astro';

export function codeBlockAssetsInHead(): AstroIntegration {
  return {
    name: 'k8s-networking-concepts:code-block-assets',
    hooks: {
      'astro:config:setup': ({ addMiddleware }) => {
        addMiddleware({ entrypoint: new URL('./code-block-assets-middleware.ts', import.meta.url), order: 'post' });
      },
    },
  };
}
