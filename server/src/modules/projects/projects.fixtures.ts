import type { Agent } from '../../test/harness';

/** A PNG's magic bytes and some body (enough for byte-typing). */
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR fake image body')]);
export const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n');
export const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(64, 0)]);
export const SIGNATURE = `data:image/png;base64,${PNG.toString('base64')}`;

type Part = { name: string; value?: string; fileName?: string; data?: Buffer };

/** A multipart/form-data body as a browser sends it. */
export function multipart(parts: Part[]) {
  const boundary = '----techserve-projects-boundary';
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const file = p.fileName !== undefined ? `; filename="${p.fileName}"\r\nContent-Type: application/octet-stream` : '';
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${file}\r\n\r\n`, 'utf8'),
      p.data ?? Buffer.from(p.value ?? '', 'utf8'),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Upload a handover document of the given policy item to a project. */
export function uploadHandover(
  agent: Agent,
  projectId: number,
  documentId: string | null,
  file: { fileName: string; data: Buffer } | null,
) {
  const parts: Part[] = [];
  if (documentId !== null) parts.push({ name: 'documentId', value: documentId });
  if (file) parts.push({ name: 'file', ...file });
  const { body, headers } = multipart(parts);
  return agent.request('POST', `/api/v1/projects/${projectId}/handover-documents`, body, headers);
}
