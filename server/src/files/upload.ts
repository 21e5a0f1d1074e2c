import type { FastifyRequest } from 'fastify';
import { AppError, type ErrorDetail } from '../http/errors';

/** One file read from a multipart body, with the named text fields that came with it. */
export type Upload = { fileName: string; data: Buffer; fields: Record<string, string> };

export const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/**
 * Reads a multipart body with one `file` part and the given text fields (`required` ones must not be blank). The
 * whole file is buffered (at most `maxBytes`) before anything is stored, so an oversize upload gets 413 and leaves
 * nothing behind; unknown parts and missing ones get 400 naming them. Every upload route of the app reads through here.
 */
export async function readUpload(
  req: FastifyRequest,
  maxBytes: number,
  { fields: fieldNames = [], required = [] }: { fields?: readonly string[]; required?: readonly string[] } = {},
): Promise<Upload> {
  if (!req.isMultipart())
    throw new AppError(
      'unsupported_media_type',
      `Send multipart/form-data with a "file" part${fieldNames.length ? ` and the fields ${fieldNames.join(', ')}` : ''}`,
    );
  const errors = req.server.multipartErrors;
  let file: { fileName: string; data: Buffer } | null = null;
  const fields: Record<string, string> = {};
  const details: ErrorDetail[] = [];
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file' && part.fieldname === 'file') file = { fileName: part.filename, data: await part.toBuffer() };
      else if (part.type === 'field' && fieldNames.includes(part.fieldname)) fields[part.fieldname] = String(part.value);
      else {
        if (part.type === 'file') part.file.resume();
        details.push({ path: `body.${part.fieldname}`, message: 'unknown field' });
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof errors.RequestFileTooLargeError)
      throw new AppError('payload_too_large', `The file is larger than the limit of ${megabytes(maxBytes)}`);
    if (err instanceof errors.FilesLimitError)
      throw new AppError('validation_failed', 'Send one file per request', { details: [{ path: 'body.file', message: 'one file only' }] });
    if (err instanceof errors.FieldsLimitError || err instanceof errors.PartsLimitError)
      throw new AppError('payload_too_large', 'The form has too many fields');
    throw new AppError('malformed_request', 'The multipart body could not be read');
  }
  if (!file) details.push({ path: 'body.file', message: 'required' });
  for (const name of required) if (!fields[name]?.trim()) details.push({ path: `body.${name}`, message: 'required' });
  if (details.length > 0 || !file)
    throw new AppError('validation_failed', `Invalid request: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, { details });
  return { ...file, fields };
}
