import type { ClusterInput } from './types';

/**
 * Declares a cluster in a `diagrams/*.ts` file. It returns its argument unchanged: the point is
 * the type, so the editor completes and checks every field while you write.
 *
 * @example
 * export default defineCluster({ name: 'my-cluster', title: '...', ... });
 */
export function defineCluster(input: ClusterInput): ClusterInput {
  return input;
}
