/**
 * CPU time of this process and every process below it (Chromium's browser, zygote, renderer and
 * utility processes), from /proc. On a shared machine wall time grows with everyone else's load;
 * CPU time measures our own work, so the two together say what changed. Take the reading while
 * the browser still runs: Chromium does not wait for all its helpers when it exits, so their time
 * is not reliably added to ours afterwards.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Linux clock ticks per second (`getconf CLK_TCK`), 100 on every mainstream kernel config. */
const CLK_TCK = 100;

export interface ProcStat {
  pid: number;
  ppid: number;
  /** utime + stime + cutime + cstime: the process and its reaped children. */
  cpuMs: number;
}

/** Parses a /proc/<pid>/stat line. */
export function parseProcStat(stat: string): ProcStat {
  // The command name (field 2) is in parentheses and may contain spaces: split after the last ')'.
  const close = stat.lastIndexOf(')');
  const fields = stat.slice(close + 2).split(' ');
  // fields[0] is field 3 (state), so field n is fields[n - 3].
  const field = (n: number) => Number(fields[n - 3]);
  const cpuMs = (field(14) + field(15) + field(16) + field(17)) * (1000 / CLK_TCK);
  return { pid: Number(stat.slice(0, stat.indexOf(' '))), ppid: field(4), cpuMs };
}

/** CPU ms of process `root` and all its live descendants (plus what they reaped), given every process. */
export function treeCpuMs(root: number, processes: readonly ProcStat[]): number {
  const children = new Map<number, ProcStat[]>();
  for (const p of processes) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  let total = 0;
  const stack = processes.filter((p) => p.pid === root);
  while (stack.length > 0) {
    const p = stack.pop()!;
    total += p.cpuMs;
    stack.push(...(children.get(p.pid) ?? []));
  }
  return total;
}

/** CPU ms used so far by this process tree; `undefined` off Linux. */
export function processTreeCpuMs(): number | undefined {
  try {
    const processes: ProcStat[] = [];
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        processes.push(parseProcStat(readFileSync(`/proc/${name}/stat`, 'utf8')));
      } catch {
        // exited while we looked
      }
    }
    return treeCpuMs(process.pid, processes);
  } catch {
    return undefined;
  }
}
