import type { FastifyReply } from 'fastify';

/** RFC 6266 / 5987: an ASCII fallback name plus the exact UTF-8 name (Chinese file names survive every browser). */
export function contentDisposition(fileName: string): string {
  const fallback = [...fileName].map((c) => (c >= ' ' && c <= '~' && c !== '"' && c !== '\\' ? c : '_')).join('');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Sends a stored file as a download. An uploaded file is never rendered by the browser in the app's origin
 * (nosniff, a sandboxing CSP), so a disguised HTML or SVG upload cannot run script.
 */
export function sendDownload(reply: FastifyReply, file: { fileName: string; contentType: string; data: Buffer }) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-cache')
    .send(file.data);
}
