import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listDefinitionFiles, loadClusterRegistry, loadDefinitionFiles, loadDefinitions } from '../../../src/model/load.ts';
import { DefinitionErrors } from '../../../src/model/registry.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const DIR = 'tests/fixtures/clusters/definitions';
const temps: string[] = [];
afterAll(async () => Promise.all(temps.map((t) => rm(t, { recursive: true, force: true }))));

describe('loading definitions in Node', () => {
  it('lists definition files sorted', async () => {
    expect(await listDefinitionFiles(ROOT, DIR)).toEqual([
      `${DIR}/broken-cluster.ts`,
      `${DIR}/good-cluster.ts`,
      `${DIR}/no-default-export.ts`,
      `${DIR}/throws-on-import.ts`,
    ]);
    expect(await listDefinitionFiles(ROOT, 'does-not-exist')).toEqual([]);
  });

  it('imports and validates a directory: valid clusters plus every diagnostic, a failed import included', async () => {
    const report = await loadDefinitions(ROOT, DIR);
    expect(report.files).toHaveLength(4);
    expect(report.clusters.map((c) => c.id)).toEqual(['good-cluster']);
    expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}: ${d.path}`)).toEqual([
      `${DIR}/broken-cluster.ts: nodes[1].pods[0].ip`,
      `${DIR}/broken-cluster.ts: services[0].clusterIP`,
      `${DIR}/broken-cluster.ts: services[1].ports[0].nodePort`,
      `${DIR}/no-default-export.ts: `,
      `${DIR}/throws-on-import.ts: `,
    ]);
    expect(report.diagnostics.find((d) => d.file.endsWith('throws-on-import.ts'))?.message).toContain('boom while loading');
    expect(report.diagnostics.find((d) => d.file.endsWith('no-default-export.ts'))?.message).toBe('the file has no default export');
  });

  it('loads just the files asked for, each with its own diagnostics', async () => {
    const good = await loadDefinitionFiles(ROOT, [`${DIR}/good-cluster.ts`]);
    expect(good.files).toEqual([`${DIR}/good-cluster.ts`]);
    expect(good.clusters.map((c) => c.id)).toEqual(['good-cluster']);
    expect(good.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const broken = await loadDefinitionFiles(ROOT, [`${DIR}/broken-cluster.ts`]);
    expect(broken.clusters).toEqual([]);
    expect(broken.diagnostics.filter((d) => d.severity === 'error').map((d) => d.path)).toEqual(['nodes[1].pods[0].ip', 'services[0].clusterIP', 'services[1].ports[0].nodePort']);
  });

  it('loadClusterRegistry throws every diagnostic for a broken directory', async () => {
    const failure = await loadClusterRegistry(ROOT, DIR).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DefinitionErrors);
    expect((failure as DefinitionErrors).message).toContain(`${DIR}/throws-on-import.ts: the file could not be loaded: boom while loading (hint: `);
    expect((failure as DefinitionErrors).diagnostics).toHaveLength(6);
  });

  it('loads every example in diagrams/ without errors or warnings, one cluster per file', async () => {
    const report = await loadDefinitions(ROOT);
    expect(report.diagnostics).toEqual([]);
    expect(report.clusters.map((c) => c.file)).toEqual(report.files);
    const registry = await loadClusterRegistry(ROOT);
    expect(registry.ids()).toEqual(expect.arrayContaining(['bridge-basics', 'calico-bgp', 'flannel-host-gw', 'flannel-vxlan', 'services-dns']));
    expect(registry.ids()).toEqual(report.files.map((f) => path.basename(f, '.ts')));
  });

  it('loads a definition outside an ES-module package (tsx hands it over as CommonJS)', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'load-cjs-'));
    temps.push(root);
    await mkdir(path.join(root, 'diagrams'));
    await symlink(path.join(ROOT, 'src'), path.join(root, 'src'));
    const text = (await readFile(path.join(ROOT, DIR, 'good-cluster.ts'), 'utf8')).replace('../../../../src/model', '../src/model');
    await writeFile(path.join(root, 'diagrams/good-cluster.ts'), text);
    const registry = await loadClusterRegistry(root);
    expect(registry.get('good-cluster').title).toBe('Good cluster');
  });
});
