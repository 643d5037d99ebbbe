/** Command-line options of `npm run bench` (scripts/bench.ts). */
import type { ScaleSize } from './generate.ts';

export interface BenchOptions {
  /** Measure the existing dist/ (of --workdir, else of the checkout): no builds, no scale run. */
  skipBuild: boolean;
  /** Small scale sizes, for a quick look (the full-site builds still run). */
  quick: boolean;
  /** Only the scale run. */
  scaleOnly: boolean;
  /** Build here instead of a fresh temporary copy of the checkout (its dist/ and caches are deleted). */
  workdir?: string;
  /** Keep the temporary copy after the run (its path is printed). */
  keepWorkdir: boolean;
  /** Scale sizes, from --sizes or the defaults. */
  sizes: ScaleSize[];
  /** Lighthouse on home, the three diagram-heaviest pages and the gallery index and heaviest cluster page (off with --no-lighthouse). */
  lighthouse: boolean;
  /** Stream build output to stderr. */
  verbose: boolean;
  help: boolean;
}

/** 100/300/1000 pages with 30/90/300 fenced diagrams: one diagram per 3⅓ pages, as in the issue. */
export const DEFAULT_SIZES: ScaleSize[] = [
  { pages: 100, diagrams: 30 },
  { pages: 300, diagrams: 90 },
  { pages: 1000, diagrams: 300 },
];

export const QUICK_SIZES: ScaleSize[] = [
  { pages: 20, diagrams: 6 },
  { pages: 60, diagrams: 18 },
];

export const USAGE = `Usage: npm run bench -- [options]

Page weight by page type, search cost, Lighthouse (home, the three pages with the most diagrams,
the diagram gallery's index and its heaviest cluster page), full build cold/warm, reproducibility, and a scale run.
Builds happen in a temporary copy of the checkout, never in your own dist/.

  --skip-build       measure the existing dist/ only (of --workdir, else of this checkout)
  --quick            small scale run (${QUICK_SIZES.map((s) => `${s.pages}p/${s.diagrams}d`).join(', ')})
  --scale-only       only the scale run
  --sizes 100:30,300:90
                     scale sizes as pages:diagrams (default ${DEFAULT_SIZES.map((s) => `${s.pages}:${s.diagrams}`).join(',')})
  --workdir <dir>    build in <dir> (copied from the checkout if it does not exist); its dist/ and caches are deleted
  --keep-workdir     keep the temporary copy after the run
  --no-lighthouse    skip the Lighthouse audits
  --verbose          stream build output to stderr
  --help             this text
`;

/** Parses `100:30,300:90` (pages:diagrams; diagrams default to 30% of pages). */
export function parseSizes(text: string): ScaleSize[] {
  return text.split(',').map((part) => {
    const match = part.trim().match(/^(\d+)(?::(\d+))?$/);
    if (!match) throw new Error(`--sizes: "${part}" is not pages or pages:diagrams (example: 300:90)`);
    const pages = Number(match[1]);
    const diagrams = match[2] === undefined ? Math.round(pages * 0.3) : Number(match[2]);
    if (pages < 1) throw new Error(`--sizes: "${part}" needs at least one page`);
    return { pages, diagrams };
  });
}

export function parseOptions(argv: string[]): BenchOptions {
  const options: BenchOptions = { skipBuild: false, quick: false, scaleOnly: false, keepWorkdir: false, sizes: DEFAULT_SIZES, lighthouse: true, verbose: false, help: false };
  let sizes: ScaleSize[] | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inlineValue] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const next = inlineValue ?? argv[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--skip-build': options.skipBuild = true; break;
      case '--quick': options.quick = true; break;
      case '--scale-only': options.scaleOnly = true; break;
      case '--keep-workdir': options.keepWorkdir = true; break;
      case '--verbose': options.verbose = true; break;
      case '--no-lighthouse': options.lighthouse = false; break;
      case '--help': case '-h': options.help = true; break;
      case '--workdir': options.workdir = value(); break;
      case '--sizes': sizes = parseSizes(value()); break;
      default: throw new Error(`unknown option ${arg}\n\n${USAGE}`);
    }
  }
  if (options.skipBuild && options.scaleOnly) throw new Error('--skip-build and --scale-only exclude each other (the scale run builds)');
  options.sizes = sizes ?? (options.quick ? QUICK_SIZES : DEFAULT_SIZES);
  return options;
}
