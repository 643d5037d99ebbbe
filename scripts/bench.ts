/**
 * `npm run bench [-- --quick | --skip-build | --scale-only | --no-lighthouse | --workdir <dir> | --help]`
 *
 * Page weight by page type, search cost, Lighthouse on the heaviest pages, full build cold and warm with a reproducibility check,
 * and a scale run on generated sites. Builds run in a temporary copy of the checkout, so your own
 * dist/ and caches are never deleted. Progress goes to stderr, the report to stdout.
 */
import { fileURLToPath } from 'node:url';
import { parseOptions, USAGE } from '../bench/options.ts';
import { runBench } from '../bench/run.ts';
import { launchChromium } from '../src/render/browser.ts';
import { deployTarget } from '../src/site/deploy-env.ts';
import { serveStatic } from '../tests/e2e/support/static-server.ts';

const checkout = fileURLToPath(new URL('..', import.meta.url));

try {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(USAGE);
  } else {
    const { base } = deployTarget(process.env);
    const report = await runBench(checkout, base, options, {
      serve: serveStatic,
      launchBrowser: () => launchChromium(),
      log: (message) => process.stderr.write(`[bench] ${message}\n`),
    });
    process.stdout.write(report);
  }
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
