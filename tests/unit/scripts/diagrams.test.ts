import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/clusters/definitions');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const SCRIPT = path.join(ROOT, 'scripts/diagrams.ts');
const run = promisify(execFile);
const temps: string[] = [];
afterAll(async () => Promise.all(temps.map((t) => rm(t, { recursive: true, force: true }))));

/** A throwaway root with the fixture `file` as its only definition. */
async function rootWith(file: string): Promise<{ root: string; text: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'diagrams-cli-'));
  temps.push(root);
  await mkdir(path.join(root, 'diagrams'));
  await symlink(path.join(ROOT, 'src'), path.join(root, 'src'));
  await symlink(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'));
  await writeFile(path.join(root, 'package.json'), '{"type":"module"}');
  const text = (await readFile(path.join(FIXTURES, file), 'utf8')).replace('../../../../src/model', '../src/model');
  await writeFile(path.join(root, 'diagrams', file), text);
  return { root, text };
}

function failure(promise: Promise<unknown>): Promise<{ code: number; stdout: string; stderr: string } | undefined> {
  return promise.then(
    () => undefined,
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('npm run diagrams (scripts/diagrams.ts)', () => {
  it('--check exits 1 with file, path and hint for a broken definition, 0 once fixed', async () => {
    const { root, text } = await rootWith('broken-cluster.ts');
    const broken = await failure(run(TSX, [SCRIPT, '--check'], { cwd: root }));
    expect(broken?.code).toBe(1);
    expect(broken?.stderr).toContain(
      "diagrams/broken-cluster.ts: nodes[1].pods[0].ip: 10.244.9.2 is outside node-2's podCIDR 10.244.1.0/24 (hint: a pod gets its IP from the podCIDR of the node it runs on",
    );
    expect(broken?.stderr).toContain('diagrams: 3 error(s) in 1 definition(s); 0 valid cluster(s)');
    await writeFile(
      path.join(root, 'diagrams/broken-cluster.ts'),
      text.replace("'10.244.9.2'", "'10.244.1.2'").replace("'10.96.0.10'", "'10.96.0.20'").replace('nodePort: 8080', 'nodePort: 30080'),
    );
    const fixed = await run(TSX, [SCRIPT, '--check'], { cwd: root });
    expect(fixed.stdout).toContain('diagrams: checked 1 valid cluster(s)');
    expect(fixed.stderr).toContain('services[1].selector: warning: selector app=api matches no pod');
  });

  it('lists every view, prints one view\'s Mermaid, and rejects unknown views and options', async () => {
    const { root } = await rootWith('good-cluster.ts');
    const list = await run(TSX, [SCRIPT], { cwd: root });
    expect(list.stdout).toMatch(/^good-cluster\/topology {2}Good cluster: topology\ngood-cluster\/services {2}Good cluster: Services and kube-proxy\n/);
    expect(list.stdout).toContain('diagrams: 1 valid cluster(s), 2 views');
    const view = await run(TSX, [SCRIPT, 'good-cluster/services'], { cwd: root });
    expect(view.stdout).toMatch(/^flowchart LR\n[\s\S]*\n$/);
    const unknown = await failure(run(TSX, [SCRIPT, 'good-cluster/routes'], { cwd: root }));
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining('no view good-cluster/routes; views: good-cluster/topology, good-cluster/services') });
    expect(await failure(run(TSX, [SCRIPT, '--watch'], { cwd: root }))).toMatchObject({ code: 2, stderr: expect.stringContaining('usage: npm run diagrams') });
  });
});
