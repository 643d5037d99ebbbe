/**
 * Starlight's search dialog creates `new PagefindUI({ bundlePath: '<base>pagefind/', ... })` from
 * `@pagefind/default-ui` (Starlight, components/Search.astro). The search integration aliases that
 * import to this module, so the same dialog loads the question-answering module
 * (`<base>search/pagefind.js`, see answer-search.ts) in place of `<base>pagefind/pagefind.js`.
 * Everything else (markup, styles, translations, result links) stays Starlight's.
 */
// The package's own entry; the alias only matches the bare specifier, so this is not aliased.
// @ts-expect-error: @pagefind/default-ui ships no types.
import { PagefindUI as DefaultPagefindUI } from '@pagefind/default-ui/npm_dist/mjs/ui-core.mjs';
import { answerBundlePath, PAGEFIND_EXTRA_OPTIONS } from './paths.ts';

type UiOptions = Record<string, unknown> & { bundlePath?: string };

export class PagefindUI extends (DefaultPagefindUI as new (options: UiOptions) => object) {
  constructor(options: UiOptions) {
    super({
      ...options,
      bundlePath: answerBundlePath(options.bundlePath ?? '/pagefind/'),
      ...PAGEFIND_EXTRA_OPTIONS,
    });
  }
}
