/**
 * The validated clusters for Astro components: every `diagrams/*.ts`, imported through Vite's
 * module graph (so `astro dev` reloads a page when a definition changes) and validated by the
 * registry (src/model/registry.ts). A definition with errors makes every call throw one error
 * listing all diagnostics: `astro dev` shows it and recovers on the next save.
 */
import { ClusterRegistry, type DefinitionModule } from '../../model/registry.ts';
import type { Cluster } from '../../model/types.ts';

const definitions = import.meta.glob<DefinitionModule>('/diagrams/*.ts', { eager: true });

let registry: ClusterRegistry | undefined;

/** The registry of every `diagrams/*.ts`, validated once per module load; throws `DefinitionErrors`. */
export function clusterRegistry(): ClusterRegistry {
  return (registry ??= ClusterRegistry.fromModules(definitions));
}

/** The validated cluster `diagrams/<id>.ts`; throws naming the known clusters. */
export function getCluster(id: string): Cluster {
  return clusterRegistry().get(id);
}
