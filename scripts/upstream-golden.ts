/**
 * `npm run test:golden [-- --dir <path>]`: run every upstream golden check (`*_golden.mts`) in
 * `../shared/upstream-golden/` (relative to the repository root; CI has it) against this checkout,
 * in name order, print each check's output and its last line as its figure, and exit 1 when any
 * check fails. The checks are read where they are, never copied into the repository. Without that
 * directory (a clone elsewhere) it prints a visible notice and exits 0, so `npm test` still passes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { readVersionSkew } from './golden-version-skew.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const DEFAULT_DIR = '../shared/upstream-golden';
const USAGE = 'usage: npm run test:golden [-- --dir <path>]';

const args = process.argv.slice(2);
if (!(args.length === 0 || (args.length === 2 && args[0] === '--dir'))) {
  console.error(`unknown option(s): ${args.join(' ')}\n${USAGE}`);
  process.exit(2);
}
const shown = args[1] ?? DEFAULT_DIR;
const dir = path.resolve(ROOT, shown);

if (!existsSync(dir) || !statSync(dir).isDirectory()) {
  console.log(`upstream golden checks skipped: ${shown} not found`);
  process.exit(0);
}
const checks = readdirSync(dir).filter((f) => f.endsWith('_golden.mts')).sort();
if (checks.length === 0) {
  console.error(`upstream golden: no *_golden.mts in ${shown}`);
  process.exit(1);
}

const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
const results: Array<{ check: string; ok: boolean; figure: string }> = [];
for (const check of checks) {
  console.log(`\n=== ${check}`);
  // Each check takes the project checkout as its argument (see the checks' README).
  const run = spawnSync(tsx, [path.join(dir, check), ROOT], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(run.stdout ?? '');
  process.stderr.write(run.stderr ?? '');
  const lines = (run.stdout ?? '').trim().split('\n');
  let figure = run.error ? String(run.error) : (lines.at(-1) ?? '');
  let ok = run.status === 0;
  if (run.status === 1) {
    // A failure made only of known upstream version skew passes, and says so (golden-version-skew.ts).
    const skew = readVersionSkew(check, run.stdout ?? '');
    if (skew.unexplained.length === 0 && skew.explained.length > 0) {
      ok = true;
      const reasons = [...new Set(skew.explained.map((e) => e.reason))];
      figure += `; ${skew.explained.length} extra project rule(s) not counted as matches, upstream version skew: ${reasons.join('; ')}`;
    }
  }
  results.push({ check, ok, figure: figure || `exit ${run.status ?? run.signal}` });
}

console.log('\nupstream golden summary:');
for (const r of results) console.log(`  ${r.ok ? 'PASS' : 'FAIL'} ${r.check}: ${r.figure}`);
const failed = results.filter((r) => !r.ok).length;
console.log(`upstream golden: ${results.length - failed}/${results.length} check(s) passed`);
process.exit(failed === 0 ? 0 : 1);
