/**
 * Reads kubectl fixtures for the import tests: the real dumps in `../shared/fixtures/kubectl/`
 * (outside the repository, so a clone elsewhere skips them with a notice) and our own in
 * `tests/fixtures/kubectl/`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportSource } from '../../../src/import/index.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The shared real dumps, relative to the repository root as the project documents them. */
export const SHARED_FIXTURES = path.resolve(ROOT, '../shared/fixtures/kubectl');
/** Our own hand-written fixtures. */
export const OWN_FIXTURES = path.resolve(ROOT, 'tests/fixtures/kubectl');

/** Whether the shared dumps are present; prints a visible notice when they are not. */
export function sharedFixturesPresent(): boolean {
  const present = existsSync(path.join(SHARED_FIXTURES, 'SOURCES.md'));
  if (!present) console.warn(`NOTICE: ${SHARED_FIXTURES} is absent; the import tests on real kubectl dumps are skipped.`);
  return present;
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : [full];
    });
}

/** Every JSON/YAML file of a fixture set (or the one file named), as import sources named relative to the set. */
export function fixtureSources(base: string, set: string, only?: string): ImportSource[] {
  const dir = path.join(base, set);
  return walk(dir)
    .filter((file) => /\.(json|ya?ml)$/.test(file) && (!only || path.basename(file) === only))
    .map((file) => ({ name: path.relative(dir, file), text: readFileSync(file, 'utf8') }));
}

/** The text of one fixture file. */
export function fixtureText(base: string, file: string): string {
  return readFileSync(path.join(base, file), 'utf8');
}
