import { ZAttachment, ZIdParams } from '@techserve/core';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../http/app-types';
import { AppError, type ErrorDetail } from '../../http/errors';
import * as svc from './attachments.service';
import type { AttachmentStorage } from './attachments.storage';

export type AttachmentsRouteDeps = { storage: AttachmentStorage; maxBytes: number };

const ZVisibility = z.enum(['public', 'internal']);

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/** RFC 6266 / 5987: an ASCII fallback name plus the exact UTF-8 name (Chinese file names survive every browser). */
export function contentDisposition(fileName: string): string {
  const fallback = [...fileName].map((c) => (c >= ' ' && c <= '~' && c !== '"' && c !== '\\' ? c : '_')).join('');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Reads the multipart body: one `file` part and an optional `visibility` field. The whole file is buffered (at most
 * `maxBytes`) before anything is stored, so an oversize upload is refused with 413 and leaves nothing behind.
 */
async function readUpload(req: FastifyRequest, maxBytes: number): Promise<svc.Upload> {
  if (!req.isMultipart()) throw new AppError('unsupported_media_type', 'Send multipart/form-data with a "file" part and an optional "visibility" field');
  const errors = req.server.multipartErrors;
  let file: { fileName: string; data: Buffer } | null = null;
  let visibility: string | undefined;
  const details: ErrorDetail[] = [];
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file' && part.fieldname === 'file') file = { fileName: part.filename, data: await part.toBuffer() };
      else if (part.type === 'field' && part.fieldname === 'visibility') visibility = String(part.value);
      else {
        if (part.type === 'file') part.file.resume(); // drain it so the rest of the body is read
        details.push({ path: `body.${part.fieldname}`, message: 'unknown field' });
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof errors.RequestFileTooLargeError) {
      throw new AppError('payload_too_large', `The file is larger than the limit of ${megabytes(maxBytes)}`);
    }
    if (err instanceof errors.FilesLimitError) throw new AppError('validation_failed', 'Send one file per request', { details: [{ path: 'body.file', message: 'one file only' }] });
    if (err instanceof errors.FieldsLimitError || err instanceof errors.PartsLimitError) {
      throw new AppError('payload_too_large', 'The form has too many fields; send a "file" and an optional "visibility"');
    }
    throw new AppError('malformed_request', 'The multipart body could not be read');
  }
  const parsed = ZVisibility.default('public').safeParse(visibility);
  if (!parsed.success) details.push({ path: 'body.visibility', message: 'expected "public" or "internal"' });
  if (!file) details.push({ path: 'body.file', message: 'required' });
  if (details.length > 0 || !file || !parsed.success) {
    throw new AppError('validation_failed', `Invalid request: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, { details });
  }
  return { ...file, visibility: parsed.data };
}

/** SR-10: photos and files on a request's timeline; stored through the attachment storage, served as downloads. */
export function attachmentsRoutes(app: App, deps: AttachmentsRouteDeps) {
  const tags = ['tickets'];
  app.post(
    '/tickets/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Attach a photo or file to a service request (SR-10)',
        description:
          `multipart/form-data with a \`file\` part (at most ${megabytes(deps.maxBytes)}) and an optional \`visibility\` field ` +
          '(`public`, the default, or `internal`, which needs tickets.work; customers attach public files only). ' +
          'The type is detected from the content, not from the Content-Type sent: JPEG, PNG, GIF, WebP, PDF, ZIP, ' +
          'docx/xlsx/pptx, or UTF-8 text as .txt/.log/.csv; anything else gets 415, an oversize file 413.',
        consumes: ['multipart/form-data'],
        params: ZIdParams,
        response: { 201: ZAttachment },
      },
      config: { permission: 'tickets.read' },
    },
    async (req, reply) => reply.status(201).send(await svc.createAttachment(req.ctx(), req.params.id, () => readUpload(req, deps.maxBytes), deps.storage)),
  );

  app.get(
    '/attachments/:id',
    {
      schema: {
        tags,
        summary: 'Download an attachment of a service request',
        description: '404 when the request is not visible to you, or the attachment is internal and you are a customer contact.',
        params: ZIdParams,
        response: {
          200: {
            description: 'The file, with the type detected at upload and Content-Disposition: attachment (UTF-8 file name)',
            content: { 'application/octet-stream': { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
          },
        },
      },
      config: { permission: 'tickets.read' },
    },
    async (req, reply) => {
      const file = await svc.readAttachment(req.ctx(), req.params.id, deps.storage);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', contentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-cache')
        .send(file.data);
    },
  );
}
