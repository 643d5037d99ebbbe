import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listDefinitionFiles, loadClusters, loadDefinition } from '../../../src/model/load';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const DIR = 'tests/fixtures/clusters/definitions';

describe('loading definitions', () => {
  it('lists definition files sorted', async () => {
    expect(await listDefinitionFiles(ROOT, DIR)).toEqual([
      `${DIR}/broken-cluster.ts`,
      `${DIR}/good-cluster.ts`,
      `${DIR}/no-default-export.ts`,
      `${DIR}/throws-on-import.ts`,
    ]);
    expect(await listDefinitionFiles(ROOT, 'does-not-exist')).toEqual([]);
  });

  it('resolves a valid definition', async () => {
    const loaded = await loadDefinition(ROOT, `${DIR}/good-cluster.ts`);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.cluster?.nodes.map((n) => n.pods.map((p) => p.node))).toEqual([['node-1'], ['node-2']]);
  });

  it('reports every problem of a broken definition with file, path and hint', async () => {
    const loaded = await loadDefinition(ROOT, `${DIR}/broken-cluster.ts`);
    expect(loaded.cluster).toBeUndefined();
    const file = `${DIR}/broken-cluster.ts`;
    expect(loaded.diagnostics.map((d) => [d.file, d.path, d.severity])).toEqual([
      [file, 'nodes[1].pods[0].ip', 'error'],
      [file, 'services[0].clusterIP', 'error'],
      [file, 'services[1].ports[0].nodePort', 'error'],
      [file, 'services[1].selector', 'warning'],
    ]);
  });

  it('turns a module that throws into a diagnostic', async () => {
    const loaded = await loadDefinition(ROOT, `${DIR}/throws-on-import.ts`);
    expect(loaded.diagnostics).toEqual([expect.objectContaining({ path: '', severity: 'error', message: expect.stringContaining('boom while loading') })]);
  });

  it('asks for a default export', async () => {
    const loaded = await loadDefinition(ROOT, `${DIR}/no-default-export.ts`);
    expect(loaded.diagnostics).toEqual([expect.objectContaining({ message: 'the file has no default export', hint: expect.stringContaining('export default defineCluster') })]);
  });

  it('loads a directory: valid clusters plus every diagnostic', async () => {
    const result = await loadClusters(ROOT, DIR);
    expect(result.clusters.map((c) => c.name)).toEqual(['good-cluster']);
    expect(result.definitions).toHaveLength(4);
    expect(new Set(result.diagnostics.map((d) => d.file)).size).toBe(3);
  });

  it('loads every example in diagrams/ without errors or warnings', async () => {
    const result = await loadClusters(ROOT);
    expect(result.diagnostics).toEqual([]);
    expect(result.clusters.map((c) => c.name)).toEqual(
      expect.arrayContaining(['bridge-basics', 'calico-bgp', 'flannel-host-gw', 'flannel-vxlan', 'services-dns']),
    );
    expect(result.clusters).toHaveLength(result.definitions.length);
  });
});
