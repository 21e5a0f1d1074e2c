import { ZAttachment, ZIdParams } from '@techserve/core';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../http/app-types';
import { AppError } from '../../http/errors';
import * as svc from './attachments.service';
import { sendDownload, megabytes, readUpload, type FileDeps } from '../../files';

const ZVisibility = z.enum(['public', 'internal']);

/** Reads the multipart body: one `file` part and an optional `visibility` field (public by default). */
async function readAttachmentUpload(req: FastifyRequest, maxBytes: number): Promise<svc.Upload> {
  const { fileName, data, fields } = await readUpload(req, maxBytes, { fields: ['visibility'] });
  const parsed = ZVisibility.default('public').safeParse(fields.visibility);
  if (!parsed.success) {
    const details = [{ path: 'body.visibility', message: 'expected "public" or "internal"' }];
    throw new AppError('validation_failed', `Invalid request: body.visibility: ${details[0].message}`, { details });
  }
  return { fileName, data, visibility: parsed.data };
}

/** SR-10: photos and files on a request's timeline; stored through the attachment storage, served as downloads. */
export function attachmentsRoutes(app: App, deps: FileDeps) {
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
    async (req, reply) =>
      reply
        .status(201)
        .send(await svc.createAttachment(req.ctx(), req.params.id, () => readAttachmentUpload(req, deps.maxBytes), deps.storage)),
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
      return sendDownload(reply, file);
    },
  );
}
