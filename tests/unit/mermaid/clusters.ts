/**
 * Resolved example clusters for view tests, loaded from the real `diagrams/` files so the tests
 * check what pages show.
 */
import path from 'node:path';
import { loadDefinition } from '../../../src/model/load';
import type { Cluster } from '../../../src/model/types';

export const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Loads `diagrams/<name>.ts`; throws with the diagnostics if it does not validate. */
export async function exampleCluster(name: string): Promise<Cluster> {
  const loaded = await loadDefinition(ROOT, `diagrams/${name}.ts`);
  if (!loaded.cluster) throw new Error(loaded.diagnostics.map((d) => `${d.path}: ${d.message}`).join('\n'));
  return loaded.cluster;
}
