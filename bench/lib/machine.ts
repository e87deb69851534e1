import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  ramGb: number;
  node: string;
  os: string;
  pdftotext: string | null;
}

function cpuModel(): string {
  const model = os.cpus()[0]?.model?.trim();
  if (model) return model;
  try {
    return /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function pdftotextVersion(): string | null {
  // Poppler prints its version on stderr (and older versions exit 99).
  const out = spawnSync('/usr/bin/pdftotext', ['-v'], { encoding: 'utf8' });
  return /version ([\d.]+)/.exec(`${out.stdout ?? ''}${out.stderr ?? ''}`)?.[1] ?? null;
}

/** The machine the figures were measured on. */
export function machine(): Machine {
  return {
    cpu: cpuModel(),
    cores: os.availableParallelism(),
    ramGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    pdftotext: pdftotextVersion(),
  };
}
