/**
 * One headless Chromium for a whole build, with a few pages that each hold a loaded Mermaid and
 * take diagrams from a shared queue. Mermaid serialises renders within a page, so parallelism
 * comes from pages; a handful is enough on a 2-core machine.
 *
 * Mermaid is loaded as its ES module build, not the 5.5 MB all-in-one `mermaid.min.js`: the
 * module imports the code of a diagram type (and the ELK layout) only when a diagram needs it,
 * about 2.6 MB for this site's flowcharts and sequence diagrams, which halves the time a page
 * takes to become ready. Modules need URLs, so the page lives on a made-up origin whose every
 * request is answered from `node_modules/mermaid/dist` by a route handler; any other request is
 * aborted, so rendering still never touches the network.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, normalize, sep } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { MEASURE_FONT_ALIAS, MEASURE_FONT_LOCAL_SOURCES, mermaidConfig } from './config.ts';
import { PAGE_SCRIPT, pageHtml } from './page-script.ts';

/** Absolute path of Mermaid's browser ES module entry, resolved from the project root. */
export function mermaidBundlePath(root: string = process.cwd()): string {
  const require = createRequire(join(root, 'package.json'));
  return join(dirname(require.resolve('mermaid/package.json')), 'dist', 'mermaid.esm.min.mjs');
}

/** The render page's origin: `.invalid` never resolves (RFC 2606), every request is routed. */
export const RENDER_ORIGIN = 'http://mermaid.invalid';

/**
 * The file under `dist` a render-page URL asks for, or `undefined` for anything that is not a
 * module below it (another origin, `..`, not `.mjs`).
 */
export function moduleFileFor(url: string, dist: string): string | undefined {
  const parsed = new URL(url);
  if (parsed.origin !== RENDER_ORIGIN || !parsed.pathname.endsWith('.mjs')) return undefined;
  const file = normalize(join(dist, decodeURIComponent(parsed.pathname)));
  return file.startsWith(dist + sep) ? file : undefined;
}

/** With the page this cheap to open (~0.3 s), a second page pays off from a handful of diagrams. */
const JOBS_PER_EXTRA_PAGE = 4;

/**
 * `usedRules[i]` says whether the i-th top-level rule of the SVG's `<style>` matches anything in
 * the drawing (`null` when the browser parsed a different number of rules than the text has).
 */
export type RawRender = { ok: true; svg: string; usedRules: boolean[] | null } | { ok: false; message: string; line: number | null };

interface Job {
  source: string;
  resolve: (result: RawRender) => void;
  reject: (error: unknown) => void;
}

export interface SessionOptions {
  /** Pages rendering at once. */
  concurrency?: number;
  root?: string;
}

export class RenderSession {
  private readonly queue: Job[] = [];
  private readonly idle: Page[] = [];
  private pageCount = 0;
  private opening = 0;
  private closed = false;
  /** Mermaid's module files, read from disk once per session rather than once per page. */
  private readonly files = new Map<string, Promise<Buffer>>();

  private constructor(
    private readonly browser: Browser,
    private readonly bundlePath: string,
    private readonly concurrency: number,
  ) {}

  static async open(options: SessionOptions = {}): Promise<RenderSession> {
    const bundlePath = mermaidBundlePath(options.root);
    const browser = await launchChromium();
    return new RenderSession(browser, bundlePath, Math.max(1, options.concurrency ?? 2));
  }

  /** Renders Mermaid text; Mermaid's errors come back as values, not exceptions. */
  render(source: string): Promise<RawRender> {
    if (this.closed) return Promise.reject(new Error('Render session is closed'));
    return new Promise<RawRender>((resolve, reject) => {
      this.queue.push({ source, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0 && this.idle.length > 0) void this.run(this.idle.pop()!, this.queue.shift()!);
    // Each page costs CPU to load Mermaid's modules (a few renders' worth); on a small machine an
    // extra page only pays off when that much work is waiting for it.
    while (
      this.pageCount < this.concurrency &&
      (this.pageCount === 0 ? this.queue.length > 0 : this.queue.length > JOBS_PER_EXTRA_PAGE * (this.pageCount + this.opening))
    ) {
      this.pageCount += 1;
      this.opening += 1;
      this.newPage().then(
        (page) => {
          this.opening -= 1;
          this.idle.push(page);
          this.pump();
        },
        (error: unknown) => {
          this.opening -= 1;
          for (const job of this.queue.splice(0)) job.reject(error);
        },
      );
    }
  }

  // One diagram per round trip: batches of several measured no faster (the round trip is a few ms
  // against 100+ ms of layout) and leave one page busy with a batch while the other idles at the end.
  private async run(page: Page, job: Job): Promise<void> {
    try {
      const result = await page.evaluate(
        (source) => (window as unknown as { __renderMermaid: (s: string) => Promise<RawRender> }).__renderMermaid(source),
        job.source,
      );
      job.resolve(result);
    } catch (error) {
      job.reject(error);
    } finally {
      this.idle.push(page);
      this.pump();
    }
  }

  private async newPage(): Promise<Page> {
    const context = await this.browser.newContext({ javaScriptEnabled: true });
    const page = await context.newPage();
    const dist = dirname(this.bundlePath);
    const html = pageHtml(MEASURE_FONT_ALIAS, MEASURE_FONT_LOCAL_SOURCES);
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url === `${RENDER_ORIGIN}/`) return route.fulfill({ contentType: 'text/html', body: html });
      const file = moduleFileFor(url, dist);
      if (!file) return route.abort();
      return route.fulfill({ contentType: 'text/javascript', body: await this.moduleFile(file) });
    });
    await page.goto(`${RENDER_ORIGIN}/`);
    await page.addScriptTag({ content: PAGE_SCRIPT });
    await page.evaluate(
      ([entry, config]) => (window as unknown as { __loadMermaid: (url: string, c: unknown) => Promise<void> }).__loadMermaid(entry, config),
      [`${RENDER_ORIGIN}/${this.bundlePath.slice(dist.length + 1)}`, mermaidConfig()] as const,
    );
    return page;
  }

  private moduleFile(file: string): Promise<Buffer> {
    let pending = this.files.get(file);
    if (!pending) {
      pending = readFile(file);
      this.files.set(file, pending);
    }
    return pending;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.browser.close();
  }
}
