import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processTree, treeRssMb, treeRssPeak } from './process-tree';

const ownRssMb = (pid: number) =>
  Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;

describe('process tree memory', () => {
  it('counts a process and its children (grandchildren included)', async () => {
    // A node process that starts a node grandchild, then prints the grandchild's pid.
    const script = `const c = require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      console.log(c.pid); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const grandchild = await new Promise<number>((resolve) =>
        child.stdout.once('data', (d) => resolve(Number(String(d).trim()))),
      );
      const pid = child.pid as number;
      expect(processTree(pid)).toEqual([pid, grandchild]);
      expect(treeRssMb(pid)).toBeGreaterThan(ownRssMb(pid) + 10);
      expect(treeRssPeak(pid).stop()).toBeGreaterThanOrEqual(ownRssMb(pid));
      expect(processTree(process.pid)).toContain(grandchild);
      process.kill(grandchild);
    } finally {
      child.kill();
    }
  });
});
