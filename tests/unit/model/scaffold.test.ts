import { mkdtemp, readFile, rm, mkdir, writeFile, symlink } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDefinitions } from '../../../src/model/load.ts';
import { diagramNameProblem, scaffoldDefinition } from '../../../src/model/scaffold.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);
const temps: string[] = [];
afterAll(async () => Promise.all(temps.map((t) => rm(t, { recursive: true, force: true }))));

/** A throwaway root with diagrams/ and src/ (linked), so the scaffold's import resolves. */
async function tempRoot(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'new-diagram-'));
  temps.push(root);
  await mkdir(path.join(root, 'diagrams'));
  await symlink(path.join(ROOT, 'src'), path.join(root, 'src'));
  await symlink(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'));
  return root;
}

describe('new:diagram', () => {
  it('validates names', () => {
    expect(diagramNameProblem('my-cluster')).toBeUndefined();
    expect(diagramNameProblem(undefined)).toContain('give a name');
    expect(diagramNameProblem('My_Cluster')).toContain('not a DNS-1123 label');
  });

  it('scaffolds a definition that validates cleanly', async () => {
    const root = await tempRoot();
    await writeFile(path.join(root, 'diagrams/my-cluster.ts'), scaffoldDefinition('my-cluster'));
    const report = await loadDefinitions(root);
    expect(report.diagnostics).toEqual([]);
    expect(report.clusters.map((c) => c.id)).toEqual(['my-cluster']);
    expect(report.clusters[0]?.cluster.name).toBe('my-cluster');
    // The file names the cluster; the scaffold says how a page refers to it.
    expect(scaffoldDefinition('my-cluster')).toContain('<ClusterDiagram cluster="my-cluster" view="topology" />');
  });

  it('the script writes the file, refuses to overwrite it and rejects bad names', async () => {
    const root = await tempRoot();
    const script = path.join(ROOT, 'scripts/new-diagram.ts');
    const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
    await run(tsx, [script, 'fresh'], { cwd: root });
    const text = await readFile(path.join(root, 'diagrams/fresh.ts'), 'utf8');
    expect(text).toBe(scaffoldDefinition('fresh'));
    await writeFile(path.join(root, 'diagrams/fresh.ts'), '// edited\n');
    await expect(run(tsx, [script, 'fresh'], { cwd: root })).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('already exists') });
    expect(await readFile(path.join(root, 'diagrams/fresh.ts'), 'utf8')).toBe('// edited\n');
    await expect(run(tsx, [script, 'Bad Name'], { cwd: root })).rejects.toMatchObject({ code: 2 });
  });
});
