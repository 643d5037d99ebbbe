/**
 * Loads `diagrams/*.ts` in Node (tsx's `tsImport`) and hands the modules to the registry
 * (`./registry.ts`), which validates them exactly as it does for Astro components. Node-only;
 * used by the build's up-front pre-render and by `npm run diagrams`.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import type { Diagnostic } from './diagnostics.ts';
import { ClusterRegistry, DEFINITIONS_DIR, validateDefinitions, type DefinitionModule, type DefinitionReport } from './registry.ts';

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

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}

/** The module namespace of one definition file, or the reason it could not be imported. */
async function importDefinition(root: string, file: string): Promise<{ module: DefinitionModule } | { failure: Diagnostic }> {
  let module: Record<string, unknown>;
  try {
    // A fresh module namespace on every call, so a second load in one process sees edits.
    module = (await tsImport(pathToFileURL(path.resolve(root, file)).href, import.meta.url)) as Record<string, unknown>;
  } catch (error) {
    return {
      failure: {
        file,
        path: '',
        message: `the file could not be loaded: ${firstLine(error)}`,
        hint: 'fix the TypeScript error (run `npx tsc --noEmit`) and export default defineCluster({ ... })',
        severity: 'error',
      },
    };
  }
  // A file outside a `"type": "module"` package loads as CommonJS: tsx then puts the ES exports
  // under `default` (next to a `module.exports` key).
  return { module: 'module.exports' in module ? ((module.default ?? {}) as DefinitionModule) : (module as DefinitionModule) };
}

/** Imports and validates every definition under `root/dir`; never throws (a failed import is a diagnostic). */
export async function loadDefinitions(root: string, dir = DEFINITIONS_DIR): Promise<DefinitionReport> {
  return loadDefinitionFiles(root, await listDefinitionFiles(root, dir));
}

/**
 * Imports and validates the given definition files (relative to `root`), e.g. just the one an
 * editor saved; never throws. Each file is validated on its own, so one file gives its own report.
 */
export async function loadDefinitionFiles(root: string, files: readonly string[]): Promise<DefinitionReport> {
  const modules: Record<string, DefinitionModule> = {};
  const failures: Diagnostic[] = [];
  // Sequential on purpose: light on a small machine, and the order of work does not matter.
  for (const file of files) {
    const loaded = await importDefinition(root, file);
    if ('failure' in loaded) failures.push(loaded.failure);
    else modules[file] = loaded.module;
  }
  return validateDefinitions(modules, failures);
}

/** The registry of every definition under `root/dir`; throws `DefinitionErrors` listing every diagnostic. */
export async function loadClusterRegistry(root: string, dir = DEFINITIONS_DIR): Promise<ClusterRegistry> {
  return ClusterRegistry.fromReport(await loadDefinitions(root, dir));
}
