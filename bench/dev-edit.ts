/**
 * `npm run bench:dev-edit [-- --runs 3]`: how long an edit to a cluster definition takes to show
 * in `astro dev`. In a temporary copy of the checkout (the developer's files are never touched):
 * starts the dev server, loads the page that draws `diagrams/flannel-vxlan.ts` (the edit the issue
 * measured; `--definition bridge-basics` for another) (first load renders what is not cached), then
 * per run rewrites the `client` pod's IP in the definition and polls the served page until the new
 * address is in the diagram. Prints each run from file write to changed page,
 * and the dev server's own log lines about diagrams. A measurement, not a test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { removeWorkdir, temporaryCopy } from './workdir.ts';

const PAGE = '/pod-networking/';
/** The pod whose address is edited: `appPod('client', '<a.b.c>.<n>', ...)`; both definitions are on PAGE. */
const POD_IP = /appPod\('client', '(\d+\.\d+\.\d+)\.(\d+)'/;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The text of the page's diagram SVGs (what a reader sees in the figure), or '' while it fails. */
async function diagramText(url: string): Promise<string> {
  try {
    const response = await fetch(url);
    if (!response.ok) return '';
    const html = await response.text();
    return [...html.matchAll(/<svg\b[\s\S]*?<\/svg>/g)].map((m) => m[0]).join('\n');
  } catch {
    return '';
  }
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/** Starts `astro dev` in `dir`; resolves once it listens. Its output is kept in `log`. */
async function startDev(dir: string, port: number, log: string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(dir, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: dir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk: Buffer) => log.push(...chunk.toString().split('\n').filter(Boolean)));
  const up = await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/`).then((r) => r.status).catch(() => 0)) > 0, 120_000);
  if (!up) throw new Error(`astro dev did not answer on port ${port}:\n${log.slice(-20).join('\n')}`);
  return child;
}

async function main(): Promise<void> {
  const runsAt = process.argv.indexOf('--runs');
  const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 3;
  const definitionAt = process.argv.indexOf('--definition');
  const DEFINITION = `diagrams/${definitionAt > 0 ? process.argv[definitionAt + 1] : 'flannel-vxlan'}.ts`;
  const source = process.cwd();
  const dir = temporaryCopy(source);
  // The developer's diagram cache, if any: a dev session starts from what earlier builds rendered.
  if (existsSync(join(source, '.cache', 'diagrams'))) cpSync(join(source, '.cache', 'diagrams'), join(dir, '.cache', 'diagrams'), { recursive: true });
  const log: string[] = [];
  let child: ChildProcess | undefined;
  try {
    const port = await freePort();
    let started = performance.now();
    child = await startDev(dir, port, log);
    const url = `http://127.0.0.1:${port}${PAGE}`;
    const file = join(dir, DEFINITION);
    const original = readFileSync(file, 'utf8');
    const first = original.match(POD_IP);
    if (!first) throw new Error(`${DEFINITION}: no appPod('client', 'a.b.c.N' ...) to edit`);
    const prefix = first[1]!;
    if (!(await waitFor(async () => (await diagramText(url)).includes(`${prefix}.${first[2]}`), 180_000))) throw new Error(`${PAGE} never showed the diagram`);
    process.stdout.write(`astro dev up and ${PAGE} served with its diagram: ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    // Let the warm-up finish, as it would while a developer reads the page.
    await waitFor(async () => log.some((line) => /diagram renderer (warm|not warmed)/.test(line)), 60_000);
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const address = `${prefix}.${20 + run}`;
      writeFileSync(file, original.replace(POD_IP, `appPod('client', '${address}'`));
      started = performance.now();
      const shown = await waitFor(async () => (await diagramText(url)).includes(address), 60_000);
      const ms = performance.now() - started;
      if (!shown) throw new Error(`run ${run + 1}: ${address} did not appear within 60 s`);
      times.push(ms);
      // The same page again with nothing changed: what serving it costs without any edit.
      const again = performance.now();
      await diagramText(url);
      const steadyMs = performance.now() - again;
      process.stdout.write(`run ${run + 1}: edit to ${address} visible in ${PAGE} after ${(ms / 1000).toFixed(2)} s; unchanged page served in ${(steadyMs / 1000).toFixed(2)} s (load average ${loadavg()[0]!.toFixed(1)})\n`);
      await new Promise((r) => setTimeout(r, 1000));
    }
    const sorted = [...times].sort((a, b) => a - b);
    process.stdout.write(`median ${(sorted[Math.floor(sorted.length / 2)]! / 1000).toFixed(2)} s, max ${(sorted[sorted.length - 1]! / 1000).toFixed(2)} s over ${runs} edits\n`);
    const diagramLines = log.filter((line) => /diagram/i.test(line));
    if (diagramLines.length > 0) process.stdout.write(`dev server, about diagrams:\n${diagramLines.map((l) => `  ${l}`).join('\n')}\n`);
  } finally {
    if (child?.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    removeWorkdir(dir);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:dev-edit: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
