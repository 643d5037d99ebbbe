/**
 * Build-time Mermaid for the site: an Astro integration plus the remark plugin it registers.
 *
 * Integration point, chosen deliberately: our pages are `.mdx`, which @astrojs/mdx compiles with the
 * `markdown.processor` from astro.config (unified, from @astrojs/markdown-remark) — not Satteri,
 * Astro 7's default for `.md`, whose plugin API is different. Starlight's Expressive Code is a
 * *rehype* plugin on that same processor, so a *remark* plugin sees a ```mermaid fence as an mdast
 * `code` node before Expressive Code would turn it into a highlighted code block. We push the plugin
 * onto the processor in `astro:config:setup`, exactly as Starlight and Expressive Code register
 * theirs, so astro.config.mjs only lists the integration.
 *
 * The plugin swaps the `code` node for `<MermaidFigure code=... />`: fenced blocks and generated
 * cluster views then share one component, one renderer, one figure markup and one stylesheet (the
 * component's CSS ships only on pages with a diagram). We do not inline SVG as raw HTML: MDX would
 * run it through rehype-raw and JSX, re-parsing every attribute of a large SVG.
 *
 * Rendering up front: `astro:build:start` loads and validates every cluster definition (the same
 * registry the components use, src/model/registry.ts; any error fails the build here, listing every
 * diagnostic), collects every fence in docs/**\/*.mdx, every view of every cluster and every Gateway
 * attachment view (each with its phone variant), and renders
 * whatever is not cached in one browser session, concurrently, reporting all invalid diagrams at
 * once with page and line. Page rendering then only reads the cache; Mermaid text that components
 * generate while rendering (and everything in `astro dev`) renders on demand through the same
 * shared renderer, which `astro dev` warms at start (browser up, Mermaid loaded) so an edited
 * definition costs one render. `astro:build:done` deletes cache entries the build did not use and closes the
 * browser.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { formatDiagnostic } from '../model/diagnostics.ts';
import { loadClusterRegistry, loadDefinitionFiles } from '../model/load.ts';
import { DEFINITIONS_DIR, type ClusterRegistry } from '../model/registry.ts';
import { registryViews, renderPhoneView, renderViews, viewContext } from '../mermaid/views.ts';
import { gatewayAttachmentView } from '../mermaid/gateway-view.ts';
import { gatewayAttachmentPhoneView } from '../mermaid/gateway-phone-view.ts';
import { closeSharedRenderer, sharedRenderer, type DiagramRequest } from '../render/index.ts';
import { findMermaidFences, parseFenceTitle } from './mermaid-fences.ts';

export interface MermaidIntegrationOptions {
  /** Folder with the MDX pages, relative to the project root. Default `docs`. */
  docsDir?: string;
}

// ---------------------------------------------------------------------------------------------
// The remark plugin

/** The few mdast / mdx-jsx node shapes we touch (the full types live in transitive packages). */
interface Node {
  type: string;
  children?: Node[];
  lang?: string | null;
  meta?: string | null;
  value?: string;
  position?: { start: { line: number } };
  [key: string]: unknown;
}

interface VFileLike {
  path?: string;
}

export interface RemarkMermaidOptions {
  /** Absolute path of MermaidFigure.astro. */
  componentPath: string;
  /** Project root, to print page paths relative to it. */
  root: string;
}

const COMPONENT = '__MermaidFigure';

function attribute(name: string, value: string): Node {
  return { type: 'mdxJsxAttribute', name, value };
}

/** `import __MermaidFigure from '<componentPath>'` as an MDX ESM node with its estree. */
function importNode(componentPath: string): Node {
  const source = JSON.stringify(componentPath);
  return {
    type: 'mdxjsEsm',
    value: `import ${COMPONENT} from ${source};`,
    data: {
      estree: {
        type: 'Program',
        sourceType: 'module',
        body: [
          {
            type: 'ImportDeclaration',
            specifiers: [{ type: 'ImportDefaultSpecifier', local: { type: 'Identifier', name: COMPONENT } }],
            source: { type: 'Literal', value: componentPath, raw: source },
          },
        ],
      },
    },
  };
}

/** Replaces each ```mermaid fence with `<MermaidFigure>`; a `title="..."` meta becomes the caption. */
export function remarkMermaid(options: RemarkMermaidOptions) {
  return (tree: Node, file: VFileLike): void => {
    const page = file.path ? relative(options.root, file.path) : '(unknown page)';
    let replaced = 0;
    const walk = (node: Node): void => {
      const children = node.children;
      if (!children) return;
      children.forEach((child, index) => {
        if (child.type === 'code' && child.lang?.toLowerCase() === 'mermaid') {
          const title = parseFenceTitle(child.meta);
          const fenceLine = child.position?.start.line;
          const attributes = [attribute('code', child.value ?? ''), attribute('sourceFile', page)];
          if (fenceLine !== undefined) attributes.push(attribute('sourceLine', String(fenceLine + 1)));
          if (title !== undefined) attributes.push(attribute('caption', title));
          children[index] = { type: 'mdxJsxFlowElement', name: COMPONENT, attributes, children: [] };
          replaced += 1;
        } else {
          walk(child);
        }
      });
    };
    walk(tree);
    if (replaced > 0) tree.children?.unshift(importNode(options.componentPath));
  };
}

// ---------------------------------------------------------------------------------------------
// Collecting every diagram of the site, for the up-front render

function mdxFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.mdx'))
      .map((name) => join(dir, name))
      .sort();
  } catch {
    return [];
  }
}

/** Every fenced Mermaid block in the pages, with page and line. */
export function collectFenceDiagrams(root: string, docsDir = 'docs'): DiagramRequest[] {
  const requests: DiagramRequest[] = [];
  for (const file of mdxFiles(join(root, docsDir))) {
    const page = relative(root, file);
    for (const fence of findMermaidFences(readFileSync(file, 'utf8'))) {
      requests.push({ source: fence.code, origin: { file: page, line: fence.line } });
    }
  }
  return requests;
}

/**
 * Every view of every cluster in the registry, with its definition file, each followed by its phone
 * variant (a page shows that one too when the view is too wide for a phone; rendering them all up
 * front keeps page rendering on the cache).
 */
export function collectClusterViews(registry: ClusterRegistry): DiagramRequest[] {
  return registryViews(registry).flatMap((view) => [
    { source: view.mermaid, origin: { file: view.file, context: viewContext(view.id, view.view) } },
    { source: view.phoneMermaid, origin: { file: view.file, context: `${viewContext(view.id, view.view)} (phone)` } },
  ]);
}

/**
 * Every Gateway attachment view (accepted and refused routes of each Gateway of each cluster) and
 * its phone variant: what `<GatewayDiagram gateway=...>` draws, so pages find them cached.
 */
export function collectGatewayViews(registry: ClusterRegistry): DiagramRequest[] {
  return registry.entries().flatMap(({ file, cluster }) =>
    (cluster.gatewayApi?.gateways ?? []).flatMap((g) =>
      (['accepted', 'refused'] as const).flatMap((which) => {
        const ref = `${g.namespace}/${g.name}`;
        const context = `Gateway ${ref}, ${which} routes`;
        return [
          { source: gatewayAttachmentView(cluster, ref, which).mermaid, origin: { file, context } },
          { source: gatewayAttachmentPhoneView(cluster, ref, which), origin: { file, context: `${context} (phone)` } },
        ];
      }),
    ),
  );
}

async function prerender(root: string, docsDir: string, logger: AstroIntegrationLogger): Promise<void> {
  const started = Date.now();
  // Throws DefinitionErrors (every diagnostic, file, path and hint) on a broken definition.
  const registry = await loadClusterRegistry(root);
  for (const warning of registry.warnings) logger.warn(formatDiagnostic(warning));
  const requests = [...collectFenceDiagrams(root, docsDir), ...collectClusterViews(registry), ...collectGatewayViews(registry)];
  const renderer = sharedRenderer({ root });
  const result = await renderer.renderAll(requests);
  logger.info(
    `${requests.length} diagrams: ${result.rendered} rendered, ${result.cached} from cache` +
      (result.rendered > 0 ? ` (${Date.now() - started} ms)` : ' (no browser started)'),
  );
}

// ---------------------------------------------------------------------------------------------
// astro dev: an edited definition

/** `diagrams/<name>.ts` relative to `root` when `file` (absolute) is a cluster definition, else undefined. */
export function definitionFileOf(root: string, file: string): string | undefined {
  const rel = relative(root, file).split(sep).join('/');
  return new RegExp(`^${DEFINITIONS_DIR}/[^/]+\\.ts$`).test(rel) && !rel.endsWith('.d.ts') ? rel : undefined;
}

/**
 * Renders the views of one saved definition (and their phone variants) right away, while Vite invalidates modules and the
 * browser reloads: the page's request then finds the render done or in flight (the renderer
 * shares it) instead of starting it. Only that cluster's views: every other view keeps its cache
 * key. A definition with errors renders nothing here; the page shows its diagnostics.
 */
export async function renderEditedDefinition(root: string, file: string): Promise<number> {
  const report = await loadDefinitionFiles(root, [file]);
  if (report.diagnostics.some((d) => d.severity === 'error')) return 0;
  const renderer = sharedRenderer({ root });
  const requests = report.clusters.flatMap(({ id, cluster }) =>
    renderViews(cluster).flatMap((view) => [
      { source: view.mermaid, origin: { file, context: viewContext(id, view.view) } },
      { source: renderPhoneView(cluster, view.view), origin: { file, context: `${viewContext(id, view.view)} (phone)` } },
    ]),
  );
  const result = await renderer.renderAll(requests);
  return result.rendered;
}

// ---------------------------------------------------------------------------------------------
// The integration

interface UnifiedProcessorLike {
  name: string;
  options: { remarkPlugins: unknown[] };
}

function isUnified(processor: unknown): processor is UnifiedProcessorLike {
  const candidate = processor as Partial<UnifiedProcessorLike> | undefined;
  return candidate?.name === 'unified' && Array.isArray(candidate.options?.remarkPlugins);
}

export function mermaidDiagrams(options: MermaidIntegrationOptions = {}): AstroIntegration {
  const docsDir = options.docsDir ?? 'docs';
  let root = process.cwd();
  let buildStarted = 0;
  return {
    name: 'k8s-networking-concepts:mermaid',
    hooks: {
      'astro:config:setup': ({ config }) => {
        root = fileURLToPath(config.root);
        const processor: unknown = config.markdown?.processor;
        if (!isUnified(processor)) {
          throw new Error(
            'Mermaid diagrams need the unified Markdown processor for MDX: set ' +
              "`markdown: { processor: unified() }` (from '@astrojs/markdown-remark') in astro.config.mjs.",
          );
        }
        const componentPath = fileURLToPath(new URL('./src/components/diagram/MermaidFigure.astro', config.root));
        processor.options.remarkPlugins.push([remarkMermaid, { componentPath, root } satisfies RemarkMermaidOptions]);
      },
      'astro:build:start': async ({ logger }) => {
        buildStarted = Date.now();
        await prerender(root, docsDir, logger);
      },
      'astro:build:done': async ({ logger }) => {
        const renderer = sharedRenderer({ root });
        const removed = renderer.cache.pruneOlderThan(buildStarted);
        if (removed.length > 0) logger.info(`pruned ${removed.length} unused diagram(s) from .cache/diagrams`);
        await closeSharedRenderer();
      },
      'astro:server:setup': ({ server, logger }) => {
        server.watcher.on('change', (path: string) => {
          const file = definitionFileOf(root, path);
          if (!file) return;
          const started = Date.now();
          renderEditedDefinition(root, file).then(
            (rendered) => rendered > 0 && logger.info(`${file}: ${rendered} view(s) re-rendered on save (${Date.now() - started} ms)`),
            // The page request renders (and reports) the same diagrams again.
            () => undefined,
          );
        });
      },
      'astro:server:start': ({ logger }) => {
        // Warm, not blocking: the server answers at once; diagrams already cached need no browser.
        const started = Date.now();
        const renderer = sharedRenderer({ root });
        renderer.onRendered = (diagram, ms, origin) =>
          logger.info(`rendered ${origin?.context ?? origin?.file ?? diagram.diagramType} in ${Math.round(ms)} ms`);
        renderer.warm().then(
          () => logger.info(`diagram renderer warm (${Date.now() - started} ms): an edited diagram renders in one step`),
          (error: unknown) => logger.warn(`diagram renderer not warmed: ${error instanceof Error ? error.message : String(error)}`),
        );
      },
      'astro:server:done': async () => {
        await closeSharedRenderer();
      },
    },
  };
}
