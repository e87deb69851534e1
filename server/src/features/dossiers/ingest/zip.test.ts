import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { UnprocessableError } from '../../../lib/errors';
import { openZip } from './zip';

/** A real archive, then its central directory entry patched: what a hostile upload can do. */
function patchedZip(patch: (dv: DataView, entry: number) => void): Uint8Array {
  const bytes = zipSync({ 'word/document.xml': strToU8('<w:t>'.repeat(200_000)) }, { level: 9 });
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let entry = -1;
  for (let at = bytes.byteLength - 22; at >= 0; at--) {
    if (dv.getUint32(at, true) === 0x02014b50) {
      entry = at;
      break;
    }
  }
  expect(entry).toBeGreaterThan(0);
  patch(dv, entry);
  return bytes;
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof UnprocessableError) return err.code;
    throw err;
  }
  return undefined;
}

describe('openZip', () => {
  it('reads an honest archive', () => {
    const zip = openZip(patchedZip(() => {}));
    expect(zip.names()).toEqual(['word/document.xml']);
    expect(zip.text('word/document.xml')).toHaveLength(1_000_000);
  });

  // The reasons this reader is kept rather than fflate's unzipSync (see zip.ts).
  it('refuses an entry that inflates past the size its directory declares, instead of truncating it', () => {
    const lying = patchedZip((dv, entry) => dv.setUint32(entry + 24, 1000, true));
    expect(codeOf(() => openZip(lying).text('word/document.xml'))).toBe('zip_bomb');
  });

  it('refuses an encrypted entry', () => {
    const encrypted = patchedZip((dv, entry) =>
      dv.setUint16(entry + 8, dv.getUint16(entry + 8, true) | 1, true),
    );
    expect(codeOf(() => openZip(encrypted).text('word/document.xml'))).toBe('corrupt_file');
  });
});
