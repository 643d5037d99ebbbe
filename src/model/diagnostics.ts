/**
 * Diagnostics: validation findings as data, formatted for people.
 */

/** How serious a finding is: errors fail the build, warnings are printed. */
export type Severity = 'error' | 'warning';

/** One finding about a cluster definition. */
export interface Diagnostic {
  /** The definition file, relative to the repository root, e.g. `diagrams/flannel-vxlan.ts`. */
  file: string;
  /** Path inside the definition, e.g. `nodes[1].pods[0].ip` (empty for the whole file). */
  path: string;
  /** What is wrong, quoting the offending value. */
  message: string;
  /** How to fix it. */
  hint: string;
  /** Whether the finding fails the build. */
  severity: Severity;
}

/** `diagrams/x.ts: nodes[1].pods[0].ip: 10.244.9.2 is outside ... (hint: ...)`; warnings say so. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.path ? `${d.file}: ${d.path}` : d.file;
  const level = d.severity === 'warning' ? 'warning: ' : '';
  return `${where}: ${level}${d.message} (hint: ${d.hint})`;
}

/** Whether any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Collects diagnostics for one file, in the order they were found. */
export class DiagnosticCollector {
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly file: string) {}

  /** Records an error at `path`. */
  error(path: string, message: string, hint: string): void {
    this.diagnostics.push({ file: this.file, path, message, hint, severity: 'error' });
  }

  /** Records a warning at `path`. */
  warning(path: string, message: string, hint: string): void {
    this.diagnostics.push({ file: this.file, path, message, hint, severity: 'warning' });
  }
}
