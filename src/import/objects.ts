/**
 * Documents -> API objects. A document is one object, a `List` (`kubectl get a,b -o json`), a
 * typed list (`PodList`, whose items may omit their kind) or a bare JSON array. Each object keeps
 * its location, e.g. `items[12]`, or `documents[1].items[12]` when a source holds several documents.
 */
import { at, type IssueCollector, type Location } from './issues.ts';
import type { ParsedDocument } from './parse.ts';
import { isObject, Reader, type Json } from './read.ts';

/** One API object of the paste. */
export interface ApiObject {
  /** `kind`, e.g. `Pod` (from the list's kind when the item omits it). */
  kind: string;
  /** A reader over the object, located in its source. */
  read: Reader;
}

function listItemKind(listKind: string | undefined): string | undefined {
  return listKind && listKind !== 'List' && listKind.endsWith('List') ? listKind.slice(0, -'List'.length) : undefined;
}

function objectOf(value: Json, location: Location, fallbackKind: string | undefined, issues: IssueCollector): ApiObject | undefined {
  const kind = typeof value.kind === 'string' ? value.kind : fallbackKind;
  if (!kind) {
    issues.error(location, 'an object without `kind` (not a Kubernetes object) was left out');
    return undefined;
  }
  return { kind, read: new Reader(value, location, issues) };
}

/** The API objects of one source's documents, in order. */
export function apiObjects(documents: readonly ParsedDocument[], source: string | undefined, issues: IssueCollector): ApiObject[] {
  const objects: ApiObject[] = [];
  documents.forEach((doc, d) => {
    const base: Location = { ...(source !== undefined ? { source } : {}), path: documents.length > 1 ? `documents[${d}]` : '' };
    const value = doc.value;
    const items = Array.isArray(value) ? value : isObject(value) && Array.isArray(value.items) ? value.items : undefined;
    if (items) {
      const itemKind = isObject(value) ? listItemKind(typeof value.kind === 'string' ? value.kind : undefined) : undefined;
      const prefix = Array.isArray(value) ? '' : 'items';
      items.forEach((item, i) => {
        const where = at(base, `${prefix}[${i}]`);
        if (!isObject(item)) issues.error(where, 'a list item that is not an object was left out');
        else {
          const object = objectOf(item, where, itemKind, issues);
          if (object) objects.push(object);
        }
      });
    } else if (isObject(value)) {
      const object = objectOf(value, base, undefined, issues);
      if (object) objects.push(object);
    } else {
      issues.error(base, `the document on line ${doc.line} is not a Kubernetes object or list; it was left out`);
    }
  });
  return objects;
}
