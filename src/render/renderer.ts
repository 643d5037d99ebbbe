/**
 * Mermaid text -> cached, themed (one render, CSS colours), id-scoped SVG. Starts the browser only when something is missing
 * from the cache, renders concurrently, and reports every invalid diagram at once.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DiagramCache, cacheKey, type RenderedDiagram } from './cache.ts';
import { MEASURE_FONT_LOCAL_SOURCES, RENDERER_VERSION, mermaidConfig } from './config.ts';
import { MermaidSyntaxError, type DiagramOrigin } from './errors.ts';
import { RenderSession } from './session.ts';
import { finishSvg } from './finish-svg.ts';
import { normalizeRoot } from './svg-root.ts';

export { finishSvg, ID_TOKEN } from './finish-svg.ts';

export interface DiagramRequest {
  /** Mermaid text. */
  source: string;
  /** Where it came from, for error messages. */
  origin?: DiagramOrigin;
}

export interface RendererOptions {
  /** Project root: where `node_modules/mermaid` and `.cache/` are. Defaults to the working directory. */
  root?: string;
  /** Defaults to `<root>/.cache/diagrams`. */
  cacheDir?: string;
  /** Pages rendering at once (default 2: one per core on CI runners). */
  concurrency?: number;
}

export interface RenderAllResult {
  rendered: number;
  cached: number;
}

/** Line endings and trailing blanks do not change a diagram, so they do not change its key. */
export function normalizeSource(source: string): string {
  return source.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').trim() + '\n';
}

export function mermaidVersion(root: string = process.cwd()): string {
  const require = createRequire(join(root, 'package.json'));
  const pkg = JSON.parse(readFileSync(require.resolve('mermaid/package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** One diagram of each type the site uses: loads their code (and ELK's) into the render page. */
export const WARM_UP_SOURCES = ['flowchart TB\n  a --> b\n', 'sequenceDiagram\n  A->>B: x\n'];

export class DiagramRenderer {
  readonly cache: DiagramCache;
  private session: Promise<RenderSession> | undefined;
  private readonly inFlight = new Map<string, Promise<RenderedDiagram>>();
  private readonly root: string;
  private readonly concurrency: number;
  private version: string | undefined;
  /** Diagrams rendered (not read from cache) by this renderer. */
  renderedCount = 0;
  /** Told about every diagram rendered (not read from cache), with its wall time; `astro dev` logs it. */
  onRendered: ((diagram: RenderedDiagram, ms: number, origin: DiagramOrigin | undefined) => void) | undefined;

  constructor(options: RendererOptions = {}) {
    this.root = options.root ?? process.cwd();
    this.cache = new DiagramCache(options.cacheDir ?? join(this.root, '.cache', 'diagrams'));
    this.concurrency = options.concurrency ?? 2;
  }

  /** The cache key: source + pinned config + Mermaid version + renderer version. */
  keyFor(source: string): string {
    this.version ??= mermaidVersion(this.root);
    return cacheKey({
      source: normalizeSource(source),
      config: mermaidConfig(),
      fonts: MEASURE_FONT_LOCAL_SOURCES,
      mermaid: this.version,
      renderer: RENDERER_VERSION,
    });
  }

  /** The cached render, if any; never starts a browser. */
  cached(source: string): RenderedDiagram | undefined {
    return this.cache.get(this.keyFor(source));
  }

  /** Returns the cached render or renders it now. Throws {@link MermaidSyntaxError} on bad input. */
  render(request: DiagramRequest): Promise<RenderedDiagram> {
    const key = this.keyFor(request.source);
    const hit = this.cache.get(key);
    if (hit) return Promise.resolve(hit);
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.renderUncached(key, request).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  /**
   * Renders every request that is not cached, concurrently, in one browser session. All invalid
   * diagrams are reported together in one error, each with its file and line.
   */
  async renderAll(requests: readonly DiagramRequest[]): Promise<RenderAllResult> {
    const missing = new Map<string, DiagramRequest>();
    let cached = 0;
    for (const request of requests) {
      const key = this.keyFor(request.source);
      if (missing.has(key)) continue;
      if (this.cache.get(key)) cached += 1;
      else missing.set(key, request);
    }
    const results = await Promise.allSettled([...missing.values()].map((r) => this.render(r)));
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) {
      const message = failures.map((f) => (f instanceof Error ? f.message : String(f))).join('\n\n');
      throw new AggregateError(failures, `${failures.length} Mermaid diagrams failed to render:\n\n${message}`);
    }
    return { rendered: missing.size, cached };
  }

  private async renderUncached(key: string, request: DiagramRequest): Promise<RenderedDiagram> {
    const started = performance.now();
    const session = await this.openSession();
    const source = normalizeSource(request.source);
    const result = await session.render(source);
    if (!result.ok) {
      // Mermaid counts a few lines past the end for "unexpected end of input".
      const lines = source.split('\n').length - 1;
      const line = result.line === null ? undefined : Math.min(result.line, lines);
      throw new MermaidSyntaxError(result.message, line, request.origin);
    }
    const root = normalizeRoot(result.svg);
    const entry: RenderedDiagram = {
      key,
      diagramType: root.diagramType,
      width: root.width,
      height: root.height,
      ...(root.accTitle ? { accTitle: root.accTitle } : {}),
      ...(root.accDescr ? { accDescr: root.accDescr } : {}),
      svg: finishSvg(root.svg, result.usedRules),
    };
    this.cache.set(entry);
    this.renderedCount += 1;
    this.onRendered?.(entry, performance.now() - started, request.origin);
    return entry;
  }

  /**
   * Starts the browser and loads Mermaid with the code for flowcharts (ELK layout included) and
   * sequence diagrams, by rendering two tiny diagrams nobody sees. For `astro dev`: the first
   * edit of a definition then costs one render, not a browser launch plus Mermaid's start-up.
   */
  async warm(): Promise<void> {
    const session = await this.openSession();
    await Promise.all(WARM_UP_SOURCES.map((source) => session.render(source)));
  }

  private openSession(): Promise<RenderSession> {
    this.session ??= RenderSession.open({ root: this.root, concurrency: this.concurrency });
    // A failed launch is not cached: the next call reports the same clear error.
    this.session.catch(() => {
      this.session = undefined;
    });
    return this.session;
  }

  /** True while a browser is running. */
  get browserOpen(): boolean {
    return this.session !== undefined;
  }

  /** Closes the browser if one was started. Safe to call more than once. */
  async close(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    if (session) await (await session.catch(() => undefined))?.close();
  }
}
