import { SIGNATURE_MAX_BYTES } from '@techserve/core';
import type { FastifyRequest } from 'fastify';
import { AppError, invalidValue } from '../../http/errors';
import { acceptFile, detectFileType, readUpload, sha256Of } from '../../files';

// Images from the engineer's phone: site photos (multipart) and signatures drawn on screen (data URLs). The type
// comes from the bytes (magic numbers), never from what the client claims.

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];
const SIGNATURE_TYPES = ['image/png', 'image/jpeg'];

export type ImageUpload = { fileName: string; data: Buffer; contentType: string; sha256: string; fields: Record<string, string> };

/**
 * Reads a multipart body with one image `file` part and the named text fields. The file is buffered up to the
 * multipart limit (413 above it) and typed by its bytes (415 unless JPEG, PNG, GIF or WebP) before anything is stored.
 */
export async function readImageUpload(req: FastifyRequest, maxBytes: number, fieldNames: readonly string[]): Promise<ImageUpload> {
  const file = await readUpload(req, maxBytes, { fields: fieldNames });
  const { fileName, data, contentType, sha256 } = acceptFile(file, {
    accepts: (type) => IMAGE_TYPES.includes(type),
    unsupported: (name) => new AppError('unsupported_media_type', `"${name}" is not an image; send a JPEG, PNG, GIF or WebP photo`),
    empty: 'the image is empty',
  });
  return { fileName, data, contentType, sha256, fields: file.fields };
}

export type SignatureImage = { data: Buffer; contentType: string; sha256: string };

const DATA_URL = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/]+=*)$/;

/**
 * FS-8: a signature drawn on screen, as a PNG (or JPEG) data URL. Not a data URL → 422; bytes that are not a PNG or
 * JPEG → 415; more than SIGNATURE_MAX_BYTES decoded → 413. Each with rule FS-8 and the field.
 */
export function decodeSignature(value: string, path = 'body.signature'): SignatureImage {
  const m = DATA_URL.exec(value);
  if (!m) throw invalidValue(path, 'must be a data:image/png;base64 URL of the signature drawn on screen', 'FS-8');
  // The base64 length bounds the decoded size: refuse a huge one before decoding it.
  if (Math.floor((m[2].length * 3) / 4) > SIGNATURE_MAX_BYTES + 2) throw signatureTooLarge(path);
  const data = Buffer.from(m[2], 'base64');
  if (data.length > SIGNATURE_MAX_BYTES) throw signatureTooLarge(path);
  const type = detectFileType(data, 'signature');
  if (!type || !SIGNATURE_TYPES.includes(type.contentType)) {
    throw new AppError('unsupported_media_type', `${path}: the signature is not a PNG or JPEG image`, {
      ruleId: 'FS-8',
      details: [{ path, message: 'not a PNG or JPEG image' }],
    });
  }
  return { data, contentType: type.contentType, sha256: sha256Of(data) };
}

const signatureTooLarge = (path: string) =>
  new AppError('payload_too_large', `${path}: the signature image is larger than ${Math.round(SIGNATURE_MAX_BYTES / 1024)} KB`, {
    ruleId: 'FS-8',
    details: [{ path, message: 'too large' }],
  });
