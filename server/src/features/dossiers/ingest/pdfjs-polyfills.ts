/**
 * pdfjs 5 (bundled by unpdf 1.7) calls `ArrayBuffer.prototype.transferToFixedLength` (Node ≥ 21) when it
 * serialises fonts for an operator list; on Node 20 `getOperatorList()` fails without it. The fallback
 * copies instead of transferring (the source buffer is not detached), which is all pdfjs relies on.
 * Installed only where missing, so newer runtimes keep their native method.
 */
export function installPdfjsPolyfills(): void {
  const proto = ArrayBuffer.prototype as ArrayBuffer & { transferToFixedLength?: unknown };
  if (typeof proto.transferToFixedLength === 'function') return;
  Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', {
    configurable: true,
    writable: true,
    value(this: ArrayBuffer, length: number = this.byteLength): ArrayBuffer {
      const copy = new ArrayBuffer(length);
      new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
      return copy;
    },
  });
}
