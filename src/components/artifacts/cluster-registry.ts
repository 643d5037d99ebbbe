/**
 * Loads every `diagrams/*.ts` cluster definition in Astro/Vite and resolves it with
 * `resolveCluster`, so artifact components can take a cluster by name.
 */
import { resolveCluster } from '../../model/index';
import type { Cluster, ClusterInput } from '../../model/types';

const modules = import.meta.glob<{ default: ClusterInput }>('/diagrams/*.ts', { eager: true });

const clusters = new Map<string, Cluster>();
for (const [path, mod] of Object.entries(modules)) {
  const name = path.replace(/^.*\//, '').replace(/\.ts$/, '');
  clusters.set(name, resolveCluster(mod.default, name));
}

/** The names of all clusters, sorted. */
export function clusterNames(): string[] {
  return [...clusters.keys()].sort();
}

/** A resolved cluster by file name (`diagrams/<name>.ts`); throws naming the known clusters. */
export function getCluster(name: string): Cluster {
  const cluster = clusters.get(name);
  if (!cluster) {
    throw new Error(`Unknown cluster "${name}": no diagrams/${name}.ts. Known clusters: ${clusterNames().join(', ') || '(none)'}.`);
  }
  return cluster;
}
