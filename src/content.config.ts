import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';
import { docsDirectory } from './site/docs-dir.ts';

/** A primary reference cited by a page, rendered in its "Sources" section. */
const sourceSchema = z.object({
  title: z.string().min(1),
  url: z.url({ protocol: /^https$/ }),
});

export const collections = {
  // Pages live in the top-level docs/ folder so contributors find them at once;
  // files starting with `_` are partials, as in Starlight's own loader.
  docs: defineCollection({
    loader: glob({ pattern: ['**/[^_]*.{md,mdx}'], base: `./${docsDirectory(process.env)}` }),
    schema: docsSchema({
      extend: z.object({
        description: z.string().min(20, 'every page needs a description (it becomes the meta description)'),
        sources: z.array(sourceSchema).default([]),
        // Words a reader may search for that should lead here (other spellings, terminal tokens).
        keywords: z.array(z.string().min(1)).default([]),
        // Heading of the one-page sidebar group a top-level page forms, when not its title
        // (src/site/sidebar.ts derives the sidebar; astro.config reads this before the collection loads).
        sidebarGroup: z.string().trim().min(1).optional(),
      }),
    }),
  }),
};
