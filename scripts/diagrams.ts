/**
 * `npm run diagrams [-- --check | <cluster>/<view>]`: validate every `diagrams/*.ts` with the same
 * registry the site uses (src/model/registry.ts) and print every error and warning with file, path
 * and hint. Then, by default, list every cluster view (what `<ClusterDiagram>` can show); with
 * `--check`, only validate; with `<cluster>/<view>`, print that view's Mermaid text (to paste into
 * a Mermaid editor). Exits 1 when any definition has an error, 2 on a usage error.
 */
import { formatDiagnostic, hasErrors } from '../src/model/diagnostics.ts';
import { loadDefinitions } from '../src/model/load.ts';
import { ClusterRegistry } from '../src/model/registry.ts';
import { registryViews } from '../src/mermaid/views.ts';

const USAGE = 'usage: npm run diagrams [-- --check | <cluster>/<view>]';
const args = process.argv.slice(2);
const check = args.includes('--check');
const wanted = args.filter((a) => a !== '--check');
if (wanted.length > 1 || wanted.some((a) => a.startsWith('-')) || (check && wanted.length > 0)) {
  console.error(`unknown option(s): ${wanted.join(' ')}\n${USAGE}`);
  process.exit(2);
}

const report = await loadDefinitions(process.cwd());
for (const d of report.diagnostics) (d.severity === 'error' ? console.error : console.warn)(formatDiagnostic(d));
if (hasErrors(report.diagnostics)) {
  const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
  console.error(`diagrams: ${errors} error(s) in ${report.files.length} definition(s); ${report.clusters.length} valid cluster(s)`);
  process.exit(1);
}

const views = registryViews(ClusterRegistry.fromReport(report));
if (check) {
  console.log(`diagrams: checked ${report.clusters.length} valid cluster(s)`);
} else if (wanted[0]) {
  const view = views.find((v) => `${v.id}/${v.view}` === wanted[0]);
  if (!view) {
    console.error(`diagrams: no view ${wanted[0]}; views: ${views.map((v) => `${v.id}/${v.view}`).join(', ')}`);
    process.exit(2);
  }
  process.stdout.write(view.mermaid.endsWith('\n') ? view.mermaid : `${view.mermaid}\n`);
} else {
  const width = Math.max(...views.map((v) => v.id.length + v.view.length + 1));
  for (const v of views) console.log(`${`${v.id}/${v.view}`.padEnd(width)}  ${v.title}`);
  console.log(`diagrams: ${report.clusters.length} valid cluster(s), ${views.length} views; print one with npm run diagrams -- <cluster>/<view>`);
}
