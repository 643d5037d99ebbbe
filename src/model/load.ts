/**
 * Loads `diagrams/*.ts` definitions in Node, validates them and returns resolved clusters or
 * every diagnostic. Node-only (file system and dynamic import); the rest of `src/model` is
 * isomorphic.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import type { Diagnostic } from './diagnostics';
import type { Cluster } from './types';
import { validateCluster } from './validate';

/** Where definitions live, relative to the repository root. */
export const DEFINITIONS_DIR = 'diagrams';

/** One loaded definition file. */
export interface LoadedDefinition {
  /** File path relative to the root, with `/` separators, e.g. `diagrams/flannel-vxlan.ts`. */
  file: string;
  /** The resolved cluster, when the file loaded and had no errors. */
  cluster?: Cluster;
  /** Errors and warnings for this file. */
  diagnostics: Diagnostic[];
}

/** The outcome of loading a directory of definitions. */
export interface LoadResult {
  /** Every file, sorted by path. */
  definitions: LoadedDefinition[];
  /** Clusters of the files without errors, sorted by name. */
  clusters: Cluster[];
  /** Every diagnostic of every file. */
  diagnostics: Diagnostic[];
}

/** Lists definition files (`*.ts`, not `*.d.ts`), sorted, relative to `root`. */
export async function listDefinitionFiles(root: string, dir = DEFINITIONS_DIR): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(path.join(root, dir));
  } catch {
    return [];
  }
  return entries
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .sort()
    .map((name) => `${dir}/${name}`);
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}

/**
 * Imports one definition and validates its default export. `tsImport` loads the TypeScript file
 * in a fresh module namespace each call, so watch mode sees edits without a restart.
 */
export async function loadDefinition(root: string, file: string): Promise<LoadedDefinition> {
  const absolute = path.resolve(root, file);
  let module: { default?: unknown };
  try {
    module = (await tsImport(pathToFileURL(absolute).href, import.meta.url)) as { default?: unknown };
  } catch (error) {
    return {
      file,
      diagnostics: [
        {
          file,
          path: '',
          message: `the file could not be loaded: ${errorText(error)}`,
          hint: 'fix the TypeScript error (run `npx tsc --noEmit`) and export default defineCluster({ ... })',
          severity: 'error',
        },
      ],
    };
  }
  // A file outside a `"type": "module"` package loads as CommonJS: its exports arrive nested.
  const nested = module.default as { default?: unknown; name?: unknown } | undefined;
  if (nested && typeof nested === 'object' && 'default' in nested && !('name' in nested)) module = nested;
  if (module.default === undefined) {
    return {
      file,
      diagnostics: [
        { file, path: '', message: 'the file has no default export', hint: 'end it with `export default defineCluster({ ... })`', severity: 'error' },
      ],
    };
  }
  const result = validateCluster(module.default, { file });
  return result.cluster ? { file, cluster: result.cluster, diagnostics: result.diagnostics } : { file, diagnostics: result.diagnostics };
}

/** Loads and validates every definition under `root/dir`. */
export async function loadClusters(root: string, dir = DEFINITIONS_DIR): Promise<LoadResult> {
  const files = await listDefinitionFiles(root, dir);
  const definitions: LoadedDefinition[] = [];
  // Sequential on purpose: stable diagnostic order and light on a small machine.
  for (const file of files) definitions.push(await loadDefinition(root, file));
  const clusters = definitions
    .flatMap((d) => (d.cluster ? [d.cluster] : []))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { definitions, clusters, diagnostics: definitions.flatMap((d) => d.diagnostics) };
}
