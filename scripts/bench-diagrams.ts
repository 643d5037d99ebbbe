/**
 * `npm run bench:diagrams [-- --limit N] [-- --no-mmdc]`: our renderer cold and warm against
 * mermaid-cli on every diagram of the site, with per-diagram SVG size (see bench/diagrams.ts).
 * The report goes to stdout, progress to stderr.
 */
import { benchDiagrams } from '../bench/diagrams.ts';

const log = (message: string): void => void process.stderr.write(`[bench:diagrams] ${message}\n`);

try {
  const limitAt = process.argv.indexOf('--limit');
  const limit = limitAt > 0 ? Number(process.argv[limitAt + 1]) : Infinity;
  if (!(limit >= 1)) throw new Error(`--limit needs a number of diagrams (at least 1), got "${process.argv[limitAt + 1] ?? ''}"`);
  process.stdout.write(await benchDiagrams(process.cwd(), limit, log, { mmdc: !process.argv.includes('--no-mmdc') }));
} catch (error) {
  process.stderr.write(`bench:diagrams: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
