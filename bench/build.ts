/**
 * Runs `astro build` in a work folder as a child process and times it (wall clock). The child's
 * output is kept in memory; on failure the tail is returned so the report can say why.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface BuildResult {
  ok: boolean;
  ms: number;
  /** Last lines of the build's output (stdout and stderr interleaved). */
  tail: string[];
  /** The whole output (stdout and stderr interleaved). */
  output: string;
  exitCode: number | null;
}

export interface BuildOptions {
  /** Extra environment, e.g. `{ DOCS_DIR: '.cache/bench-site' }`; `undefined` values are removed. */
  env?: Record<string, string | undefined>;
  /** Lines of output to keep for the report. */
  tailLines?: number;
  /** Called with each chunk of output (for `--verbose`). */
  onOutput?: (text: string) => void;
}

/** Keeps the last `limit` lines of a stream of text chunks. */
export function lineTail(limit: number): { push(text: string): void; lines(): string[] } {
  let buffer = '';
  const kept: string[] = [];
  return {
    push(text: string) {
      buffer += text;
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      kept.push(...parts);
      if (kept.length > limit) kept.splice(0, kept.length - limit);
    },
    lines() {
      return buffer ? [...kept, buffer].slice(-limit) : [...kept];
    },
  };
}

/** `astro build` in `workdir`, with telemetry off and DOCS_DIR only when asked for. */
export function runAstroBuild(workdir: string, options: BuildOptions = {}): Promise<BuildResult> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...process.env, DOCS_DIR: undefined, ASTRO_TELEMETRY_DISABLED: '1', ...options.env })) {
    if (value !== undefined) env[key] = value;
  }
  const tail = lineTail(options.tailLines ?? 40);
  const chunks: string[] = [];
  const started = performance.now();
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [join(workdir, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
      cwd: workdir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      tail.push(text);
      chunks.push(text);
      options.onOutput?.(text);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (error) => {
      tail.push(`\n${String(error)}\n`);
    });
    child.on('close', (code) => {
      resolvePromise({ ok: code === 0, ms: performance.now() - started, tail: tail.lines(), output: chunks.join(''), exitCode: code });
    });
  });
}
