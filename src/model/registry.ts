/**
 * The registry of validated clusters: the one place a cluster definition becomes a `Cluster`.
 * It takes the definition modules (file -> module namespace), validates each with
 * `validateCluster`, and either returns every cluster keyed by its file name
 * (`diagrams/flannel-vxlan.ts` -> `flannel-vxlan`) or throws one error listing every diagnostic.
 *
 * Isomorphic: the modules come from Vite's `import.meta.glob` in Astro components
 * (src/components/artifacts/cluster-registry.ts) and from tsx's `tsImport` in Node
 * (`./load.ts`: the build's pre-render and `npm run diagrams`). Same validation either way.
 */
import { formatDiagnostic, hasErrors, type Diagnostic } from './diagnostics.ts';
import type { Cluster } from './types.ts';
import { validateCluster } from './validate.ts';

/** Where definitions live, relative to the repository root. */
export const DEFINITIONS_DIR = 'diagrams';

/** A definition file's module namespace: the cluster definition is its default export. */
export interface DefinitionModule {
  default?: unknown;
}

/** One validated definition. */
export interface RegisteredCluster {
  /** The file name without `.ts`: what pages pass as `cluster="..."`. */
  id: string;
  /** The definition file relative to the root, with `/` separators, e.g. `diagrams/flannel-vxlan.ts`. */
  file: string;
  /** The validated cluster with every default applied. */
  cluster: Cluster;
}

/** The outcome of validating a set of definitions. */
export interface DefinitionReport {
  /** Every definition file looked at, sorted. */
  files: string[];
  /** The clusters of the files without errors, sorted by id. */
  clusters: RegisteredCluster[];
  /** Every error and warning, grouped by file in `files` order. */
  diagnostics: Diagnostic[];
}

/** `diagrams/flannel-vxlan.ts` (or Vite's `/diagrams/flannel-vxlan.ts`) -> `flannel-vxlan`. */
export function definitionId(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.[cm]?[jt]s$/, '');
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Validates every module; never throws. `loadDiagnostics` are problems found before validation
 * (a file that could not be imported), reported in file order with the rest.
 */
export function validateDefinitions(modules: Readonly<Record<string, DefinitionModule>>, loadDiagnostics: readonly Diagnostic[] = []): DefinitionReport {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of loadDiagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  const clusters: RegisteredCluster[] = [];
  for (const [key, module] of Object.entries(modules)) {
    // Vite's glob keys are root-relative with a leading slash; diagnostics name the file without it.
    const file = key.replace(/^\//, '');
    if (module.default === undefined) {
      byFile.set(file, [
        { file, path: '', message: 'the file has no default export', hint: 'end it with `export default defineCluster({ ... })`', severity: 'error' },
      ]);
      continue;
    }
    const result = validateCluster(module.default, { file });
    byFile.set(file, result.diagnostics);
    if (result.cluster) clusters.push({ id: definitionId(file), file, cluster: result.cluster });
  }
  const files = [...byFile.keys()].sort(byCodePoint);
  return {
    files,
    clusters: clusters.sort((a, b) => byCodePoint(a.id, b.id)),
    diagnostics: files.flatMap((file) => byFile.get(file) ?? []),
  };
}

/** Thrown when any definition has an error; the message lists every diagnostic, one per line. */
export class DefinitionErrors extends Error {
  override readonly name = 'DefinitionErrors';

  constructor(readonly diagnostics: readonly Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    super(
      `${errors} error(s) in the cluster definitions:\n` +
        diagnostics.map((d) => `  ${formatDiagnostic(d)}`).join('\n') +
        '\nFix them; `npm run diagrams -- --check` checks every definition.',
    );
  }
}

/** Validated clusters by id. Only `fromReport`/`fromModules` make one, so nothing unvalidated gets in. */
export class ClusterRegistry {
  private readonly byId: ReadonlyMap<string, RegisteredCluster>;

  private constructor(
    private readonly registered: readonly RegisteredCluster[],
    /** Warnings of the valid definitions (errors never get this far). */
    readonly warnings: readonly Diagnostic[],
  ) {
    this.byId = new Map(registered.map((entry) => [entry.id, entry]));
  }

  /** The registry of a report, or {@link DefinitionErrors} when the report has any error. */
  static fromReport(report: DefinitionReport): ClusterRegistry {
    if (hasErrors(report.diagnostics)) throw new DefinitionErrors(report.diagnostics);
    return new ClusterRegistry(report.clusters, report.diagnostics);
  }

  /** Validates `modules` (file -> module) and makes their registry; throws {@link DefinitionErrors}. */
  static fromModules(modules: Readonly<Record<string, DefinitionModule>>): ClusterRegistry {
    return ClusterRegistry.fromReport(validateDefinitions(modules));
  }

  /** Every cluster, sorted by id. */
  entries(): readonly RegisteredCluster[] {
    return this.registered;
  }

  /** Every id, sorted. */
  ids(): string[] {
    return this.registered.map((entry) => entry.id);
  }

  /** The registered definition `id`; throws naming the known ones. */
  entry(id: string): RegisteredCluster {
    const entry = this.byId.get(id);
    if (!entry) {
      throw new Error(
        `Unknown cluster "${id}": no ${DEFINITIONS_DIR}/${id}.ts. Known clusters: ${this.ids().join(', ') || '(none)'}. ` +
          'Add one with `npm run new:diagram -- <name>`.',
      );
    }
    return entry;
  }

  /** The validated cluster `id` (`diagrams/<id>.ts`); throws naming the known ones. */
  get(id: string): Cluster {
    return this.entry(id).cluster;
  }
}
