/**
 * The diagram build: load every `diagrams/*.ts`, validate, generate each view and write
 * `.generated/diagrams/<cluster>/<view>.mmd` plus `manifest.json`. Node-only. The command-line
 * script and the Astro integration both call `buildDiagrams`.
 *
 * Output is deterministic (sorted, no timestamps) and replaced atomically: the new tree is
 * written to a temporary directory and renamed into place, so readers never see half a build.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hasErrors, type Diagnostic } from '../model/diagnostics';
import { DEFINITIONS_DIR, loadClusters } from '../model/load';
import { renderViews, type ViewName } from './views';

/** Where generated diagrams go, relative to the repository root (git-ignored). */
export const GENERATED_DIAGRAMS_DIR = '.generated/diagrams';

/** One entry of `manifest.json`. */
export interface ManifestEntry {
  /** Cluster name (= file name of the definition). */
  cluster: string;
  /** View name. */
  view: ViewName;
  /** Caption. */
  title: string;
  /** Plain-language description. */
  description: string;
  /** The definition file, relative to the root. */
  source: string;
  /** The Mermaid file, relative to the manifest. */
  mermaid: string;
}

/** `manifest.json`. */
export interface Manifest {
  /** Format version. */
  version: 1;
  /** Every diagram, sorted by cluster then view. */
  diagrams: ManifestEntry[];
}

/** Options of `buildDiagrams`. */
export interface BuildOptions {
  /** Repository root (absolute). */
  root: string;
  /** Validate only; write nothing. */
  check?: boolean;
  /** Definitions directory relative to `root`; defaults to `diagrams`. */
  definitionsDir?: string;
  /** Output directory (absolute or relative to `root`); defaults to `.generated/diagrams`. */
  outDir?: string;
}

/** The outcome of a build. */
export interface BuildResult {
  /** True when no definition had an error. */
  ok: boolean;
  /** Every error and warning. */
  diagnostics: Diagnostic[];
  /** The manifest that was (or, with `check`, would be) written: valid definitions only. */
  manifest: Manifest;
  /** Absolute output directory. */
  outDir: string;
}

/** Serialises the manifest: two-space JSON with a final newline, keys in a fixed order. */
export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Loads, validates and (unless `check`) writes every diagram. Failed definitions get no output. */
export async function buildDiagrams(options: BuildOptions): Promise<BuildResult> {
  const root = path.resolve(options.root);
  const outDir = path.resolve(root, options.outDir ?? GENERATED_DIAGRAMS_DIR);
  const loaded = await loadClusters(root, options.definitionsDir ?? DEFINITIONS_DIR);
  const files: Array<{ file: string; text: string }> = [];
  const entries: ManifestEntry[] = [];
  for (const definition of loaded.definitions) {
    if (!definition.cluster) continue;
    for (const view of renderViews(definition.cluster)) {
      const file = `${view.cluster}/${view.view}.mmd`;
      files.push({ file, text: view.mermaid });
      entries.push({ cluster: view.cluster, view: view.view, title: view.title, description: view.description, source: definition.file, mermaid: file });
    }
  }
  entries.sort((a, b) => (a.cluster === b.cluster ? cmp(a.view, b.view) : cmp(a.cluster, b.cluster)));
  const manifest: Manifest = { version: 1, diagrams: entries };
  if (!options.check) await writeTree(outDir, [...files, { file: 'manifest.json', text: serializeManifest(manifest) }]);
  return { ok: !hasErrors(loaded.diagnostics), diagnostics: loaded.diagnostics, manifest, outDir };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Writes files into a fresh temporary directory, then swaps it in for `outDir`. */
async function writeTree(outDir: string, files: Array<{ file: string; text: string }>): Promise<void> {
  const temp = `${outDir}.tmp-${process.pid}`;
  const old = `${outDir}.old-${process.pid}`;
  await rm(temp, { recursive: true, force: true });
  for (const { file, text } of files) {
    const target = path.join(temp, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text, 'utf8');
  }
  await mkdir(path.dirname(outDir), { recursive: true });
  await rm(old, { recursive: true, force: true });
  try {
    await rename(outDir, old);
  } catch {
    // First build: nothing to move aside.
  }
  await rename(temp, outDir);
  await rm(old, { recursive: true, force: true });
}

/** A generated diagram as pages use it. */
export interface DiagramText {
  /** Caption. */
  title: string;
  /** Plain-language description. */
  description: string;
  /** Mermaid source. */
  mermaid: string;
  /** The definition file it came from. */
  source: string;
}

/** Reads `manifest.json` from a previous build. */
export async function readManifest(root: string): Promise<Manifest> {
  const file = path.join(path.resolve(root), GENERATED_DIAGRAMS_DIR, 'manifest.json');
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Manifest;
  } catch {
    throw new Error(`${path.relative(root, file)} is missing: run \`npm run diagrams\` first`);
  }
}

/**
 * The Mermaid text and description of one generated diagram, for components and pages.
 * Throws a readable error naming the known diagrams when `cluster`/`view` is unknown.
 */
export async function readDiagram(root: string, cluster: string, view: string): Promise<DiagramText> {
  const manifest = await readManifest(root);
  const entry = manifest.diagrams.find((d) => d.cluster === cluster && d.view === view);
  if (!entry) {
    const known = manifest.diagrams.map((d) => `${d.cluster}/${d.view}`).join(', ');
    throw new Error(`no diagram ${cluster}/${view} (known: ${known || 'none'}); add diagrams/${cluster}.ts or fix the name`);
  }
  const mermaid = await readFile(path.join(path.resolve(root), GENERATED_DIAGRAMS_DIR, entry.mermaid), 'utf8');
  return { title: entry.title, description: entry.description, mermaid, source: entry.source };
}
