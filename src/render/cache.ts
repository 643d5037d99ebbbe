/**
 * Content-addressed disk cache of rendered diagrams in `.cache/diagrams/` (git-ignored).
 *
 * The key hashes everything that changes the output: the Mermaid text, the pinned configuration, the Mermaid version and our post-processing version. A rebuild with no diagram change
 * finds every key and never starts a browser. Every read or write touches the entry's mtime, and
 * `pruneOlderThan(buildStart)` deletes what the build did not touch. The mtime (rather than an
 * in-memory set) also covers lookups made from another module instance, worker or process.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A rendered diagram as stored: one SVG for both themes with placeholder ids, plus what Mermaid parsed. */
export interface RenderedDiagram {
  key: string;
  diagramType: string;
  /** Natural size in CSS pixels. */
  width: number;
  height: number;
  accTitle?: string;
  accDescr?: string;
  /** SVG markup, ids carrying the placeholder token, colours `var(--mmd-*)`. */
  svg: string;
}

export function cacheKey(parts: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

export class DiagramCache {
  constructor(readonly dir: string) {}

  private file(key: string): string {
    return join(this.dir, `${key}.json`);
  }

  get(key: string): RenderedDiagram | undefined {
    try {
      const entry = JSON.parse(readFileSync(this.file(key), 'utf8')) as RenderedDiagram;
      if (entry.key !== key || typeof entry.svg !== 'string') return undefined;
      this.touch(key);
      return entry;
    } catch {
      return undefined;
    }
  }

  set(entry: RenderedDiagram): void {
    mkdirSync(this.dir, { recursive: true });
    // Write then rename, so a concurrent reader (dev server, parallel build) never sees half a file.
    const tmp = `${this.file(entry.key)}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(entry));
    renameSync(tmp, this.file(entry.key));
    this.touch(entry.key);
  }

  private touch(key: string): void {
    const now = new Date();
    try {
      utimesSync(this.file(key), now, now);
    } catch {
      // read-only cache: pruning just keeps more
    }
  }

  /** Deletes entries not read or written since `since` (ms since epoch). Returns the removed keys. */
  pruneOlderThan(since: number): string[] {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return [];
    }
    const removed: string[] = [];
    for (const name of names) {
      const file = join(this.dir, name);
      try {
        // mtime has 1 s resolution on some filesystems: allow for it.
        if (statSync(file).mtimeMs >= since - 1000) continue;
      } catch {
        continue;
      }
      rmSync(file, { force: true });
      removed.push(name.replace(/\.json$/, ''));
    }
    return removed;
  }
}
