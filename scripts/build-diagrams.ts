/**
 * `npm run diagrams [-- --check | --watch]`: validate every `diagrams/*.ts` and write
 * `.generated/diagrams/`. Exits non-zero when any definition has an error.
 */
import { formatDiagnostic } from '../src/model/diagnostics';
import { buildDiagrams, type BuildResult } from '../src/mermaid/build';
import { watchDiagrams } from '../src/mermaid/watch';

const args = new Set(process.argv.slice(2));
const root = process.cwd();

function report(result: BuildResult, check: boolean): void {
  for (const d of result.diagnostics) (d.severity === 'error' ? console.error : console.warn)(formatDiagnostic(d));
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const clusters = new Set(result.manifest.diagrams.map((d) => d.cluster)).size;
  const verb = check ? 'checked' : `wrote ${result.manifest.diagrams.length} diagrams for`;
  console.log(`diagrams: ${verb} ${clusters} valid cluster(s)${errors ? `, ${errors} error(s)` : ''}`);
}

const unknown = [...args].filter((a) => a !== '--check' && a !== '--watch');
if (unknown.length) {
  console.error(`unknown option(s): ${unknown.join(' ')}\nusage: npm run diagrams [-- --check | --watch]`);
  process.exit(2);
}

if (args.has('--watch')) {
  await watchDiagrams({ root, onBuild: (result) => report(result, false) });
  console.log('diagrams: watching diagrams/ (Ctrl-C to stop)');
} else {
  const check = args.has('--check');
  const result = await buildDiagrams({ root, check });
  report(result, check);
  process.exitCode = result.ok ? 0 : 1;
}
