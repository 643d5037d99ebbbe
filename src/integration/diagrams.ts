/**
 * Astro integration: builds the diagrams before Astro renders pages, fails `astro build` on any
 * definition error, and in `astro dev` rebuilds when `diagrams/` changes and reloads the page.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { formatDiagnostic } from '../model/diagnostics';
import { DEFINITIONS_DIR } from '../model/load';
import { buildDiagrams, type BuildResult } from '../mermaid/build';

function report(result: BuildResult, logger: AstroIntegrationLogger): void {
  for (const d of result.diagnostics) (d.severity === 'error' ? logger.error : logger.warn).call(logger, formatDiagnostic(d));
  if (result.ok) logger.info(`${result.manifest.diagrams.length} diagrams generated`);
}

/** The integration; add it to `integrations` in astro.config.mjs before anything that reads diagrams. */
export function diagrams(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'k8s-networking-concepts:diagrams',
    hooks: {
      'astro:config:setup': async ({ config, command, logger }) => {
        root = fileURLToPath(config.root);
        const result = await buildDiagrams({ root });
        report(result, logger);
        // In dev a broken definition should not stop the server: the errors are logged and the
        // watcher rebuilds on the next save.
        if (!result.ok && command === 'build') {
          throw new Error(`diagram definitions have errors (see above); run npm run diagrams -- --check`);
        }
      },
      'astro:server:setup': ({ server, logger }) => {
        const dir = path.join(root, DEFINITIONS_DIR);
        server.watcher.add(dir);
        let timer: NodeJS.Timeout | undefined;
        const onChange = (file: string) => {
          if (!file.startsWith(dir + path.sep) || !file.endsWith('.ts')) return;
          clearTimeout(timer);
          timer = setTimeout(async () => {
            report(await buildDiagrams({ root }), logger);
            server.ws.send({ type: 'full-reload', path: '*' });
          }, 100);
        };
        server.watcher.on('add', onChange);
        server.watcher.on('change', onChange);
        server.watcher.on('unlink', onChange);
      },
    },
  };
}

export default diagrams;
