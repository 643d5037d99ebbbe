/**
 * Reads the generated diagram contract written by `npm run diagrams` (scripts/build-diagrams.ts):
 * `.generated/diagrams/manifest.json` plus one `.mmd` file per cluster view.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

// One definition of the contract: the types live with the code that writes it.
import type { Manifest, ManifestEntry } from '../../mermaid/build.ts';
export type { Manifest, ManifestEntry } from '../../mermaid/build.ts';

export const GENERATED_DIR = join('.generated', 'diagrams');

export class DiagramManifestError extends Error {
  override readonly name = 'DiagramManifestError';
}

export function generatedDir(root: string = process.cwd()): string {
  return resolve(root, GENERATED_DIR);
}

/** The manifest, or a {@link DiagramManifestError} saying how to produce it. */
export function readManifest(root: string = process.cwd()): Manifest {
  const file = join(generatedDir(root), 'manifest.json');
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DiagramManifestError(
      `Cannot read ${join(GENERATED_DIR, 'manifest.json')} (${(error as Error).message.split('\n')[0]}). ` +
        'Generate the cluster diagrams with `npm run diagrams`.',
    );
  }
  const manifest = parsed as Partial<Manifest>;
  if (manifest.version !== 1 || !Array.isArray(manifest.diagrams)) {
    throw new DiagramManifestError(`${join(GENERATED_DIR, 'manifest.json')}: expected { "version": 1, "diagrams": [...] }`);
  }
  return manifest as Manifest;
}

/** The entry for `cluster`/`view`, or an error listing what exists. */
export function findView(manifest: Manifest, cluster: string, view: string): ManifestEntry {
  const entry = manifest.diagrams.find((d) => d.cluster === cluster && d.view === view);
  if (entry) return entry;
  const clusters = [...new Set(manifest.diagrams.map((d) => d.cluster))].sort();
  if (!clusters.includes(cluster)) {
    throw new DiagramManifestError(
      `Unknown cluster "${cluster}". Clusters defined in diagrams/: ${clusters.join(', ') || '(none)'}. ` +
        'Add diagrams/<name>.ts (npm run new:diagram -- <name>) and run `npm run diagrams`.',
    );
  }
  const views = manifest.diagrams.filter((d) => d.cluster === cluster).map((d) => d.view).sort();
  throw new DiagramManifestError(`Unknown view "${view}" for cluster "${cluster}". Views: ${views.join(', ')}.`);
}

/** The Mermaid text of one entry. */
export function readViewSource(entry: ManifestEntry, root: string = process.cwd()): string {
  const file = join(generatedDir(root), entry.mermaid);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new DiagramManifestError(`${join(GENERATED_DIR, entry.mermaid)} is listed in the manifest but missing. Run \`npm run diagrams\`.`);
  }
}
