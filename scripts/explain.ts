/**
 * `npm run explain -- cluster.json [more files] [--out DIR] [--no-diagrams]`: the "Your cluster"
 * report for kubectl output, in a terminal. Without --out the Markdown goes to stdout; with it,
 * DIR/README.md plus DIR/topology.svg and DIR/services.svg when Chromium is available (said in
 * the report when not). Exit codes: 0 imported cleanly, 1 the import or the model found errors
 * (printed to stderr, located as `items[12].spec.clusterIP: ...`), 2 usage or unreadable file.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { clusterViews, explain } from '../src/explain/explain.ts';
import { explanationMarkdown, type DiagramFiles } from '../src/explain/markdown.ts';
import type { ImportSource } from '../src/import/index.ts';
import type { Cluster } from '../src/model/types.ts';

const USAGE = 'usage: npm run explain -- FILE [FILE...] [--out DIR] [--no-diagrams]';

/** Renders the views with the site's renderer (src/render); a note instead when that fails. */
async function renderDiagrams(cluster: Cluster, dir: string): Promise<DiagramFiles> {
  try {
    const { DiagramRenderer } = await import('../src/render/index.ts');
    const { loadThemeTokens, standaloneSvg } = await import('../src/render/standalone-svg.ts');
    const renderer = new DiagramRenderer();
    const theme = loadThemeTokens();
    const files: Record<string, string> = {};
    try {
      for (const view of clusterViews(cluster)) {
        const rendered = await renderer.render({ source: view.mermaid });
        const file = `${view.view}.svg`;
        // Self-contained: the file carries its own light and dark colours (no page defines --mmd-*).
        const svg = standaloneSvg(rendered, { idPrefix: `explain-${view.view}`, title: view.title, description: view.description }, theme);
        writeFileSync(join(dir, file), svg);
        files[view.view] = file;
      }
    } finally {
      await renderer.close();
    }
    return { files };
  } catch (error) {
    return { note: `The diagrams were not drawn (${(error as Error).message.split('\n')[0]}); their Mermaid source is given instead.` };
  }
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' }, 'no-diagrams': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (parsed.positionals.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const sources: ImportSource[] = [];
  for (const file of parsed.positionals) {
    try {
      sources.push({ name: basename(file), text: readFileSync(file, 'utf8') });
    } catch (error) {
      process.stderr.write(`${file}: ${(error as Error).message}\n`);
      return 2;
    }
  }
  // One file: paths read `items[12]...` as on the page; several: each prefixed with its name.
  const explanation = explain(sources.length === 1 ? sources[0]!.text : sources);
  const { messages, cluster } = explanation;
  for (const line of [...messages.errors, ...messages.invalid]) process.stderr.write(`error: ${line}\n`);
  const out = parsed.values.out;
  let diagrams: DiagramFiles = { note: 'The diagrams are given as Mermaid source (no --out directory to write SVG files to).' };
  if (out) mkdirSync(out, { recursive: true });
  if (cluster && out && !parsed.values['no-diagrams']) diagrams = await renderDiagrams(cluster, out);
  else if (parsed.values['no-diagrams']) diagrams = { note: 'The diagrams are given as Mermaid source (--no-diagrams).' };
  const markdown = explanationMarkdown(explanation, diagrams, `Your cluster: ${parsed.positionals.map((f) => basename(f)).join(', ')}`);
  if (out) {
    writeFileSync(join(out, 'README.md'), `${markdown}\n`);
    process.stderr.write(`wrote ${join(out, 'README.md')}${'files' in diagrams ? ` and ${Object.values(diagrams.files).join(', ')}` : ''}\n`);
  } else process.stdout.write(`${markdown}\n`);
  return messages.errors.length + messages.invalid.length > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
