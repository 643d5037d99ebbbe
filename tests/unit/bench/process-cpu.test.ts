import { describe, expect, it } from 'vitest';
import { parseProcStat, processTreeCpuMs, treeCpuMs } from '../../../bench/process-cpu.ts';

// A /proc/<pid>/stat line as proc(5) documents it; the name holds a space and a ')'.
const line = (pid: number, ppid: number, utime: number, stime: number, cutime: number, cstime: number) =>
  `${pid} (Web Content) x) S ${ppid} 1 1 0 -1 4194304 100 0 0 0 ${utime} ${stime} ${cutime} ${cstime} 20 0 1 0 100 1000 10`;

describe('process CPU', () => {
  it('reads pid, parent and the four CPU fields past a command name with spaces and parentheses', () => {
    expect(parseProcStat(line(42, 7, 150, 50, 20, 5))).toEqual({ pid: 42, ppid: 7, cpuMs: 2250 });
  });

  it('adds up a process and its descendants only', () => {
    const all = [line(1, 0, 100, 0, 0, 0), line(10, 1, 10, 0, 0, 0), line(11, 10, 5, 5, 0, 0), line(12, 1, 1, 0, 0, 0), line(20, 99, 70, 0, 0, 0)].map(parseProcStat);
    expect(treeCpuMs(10, all)).toBe(200);
    expect(treeCpuMs(1, all)).toBe(1210);
  });

  it('counts this process on Linux, and grows with work', () => {
    const before = processTreeCpuMs();
    if (before === undefined) return;
    const until = performance.now() + 60;
    while (performance.now() < until) Math.sqrt(Math.random());
    expect(processTreeCpuMs()!).toBeGreaterThan(before);
  });
});
