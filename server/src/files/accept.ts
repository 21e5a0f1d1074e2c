import { createHash } from 'node:crypto';
import type { AppError } from '../http/errors';
import { invalidValue } from '../http/errors';
import { cleanFileName } from './file-name';
import { detectFileType } from './file-type';

/** A file ready to store: a clean name, its type detected from the bytes, its size and digest. */
export type AcceptedFile = { fileName: string; data: Buffer; contentType: string; size: number; sha256: string };

export const sha256Of = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * The checks every upload passes before anything is stored: the name cleaned, an empty file refused (422 on
 * `body.file`), the type detected from the content (never the client's claim) and refused by the caller's
 * `unsupported` unless `accepts` it.
 */
export function acceptFile(
  upload: { fileName: string; data: Buffer },
  {
    accepts,
    unsupported,
    empty = 'the file is empty',
  }: { accepts: (contentType: string) => boolean; unsupported: (fileName: string) => AppError; empty?: string },
): AcceptedFile {
  const fileName = cleanFileName(upload.fileName);
  if (upload.data.length === 0) throw invalidValue('body.file', empty);
  const type = detectFileType(upload.data, fileName);
  if (!type || !accepts(type.contentType)) throw unsupported(fileName);
  return { fileName, data: upload.data, contentType: type.contentType, size: upload.data.length, sha256: sha256Of(upload.data) };
}
