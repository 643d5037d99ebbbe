/**
 * Validated example clusters for view tests, loaded from the real `diagrams/` files through the
 * registry, so the tests check what pages show.
 */
import path from 'node:path';
import { loadClusterRegistry } from '../../../src/model/load.ts';
import type { ClusterRegistry } from '../../../src/model/registry.ts';
import type { Cluster } from '../../../src/model/types.ts';

export const ROOT = path.resolve(import.meta.dirname, '../../..');

let registry: Promise<ClusterRegistry> | undefined;

/** The registry of `diagrams/`, loaded once per test file. */
export function exampleRegistry(): Promise<ClusterRegistry> {
  return (registry ??= loadClusterRegistry(ROOT));
}

/** The validated cluster `diagrams/<id>.ts`; throws with the diagnostics if any definition is broken. */
export async function exampleCluster(id: string): Promise<Cluster> {
  return (await exampleRegistry()).get(id);
}
