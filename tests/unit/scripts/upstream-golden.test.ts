import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const SCRIPT = path.join(ROOT, 'scripts/upstream-golden.ts');
const run = promisify(execFile);
const temps: string[] = [];
afterAll(async () => Promise.all(temps.map((t) => rm(t, { recursive: true, force: true }))));

/** A directory of fake golden checks: name -> exit code (each prints its argument and a figure). */
async function checksDir(checks: Record<string, number>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'golden-'));
  temps.push(dir);
  for (const [name, code] of Object.entries(checks)) {
    await writeFile(path.join(dir, name), `console.log('checkout ' + process.argv[2]);\nconsole.log('${name}: figure ${code}');\nprocess.exit(${code});\n`);
  }
  return dir;
}

async function golden(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(TSX, [SCRIPT, ...args], { cwd: ROOT });
    return { code: 0, stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string };
    return { code: err.code, stdout: err.stdout };
  }
}

describe('scripts/upstream-golden.ts', () => {
  it('skips with a visible notice and exit 0 when the directory is absent', async () => {
    const r = await golden('--dir', '../no-such-dir/upstream-golden');
    expect(r).toEqual({ code: 0, stdout: 'upstream golden checks skipped: ../no-such-dir/upstream-golden not found\n' });
  });
  it('runs every *_golden.mts in name order against this checkout and passes when all pass', async () => {
    const dir = await checksDir({ 'b_golden.mts': 0, 'a_golden.mts': 0, 'helper.mts': 1 });
    const r = await golden('--dir', dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`checkout ${ROOT}`);
    expect(r.stdout).not.toContain('helper.mts');
    expect(r.stdout.indexOf('=== a_golden.mts')).toBeLessThan(r.stdout.indexOf('=== b_golden.mts'));
    expect(r.stdout).toContain('  PASS a_golden.mts: a_golden.mts: figure 0\n');
    expect(r.stdout).toContain('upstream golden: 2/2 check(s) passed');
  });
  it('runs the rest and exits 1 when one check fails', async () => {
    const dir = await checksDir({ 'a_golden.mts': 1, 'b_golden.mts': 0 });
    const r = await golden('--dir', dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('  FAIL a_golden.mts: a_golden.mts: figure 1\n');
    expect(r.stdout).toContain('  PASS b_golden.mts');
    expect(r.stdout).toContain('upstream golden: 1/2 check(s) passed');
  });
  it('fails when the directory holds no check, and on an unknown option', async () => {
    expect((await golden('--dir', await checksDir({}))).code).toBe(1);
    expect((await golden('--all')).code).toBe(2);
  });
});
