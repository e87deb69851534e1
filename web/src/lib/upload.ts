/**
 * File upload with progress. `hc` (fetch) cannot report upload progress, so this is the one hand-written
 * call: XMLHttpRequest to the path `hc` builds, with the response typed from the server's AppType.
 */
import { ApiError, apiErrorFrom, type Dossier } from './api';

export const ACCEPTED_EXTENSIONS = ['.pdf', '.docx', '.md', '.txt'] as const;
export const ACCEPT_ATTRIBUTE = ACCEPTED_EXTENSIONS.join(',');

export function hasAcceptedExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return ACCEPTED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

export interface UploadProgress {
  /** Bytes sent so far and in all; `total` is 0 when the browser cannot tell. */
  loaded: number;
  total: number;
  /** True once every byte is sent: the server is now reading the file. */
  sent: boolean;
}

export interface UploadHandle {
  promise: Promise<Dossier>;
  abort: () => void;
}

/** POSTs `form` (multipart) to `path` and resolves with the created or updated dossier (201). */
export function uploadWithProgress(
  path: string,
  form: FormData,
  onProgress: (progress: UploadProgress) => void,
): UploadHandle {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<Dossier>((resolve, reject) => {
    xhr.open('POST', path);
    xhr.responseType = 'text';
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.addEventListener('progress', (event) => {
      onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : 0, sent: false });
    });
    xhr.upload.addEventListener('load', () => {
      onProgress({ loaded: 1, total: 1, sent: true });
    });
    xhr.addEventListener('load', () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Keep null: handled below.
      }
      if (xhr.status >= 200 && xhr.status < 300 && body !== null) resolve(body as Dossier);
      else reject(apiErrorFrom(xhr.status, body));
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'network', '')));
    xhr.addEventListener('abort', () => reject(new ApiError(0, 'aborted', '')));
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
