/**
 * Import findings, each located in the pasted text: which source (a file name, or none for one
 * paste) and which path inside it, e.g. `items[12].spec.clusterIP`, so a reader finds the object.
 */

/** Where a finding is: the source it came from and the path inside that source's document. */
export interface Location {
  /** The source's name (a file name), when the import read several; omitted for a single paste. */
  source?: string;
  /** Path inside the source, e.g. `items[12].spec.clusterIP` (empty for the whole source). */
  path: string;
}

/** One thing the import could not take as it was. */
export interface ImportIssue extends Location {
  /** What happened, quoting the value. */
  message: string;
}

/** `nodes.json: items[3].spec.podCIDR: ...`; a finding without source or path is just its message. */
export function formatIssue(issue: ImportIssue): string {
  const where = [issue.source, issue.path].filter((part) => part !== undefined && part !== '').join(': ');
  return where ? `${where}: ${issue.message}` : issue.message;
}

/** `base` + `.field`, or `field` at the root. */
export function childPath(base: string, field: string): string {
  if (field.startsWith('[')) return `${base}${field}`;
  return base ? `${base}.${field}` : field;
}

/** The location of `field` under `at`. */
export function at(location: Location, field: string): Location {
  return { ...location, path: childPath(location.path, field) };
}

/**
 * Collects errors (input the import could not read: the object or field was left out) and
 * warnings (input read, but the model cannot express all of it, or an assumption was made).
 */
export class IssueCollector {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];

  /** Records an error at `location`. */
  error(location: Location, message: string): void {
    this.errors.push({ ...location, message });
  }

  /** Records a warning at `location`. */
  warning(location: Location, message: string): void {
    this.warnings.push({ ...location, message });
  }
}
