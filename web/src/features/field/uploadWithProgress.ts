import type { TErrorBody } from '@techserve/core';
import { ApiError } from '../../api/client';

/**
 * POSTs multipart `form` to `/api/v1${path}` reporting upload progress (fetch cannot), with the CSRF header like
 * `api()`. Errors come back as ApiError with the server's message, so they are shown the same way.
 */
export function uploadWithProgress<T>(
  path: string,
  form: FormData,
  csrfToken: string | null,
  onProgress: (percent: number) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, { code: 'network_error', message: 'network error' }));
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve(data as T);
      } else reject(new ApiError(xhr.status, (data as Partial<TErrorBody> | null)?.error ?? {}));
    };
    xhr.send(form);
  });
}
