/**
 * Pasted text -> documents. Accepts what people paste: one JSON value, several JSON values one
 * after another (`kubectl get -o json` run twice), YAML with one or more `---` documents
 * (`kubectl get -o yaml`), a leading UTF-8 byte-order mark. Pure: runs in the browser.
 */
import { parseAllDocuments } from 'yaml';
import { type IssueCollector, type Location } from './issues.ts';

/** One parsed document and where it starts. */
export interface ParsedDocument {
  /** The parsed value (an object for Kubernetes output). */
  value: unknown;
  /** 1-based line of the document's first character in its source. */
  line: number;
}

const BYTE_ORDER_MARK = '\uFEFF';

/** 1-based line of `offset` in `text`. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Splits concatenated JSON values at their top-level ends, tracking strings and escapes so a
 * brace inside a string does not count. Returns each value's text and offset.
 */
export function splitJsonValues(text: string): Array<{ text: string; offset: number }> {
  const values: Array<{ text: string; offset: number }> = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0 && start >= 0) {
        values.push({ text: text.slice(start, i + 1), offset: start });
        start = -1;
      }
    } else if (depth === 0 && !/\s/.test(c ?? '')) {
      // Stray text between values: hand it to JSON.parse so the error names it.
      values.push({ text: text.slice(i, text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i)), offset: i });
      i = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i);
    }
  }
  if (depth > 0 && start >= 0) values.push({ text: text.slice(start), offset: start });
  return values;
}

function parseJson(text: string, where: Location, issues: IssueCollector): ParsedDocument[] {
  // Fast path: one value (what `kubectl get -o json` prints) needs no scan for value boundaries.
  try {
    return [{ value: JSON.parse(text), line: lineAt(text, text.length - text.trimStart().length) }];
  } catch {
    // Several values one after another, or a broken one: split and report each.
  }
  const documents: ParsedDocument[] = [];
  for (const part of splitJsonValues(text)) {
    const line = lineAt(text, part.offset);
    try {
      documents.push({ value: JSON.parse(part.text), line });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      issues.error(where, `the JSON value starting on line ${line} could not be read (${reason}); it was left out`);
    }
  }
  return documents;
}

function parseYaml(text: string, where: Location, issues: IssueCollector): ParsedDocument[] {
  const documents: ParsedDocument[] = [];
  // `uniqueKeys: false`: the API server never repeats a key, and a repeated one should not sink the paste.
  for (const doc of parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false })) {
    // A document after `---` starts at the marker; its content is where a reader looks.
    const line = lineAt(text, doc.contents?.range[0] ?? doc.range[0]);
    if (doc.errors.length > 0) {
      const first = doc.errors[0]!;
      const errorLine = lineAt(text, first.pos[0]);
      issues.error(where, `the YAML document starting on line ${line} could not be read (line ${errorLine}: ${first.message.split('\n')[0]}); it was left out`);
      continue;
    }
    let value: unknown;
    try {
      // maxAliasCount bounds alias expansion ("billion laughs") in untrusted text: toJS throws past it.
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      issues.error(where, `the YAML document starting on line ${line} could not be read (${reason}); it was left out`);
      continue;
    }
    if (value !== null && value !== undefined) documents.push({ value, line });
  }
  return documents;
}

/** Parses one source's text into documents; unreadable parts become errors and are skipped. */
export function parseDocuments(text: string, where: Location, issues: IssueCollector): ParsedDocument[] {
  const body = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  const first = body.trimStart()[0];
  if (first === undefined) {
    issues.error(where, 'the text is empty');
    return [];
  }
  // `kubectl get` without -o prints a table whose header starts with NAME (or NAMESPACE with -A).
  if (/^(NAMESPACE|NAME)\s+\S/.test(body.trimStart())) {
    issues.error(where, 'this is kubectl’s table output, which lacks the objects’ fields; run the same kubectl get with -o json (or -o yaml)');
    return [];
  }
  // JSON is what `-o json` prints; everything else is read as YAML (which also reads JSON-like flow).
  return first === '{' || first === '[' ? parseJson(body, where, issues) : parseYaml(body, where, issues);
}
