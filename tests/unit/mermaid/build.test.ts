import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDiagrams, readDiagram, readManifest } from '../../../src/mermaid/build';
import { ROOT } from './clusters';

const FIXTURES = 'tests/fixtures/clusters/definitions';
const run = promisify(execFile);
const temps: string[] = [];
afterAll(async () => Promise.all(temps.map((t) => rm(t, { recursive: true, force: true }))));

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'diagrams-build-'));
  temps.push(dir);
  return dir;
}

async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

describe('buildDiagrams', () => {
  it('writes <cluster>/<view>.mmd and a sorted manifest for diagrams/', async () => {
    const outDir = path.join(await tempDir(), 'out');
    const result = await buildDiagrams({ root: ROOT, outDir });
    expect(result.ok).toBe(true);
    const manifest = JSON.parse(await readFile(path.join(outDir, 'manifest.json'), 'utf8'));
    expect(manifest.version).toBe(1);
    const vxlan = manifest.diagrams.find((d: { cluster: string; view: string }) => d.cluster === 'flannel-vxlan' && d.view === 'topology');
    expect(vxlan).toEqual({
      cluster: 'flannel-vxlan',
      view: 'topology',
      title: 'Three nodes with flannel (VXLAN): topology',
      description: expect.stringContaining('node-2 (192.168.1.12, pod CIDR 10.244.1.0/24) runs web-1 (10.244.1.2) and client (10.244.1.3)'),
      source: 'diagrams/flannel-vxlan.ts',
      mermaid: 'flannel-vxlan/topology.mmd',
    });
    const keys = manifest.diagrams.map((d: { cluster: string; view: string }) => `${d.cluster}/${d.view}`);
    expect(keys).toEqual([...keys].sort());
    expect(await listTree(outDir)).toEqual(['manifest.json', ...manifest.diagrams.map((d: { mermaid: string }) => d.mermaid)].sort());
    expect(await readFile(path.join(outDir, 'flannel-vxlan/topology.mmd'), 'utf8')).toMatch(/^flowchart TB\n/);
  });

  it('is byte-identical on a rerun', async () => {
    const outDir = path.join(await tempDir(), 'out');
    await buildDiagrams({ root: ROOT, outDir });
    const first = await Promise.all((await listTree(outDir)).map(async (f) => [f, await readFile(path.join(outDir, f), 'utf8')]));
    await buildDiagrams({ root: ROOT, outDir });
    const second = await Promise.all((await listTree(outDir)).map(async (f) => [f, await readFile(path.join(outDir, f), 'utf8')]));
    expect(second).toEqual(first);
  });

  it('fails on a broken definition, writes nothing for it and removes stale output', async () => {
    const outDir = path.join(await tempDir(), 'out');
    await mkdir(path.join(outDir, 'stale-cluster'), { recursive: true });
    await writeFile(path.join(outDir, 'stale-cluster/topology.mmd'), 'old');
    const result = await buildDiagrams({ root: ROOT, definitionsDir: FIXTURES, outDir });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}: ${d.path}`)).toEqual([
      `${FIXTURES}/broken-cluster.ts: nodes[1].pods[0].ip`,
      `${FIXTURES}/broken-cluster.ts: services[0].clusterIP`,
      `${FIXTURES}/broken-cluster.ts: services[1].ports[0].nodePort`,
      `${FIXTURES}/no-default-export.ts: `,
      `${FIXTURES}/throws-on-import.ts: `,
    ]);
    expect(await listTree(outDir)).toEqual(['good-cluster/services.mmd', 'good-cluster/topology.mmd', 'manifest.json']);
    expect(result.manifest.diagrams.map((d) => d.cluster)).toEqual(['good-cluster', 'good-cluster']);
    expect((await readdir(path.dirname(outDir))).sort()).toEqual(['out']);
  });

  it('--check writes nothing', async () => {
    const outDir = path.join(await tempDir(), 'out');
    const result = await buildDiagrams({ root: ROOT, outDir, check: true });
    expect(result.ok).toBe(true);
    expect(result.manifest.diagrams.length).toBeGreaterThanOrEqual(10);
    await expect(readdir(outDir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('readDiagram gives the Mermaid text and description of one view', async () => {
    const root = await tempDir();
    await mkdir(path.join(root, 'diagrams'));
    await symlink(path.join(ROOT, 'src'), path.join(root, 'src'));
    await writeFile(path.join(root, 'package.json'), '{"type":"module"}');
    await writeFile(path.join(root, 'diagrams/good-cluster.ts'), (await readFile(path.join(ROOT, FIXTURES, 'good-cluster.ts'), 'utf8')).replace('../../../../src/model', '../src/model'));
    await expect(readDiagram(root, 'good-cluster', 'topology')).rejects.toThrow(/run `npm run diagrams` first/);
    await buildDiagrams({ root });
    const diagram = await readDiagram(root, 'good-cluster', 'services');
    expect(diagram.mermaid).toMatch(/^flowchart LR\n/);
    expect(diagram.description).toContain('web (ClusterIP) forwards 10.96.0.20:80/TCP to 10.244.0.2:8080 and 10.244.1.2:8080.');
    expect(diagram.source).toBe('diagrams/good-cluster.ts');
    expect((await readManifest(root)).diagrams).toHaveLength(2);
    await expect(readDiagram(root, 'good-cluster', 'routes')).rejects.toThrow('no diagram good-cluster/routes (known: good-cluster/services, good-cluster/topology)');
  });
});

describe('npm run diagrams (the script)', () => {
  it('exits 1 with file, path and hint for a broken definition, 0 once fixed', async () => {
    const root = await tempDir();
    await mkdir(path.join(root, 'diagrams'));
    await symlink(path.join(ROOT, 'src'), path.join(root, 'src'));
    await symlink(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'));
    await writeFile(path.join(root, 'package.json'), '{"type":"module"}');
    const broken = (await readFile(path.join(ROOT, FIXTURES, 'broken-cluster.ts'), 'utf8')).replace('../../../../src/model', '../src/model');
    await writeFile(path.join(root, 'diagrams/broken-cluster.ts'), broken);
    const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
    const script = path.join(ROOT, 'scripts/build-diagrams.ts');
    const failure = await run(tsx, [script, '--check'], { cwd: root }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain(
      "diagrams/broken-cluster.ts: nodes[1].pods[0].ip: 10.244.9.2 is outside node-2's podCIDR 10.244.1.0/24 (hint: a pod gets its IP from the podCIDR of the node it runs on",
    );
    await writeFile(path.join(root, 'diagrams/broken-cluster.ts'), broken.replace("'10.244.9.2'", "'10.244.1.2'").replace("'10.96.0.10'", "'10.96.0.20'").replace('nodePort: 8080', 'nodePort: 30080'));
    const fixed = await run(tsx, [script], { cwd: root });
    expect(fixed.stdout).toContain('wrote 2 diagrams for 1 valid cluster(s)');
    expect(fixed.stderr).toContain('services[1].selector: warning: selector app=api matches no pod');
  });
});
