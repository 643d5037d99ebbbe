/**
 * Runs Mermaid's own parser in headless Chromium (mermaid.parse needs a DOM for DOMPurify).
 * Loads node_modules/mermaid/dist/mermaid.min.js from disk: no network.
 * Starting takes seconds (over 10 s on a busy machine): call `start()` in a `beforeAll` with
 * its own timeout, e.g. `beforeAll(async () => { ... }, 60_000)`, and share one parser per file.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const MERMAID_JS = path.join(path.dirname(require.resolve('mermaid/package.json')), 'dist/mermaid.min.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** What Mermaid made of one source. */
export interface ParseOutcome {
  ok: boolean;
  diagramType?: string;
  error?: string;
}

/** A browser page with Mermaid loaded. */
export class MermaidParser {
  private constructor(private readonly browser: Browser, private readonly page: Page) {}

  static async start(): Promise<MermaidParser> {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: MERMAID_JS });
    await page.evaluate(() => (globalThis as any).mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }));
    return new MermaidParser(browser, page);
  }

  /** Parses with `mermaid.parse`; never throws, reports the parser's error instead. */
  async parse(text: string): Promise<ParseOutcome> {
    return this.page.evaluate(async (source) => {
      try {
        const result = await (globalThis as any).mermaid.parse(source);
        return { ok: true, diagramType: result?.diagramType as string };
      } catch (error) {
        return { ok: false, error: String((error as Error)?.message ?? error) };
      }
    }, text);
  }

  /** Renders to SVG and returns the text content of every label, to see what a reader sees. */
  async renderedText(text: string): Promise<{ svg: string; labels: string[] }> {
    return this.page.evaluate(async (source) => {
      const { svg } = await (globalThis as any).mermaid.render(`d${Math.random().toString(36).slice(2)}`, source);
      const holder = document.createElement('div');
      holder.innerHTML = svg;
      const labels = [...holder.querySelectorAll('.nodeLabel, .edgeLabel, .cluster-label')].map((el) => el.textContent ?? '');
      return { svg, labels };
    }, text);
  }

  async stop(): Promise<void> {
    await this.browser.close();
  }
}
