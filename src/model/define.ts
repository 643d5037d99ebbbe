import type { ClusterInput } from './types.ts';

/**
 * Declares a cluster in a `diagrams/*.ts` file. It returns its argument unchanged: the point is
 * the type, so the editor completes and checks every field while you write.
 *
 * The file's name is the cluster's: `diagrams/my-cluster.ts` is the cluster `my-cluster`.
 *
 * @example
 * export default defineCluster({ title: '...', description: '...', network: { ... }, ... });
 */
export function defineCluster(input: ClusterInput): ClusterInput {
  return input;
}
