/**
 * Typed reading of untrusted parsed objects: each reader returns the value when it has the
 * expected type, and otherwise records a located error and returns undefined, so one bad field
 * never sinks the rest of the object.
 */
import { at, type IssueCollector, type Location } from './issues.ts';

/** A parsed JSON/YAML object. */
export type Json = Record<string, unknown>;

/** Whether `value` is a plain object. */
export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** Reads fields of one object, reporting type errors at `location.path` + field. */
export class Reader {
  constructor(
    readonly value: Json,
    readonly location: Location,
    private readonly issues: IssueCollector,
  ) {}

  /** A reader of the object at `field`, or undefined when absent or not an object (reported). */
  object(field: string): Reader | undefined {
    const v = this.value[field];
    if (v === undefined || v === null) return undefined;
    if (!isObject(v)) return this.wrong(field, v, 'an object');
    return new Reader(v, at(this.location, field), this.issues);
  }

  /** Readers of each object in the list at `field` (non-objects reported and skipped). */
  objects(field: string): Reader[] {
    return this.list(field).flatMap((item, i) => {
      const where = at(this.location, `${field}[${i}]`);
      if (isObject(item)) return [new Reader(item, where, this.issues)];
      this.issues.error(where, `expected an object, found ${describe(item)}; it was left out`);
      return [];
    });
  }

  /** The list at `field` ([] when absent; reported when not a list). */
  list(field: string): unknown[] {
    const v = this.value[field];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) return this.wrong(field, v, 'a list') ?? [];
    return v;
  }

  /** The string at `field`. */
  string(field: string): string | undefined {
    const v = this.value[field];
    if (v === undefined || v === null) return undefined;
    return typeof v === 'string' ? v : this.wrong(field, v, 'a string');
  }

  /** The strings of the list at `field` (others reported and skipped). */
  strings(field: string): string[] {
    return this.list(field).flatMap((item, i) => {
      if (typeof item === 'string') return [item];
      this.issues.error(at(this.location, `${field}[${i}]`), `expected a string, found ${describe(item)}; it was left out`);
      return [];
    });
  }

  /** The integer at `field`. */
  integer(field: string): number | undefined {
    const v = this.value[field];
    if (v === undefined || v === null) return undefined;
    return typeof v === 'number' && Number.isInteger(v) ? v : this.wrong(field, v, 'an integer');
  }

  /** An IntOrString field (`targetPort`, NetworkPolicy `port`). */
  intOrString(field: string): number | string | undefined {
    const v = this.value[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    return typeof v === 'number' && Number.isInteger(v) ? v : this.wrong(field, v, 'a port number or name');
  }

  /** The boolean at `field`. */
  boolean(field: string): boolean | undefined {
    const v = this.value[field];
    if (v === undefined || v === null) return undefined;
    return typeof v === 'boolean' ? v : this.wrong(field, v, 'true or false');
  }

  /** A string map (`labels`, `selector`, `matchLabels`); non-string values reported and skipped. */
  stringMap(field: string): Record<string, string> | undefined {
    const map = this.object(field);
    if (!map) return undefined;
    const out: Record<string, string> = {};
    for (const [key, v] of Object.entries(map.value)) {
      // `__proto__` is no valid label key, and assigning it would not store a label.
      if (key === '__proto__') this.issues.error(at(map.location, key), 'the key "__proto__" is not a valid label key; it was left out');
      else if (typeof v === 'string') out[key] = v;
      else this.issues.error(at(map.location, key), `expected a string value, found ${describe(v)}; it was left out`);
    }
    return out;
  }

  /** One of `allowed` at `field`; anything else reported. */
  oneOf<T extends string>(field: string, allowed: readonly T[]): T | undefined {
    const v = this.string(field);
    if (v === undefined) return undefined;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    this.issues.error(at(this.location, field), `${JSON.stringify(v)} is not one of ${allowed.join(', ')}; it was left out`);
    return undefined;
  }

  /** Whether `field` is present (not undefined or null). */
  has(field: string): boolean {
    return this.value[field] !== undefined && this.value[field] !== null;
  }

  /** The location of `field`. */
  at(field: string): Location {
    return at(this.location, field);
  }

  private wrong(field: string, value: unknown, expected: string): undefined {
    this.issues.error(at(this.location, field), `expected ${expected}, found ${describe(value)}; it was left out`);
    return undefined;
  }
}
