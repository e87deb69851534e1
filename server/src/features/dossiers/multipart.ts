/**
 * The upload routes' request body, read as a stream (issue #17: `/api/health` during ten concurrent 3 MB
 * uploads). `Request.formData()` buffered each whole multipart body, then parsed and copied it (into a
 * Blob, a File, an ArrayBuffer) in a few synchronous steps of several megabytes each: ten uploads arriving
 * together held the event loop for hundreds of milliseconds. Here the body goes chunk by chunk (about
 * 64 kB each) through `@fastify/busboy`, the file's chunks are gathered as they come and joined once, and
 * the size limit is enforced while streaming: an oversize file is refused at the first byte past it.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Busboy, type BusboyFileStream } from '@fastify/busboy';
import { AppError, PayloadTooLargeError, UnsupportedMediaError, ValidationError } from '../../lib/errors';
import type { UploadedFile } from './deps';

/** The one file field of the upload form (see `UploadSchema`). */
const FILE_FIELD = 'file';
/** The text fields of the upload form besides the file: never more than a few, each short. */
const MAX_FIELDS = 8;
const MAX_FIELD_BYTES = 4096;

export interface MultipartUpload {
  file: UploadedFile;
  /** The text fields, as sent (validate them with the route's schema). */
  fields: Record<string, string>;
}

const NO_FILE_MESSAGE =
  'Aucun fichier reçu : envoyez le dossier dans le champ « file » (multipart/form-data).';

function tooLarge(maxFileBytes: number) {
  return new PayloadTooLargeError(
    `Fichier trop volumineux : la limite est de ${(maxFileBytes / 1048576).toFixed(0)} Mo.`,
  );
}

/** A multipart body that busboy cannot read (no boundary, cut short, broken headers): the caller's fault. */
function malformed(cause: unknown) {
  return new AppError(
    'invalid_request',
    400,
    'Corps multipart/form-data illisible ou incomplet : renvoyez le fichier depuis le formulaire.',
    { cause },
  );
}

/** One file's chunks as they arrive; joined once at the end into an array of its own (transferable). */
function collect(stream: BusboyFileStream, onLimit: () => void): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  stream.on('limit', onLimit);
  stream.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    size += chunk.byteLength;
  });
  return new Promise((resolve, reject) => {
    // A part cut short (the body ends inside it) errors here and in the parser: the parser's error is the
    // one reported (see `readMultipartUpload`).
    stream.on('error', reject);
    stream.on('end', () => {
      // Not `Buffer.concat`: a small result would be a view on Node's shared pool, memory other buffers
      // share, and this array is handed over to be stored as it is. `allocUnsafeSlow` has its own memory
      // and skips zero-filling what is overwritten at once.
      const bytes = Buffer.allocUnsafeSlow(size);
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.byteLength;
      }
      resolve(bytes);
    });
  });
}

/**
 * Reads an upload form from `request`'s body: exactly one file in the field `file`, and text fields. Refuses
 * with the API's JSON errors: 415 for another content type, 413 for a file over `maxFileBytes` (stopped
 * while streaming), 400 for a missing file, a second file, a file in another field, too many or too long
 * fields, and a body that is not well-formed multipart (truncated, no boundary…). Nothing is stored here,
 * so a refusal leaves nothing behind.
 */
export async function readMultipartUpload(request: Request, maxFileBytes: number): Promise<MultipartUpload> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*(;|$)/i.test(contentType)) {
    throw new UnsupportedMediaError(
      'Le dossier doit être envoyé en multipart/form-data (champ « file », et « examId » pour un nouveau dossier).',
    );
  }
  let parser: ReturnType<typeof Busboy>;
  try {
    parser = Busboy({
      headers: { 'content-type': contentType },
      limits: { files: 1, fileSize: maxFileBytes, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES },
    });
  } catch (err) {
    throw malformed(err);
  }
  const fields: Record<string, string> = {};
  let file: Promise<UploadedFile> | undefined;
  // The first refusal wins; destroying the parser ends the pipeline (and stops reading the body) with it.
  let refusal: AppError | undefined;
  const refuse = (error: AppError) => {
    refusal ??= error;
    parser.destroy(refusal);
  };
  parser.on('file', (name, stream, fileName) => {
    if (name !== FILE_FIELD) {
      stream.resume();
      refuse(new ValidationError(`Champ de fichier inattendu « ${name.slice(0, 40)} » : ${NO_FILE_MESSAGE}`));
      return;
    }
    file = collect(stream, () => refuse(tooLarge(maxFileBytes))).then((bytes) => ({
      name: fileName || 'dossier',
      bytes,
      // The array was made here for this request alone: it can be stored as it is (see `UploadedFile`).
      handOver: true,
    }));
    // Awaited only when the whole body was read; a refused or broken body is reported by the pipeline.
    file.catch(() => {});
  });
  parser.on('field', (name, value, nameTruncated, valueTruncated) => {
    if (nameTruncated || valueTruncated) {
      refuse(new ValidationError(`Champ « ${name.slice(0, 40)} » trop long.`));
      return;
    }
    fields[name] = value;
  });
  parser.on('filesLimit', () =>
    refuse(new ValidationError(`Un seul fichier par envoi : ${NO_FILE_MESSAGE}`)),
  );
  parser.on('fieldsLimit', () => refuse(new ValidationError('Trop de champs dans le formulaire.')));
  try {
    if (!request.body) throw malformed(new Error('no body'));
    await pipeline(Readable.fromWeb(request.body as import('node:stream/web').ReadableStream), parser);
  } catch (err) {
    if (refusal) throw refusal;
    if (err instanceof AppError) throw err;
    throw malformed(err);
  }
  if (refusal) throw refusal;
  if (!file) throw new ValidationError(NO_FILE_MESSAGE);
  return { file: await file, fields };
}
