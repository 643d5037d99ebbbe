/**
 * One renderer per process. Astro loads the integration (astro.config.mjs) and the page components
 * (bundled into the prerender chunk) as separate module instances, so a module-level singleton would
 * give each its own browser and its own record of used cache keys. The renderer lives on
 * `globalThis` instead: diagrams pre-rendered by the integration are what the components read, one
 * browser serves both, and pruning at the end of the build sees every key any page used.
 */
import { DiagramRenderer, type RendererOptions } from './renderer.ts';

const KEY = Symbol.for('k8s-networking-concepts.diagram-renderer');

type Holder = { [KEY]?: DiagramRenderer };

export function sharedRenderer(options: RendererOptions = {}): DiagramRenderer {
  const holder = globalThis as Holder;
  holder[KEY] ??= new DiagramRenderer(options);
  return holder[KEY];
}

/** Closes and forgets the shared renderer (end of a build, dev server shutdown). */
export async function closeSharedRenderer(): Promise<void> {
  const holder = globalThis as Holder;
  const renderer = holder[KEY];
  delete holder[KEY];
  await renderer?.close();
}
