import { crc32, deflateSync } from 'node:zlib';
import { type FieldWorld, type Json, approvedLetterFixture, expectStatus } from './letters.fixtures';

// Test helpers of the on-site tests: real images (pdfkit decodes them) and multipart bodies as browsers send them.

function chunk(type: string, data: Buffer) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A valid grey PNG of the given size (a stand-in for a signature drawn on screen). */
export function tinyPng(width = 4, height = 2): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0; // filter byte
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const dataUrl = (data: Buffer, type = 'image/png') => `data:${type};base64,${data.toString('base64')}`;

/** A multipart/form-data body with one file part and plain fields. */
export function multipart(file: { fileName: string; data: Buffer; contentType?: string } | null, fields: Record<string, string> = {}) {
  const boundary = '----techserve-visit-boundary';
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`, 'utf8'));
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.fileName}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
        'utf8',
      ),
    );
    chunks.push(file.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** An approved letter (see letters.fixtures) on which `w.engineer` has checked in: status on_site. */
export async function onSiteLetterFixture(w: FieldWorld, appointmentAt: string, opts: { withSecondEngineer?: boolean } = {}) {
  const { letter, ticketId } = await approvedLetterFixture(w, appointmentAt, opts);
  const visit = await expectStatus(
    await w.engineer.post(`/api/v1/field/letters/${letter.id}/check-ins`, { kind: 'in', confirmedWith: '钱主任' }),
    201,
  );
  return { letterId: letter.id as number, ticketId, visit };
}

/** A complete service record body (FS-6). */
export const recordBody = (extra: Json = {}) => ({ diagnosis: '电源模块损坏', workDone: '更换电源模块并测试', solved: true, ...extra });
