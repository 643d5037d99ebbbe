/**
 * The registry Astro components use (Vite's import.meta.glob, which Vitest provides too) holds the
 * same validated clusters as the Node loader, so what pages show is what `npm run diagrams --
 * --check` and the build's pre-render validated.
 */
import { describe, expect, it } from 'vitest';
import { clusterRegistry, getCluster } from '../../../src/components/artifacts/cluster-registry.ts';
import { loadClusterRegistry } from '../../../src/model/load.ts';

const ROOT = new URL('../../..', import.meta.url).pathname;

describe('cluster registry for components', () => {
  it('has every diagrams/*.ts, validated: the same clusters as the Node loader', async () => {
    const node = await loadClusterRegistry(ROOT);
    const vite = clusterRegistry();
    expect(vite.ids()).toEqual(node.ids());
    for (const { id, file, cluster } of node.entries()) {
      expect(vite.entry(id).file).toBe(file);
      expect(getCluster(id)).toEqual(cluster);
    }
  });

  it('names the known clusters for an unknown one', () => {
    expect(() => getCluster('no-such-cluster')).toThrow(/Unknown cluster "no-such-cluster": no diagrams\/no-such-cluster\.ts\. Known clusters: bridge-basics, /);
  });

  it('validates once per module load', () => {
    expect(clusterRegistry()).toBe(clusterRegistry());
  });
});
