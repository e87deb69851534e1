/**
 * Resident memory of a process and everything it started (the API server parses uploads in child
 * processes, PGlite's first `initdb` runs in one too): one process's `VmRSS` would leave them out.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** A /proc file's text, or null when the process has gone meanwhile. */
function readProc(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** `pid` and its descendants, from the parent pid of every process in /proc (field 4 of `stat`). */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProc(`/proc/${entry}/stat`);
    if (stat === null) continue;
    // The command name (field 2) may hold spaces: count the fields after its closing parenthesis.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]) ?? []));
  return tree;
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readProc(`/proc/${pid}/status`);
  return Number((status && new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) ?? 0);
}

/** The `VmRSS` of `pid` and all its descendants summed, MB (a process that ends meanwhile counts 0). */
export function treeRssMb(pid: number): number {
  return processTree(pid).reduce((sum, p) => sum + statusKb(p, 'VmRSS'), 0) / 1024;
}

/**
 * The peak of `treeRssMb(pid)`, sampled every `everyMs` from now until `stop()`, and never below the
 * root process's own peak (`VmHWM`, which a sample can miss). Children's peaks between samples are missed:
 * a lower bound on the true peak of the sum, which no single /proc figure gives.
 */
export function treeRssPeak(pid: number, everyMs = 200): { stop: () => number } {
  let peak = treeRssMb(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRssMb(pid));
  }, everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, treeRssMb(pid), statusKb(pid, 'VmHWM') / 1024);
    },
  };
}
