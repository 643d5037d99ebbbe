/**
 * One headless Chromium for a whole build, with a few pages that each hold a loaded Mermaid and
 * take diagrams from a shared queue. Mermaid serialises renders within a page, so parallelism
 * comes from pages; a handful is enough on a 2-core machine.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { MEASURE_FONT_ALIAS, MEASURE_FONT_LOCAL_SOURCES, mermaidConfig, type ThemeName } from './config.ts';
import { PAGE_SCRIPT, pageHtml } from './page-script.ts';

/** Absolute path of the Mermaid browser bundle, resolved from the project root. */
export function mermaidBundlePath(root: string = process.cwd()): string {
  const require = createRequire(join(root, 'package.json'));
  return require.resolve('mermaid/dist/mermaid.min.js');
}

const JOBS_PER_EXTRA_PAGE = 16;

export type RawRender = { ok: true; svg: string } | { ok: false; message: string; line: number | null };

interface Job {
  source: string;
  theme: ThemeName;
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

  /** Renders Mermaid text in one theme; Mermaid's errors come back as values, not exceptions. */
  render(source: string, theme: ThemeName): Promise<RawRender> {
    if (this.closed) return Promise.reject(new Error('Render session is closed'));
    return new Promise<RawRender>((resolve, reject) => {
      this.queue.push({ source, theme, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0 && this.idle.length > 0) void this.run(this.idle.pop()!, this.queue.shift()!);
    // Each page costs ~1.5-2.5 s of CPU to load Mermaid, about twenty renders' worth; on a small
    // machine an extra page only pays off when that much work is waiting for it.
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

  private async run(page: Page, job: Job): Promise<void> {
    try {
      const result = await page.evaluate(
        ([source, config]) => (window as unknown as { __renderMermaid: (s: string, c: unknown) => Promise<RawRender> }).__renderMermaid(source, config),
        [job.source, mermaidConfig(job.theme)] as const,
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
    const context = await this.browser.newContext({ javaScriptEnabled: true, offline: true });
    const page = await context.newPage();
    await page.setContent(pageHtml(MEASURE_FONT_ALIAS, MEASURE_FONT_LOCAL_SOURCES));
    await page.addScriptTag({ path: this.bundlePath });
    await page.addScriptTag({ content: PAGE_SCRIPT });
    return page;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.browser.close();
  }
}
