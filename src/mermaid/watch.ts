/**
 * Watch mode: rebuild the diagrams when a file in `diagrams/` changes. Node-only.
 */
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { DEFINITIONS_DIR } from '../model/load';
import { buildDiagrams, type BuildResult } from './build';

/** Options of `watchDiagrams`. */
export interface WatchOptions {
  /** Repository root. */
  root: string;
  /** Called after every rebuild (including the first). */
  onBuild: (result: BuildResult) => void;
  /** Quiet period before rebuilding, so an editor's save burst triggers one build. */
  debounceMs?: number;
}

/** Builds once, then again on every change under `diagrams/`; returns a function that stops watching. */
export async function watchDiagrams(options: WatchOptions): Promise<() => void> {
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const rebuild = () => {
    // Builds run one after another; a change during a build queues one more.
    running = running.then(async () => options.onBuild(await buildDiagrams({ root: options.root })));
  };
  rebuild();
  await running;
  const watcher: FSWatcher = watch(path.join(options.root, DEFINITIONS_DIR), (_event, file) => {
    if (file && !String(file).endsWith('.ts')) return;
    clearTimeout(timer);
    timer = setTimeout(rebuild, options.debounceMs ?? 150);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
