/** What `detectFileType` recognised: the content type to store and serve. */
export type DetectedType = { contentType: string };

const OOXML: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};
const TEXT: Record<string, string> = {
  txt: 'text/plain; charset=utf-8',
  log: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

const startsWith = (data: Buffer, bytes: number[], at = 0) => data.length >= at + bytes.length && bytes.every((b, i) => data[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const extensionOf = (fileName: string) => /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1].toLowerCase() ?? '';

/** UTF-8 without NULs or control characters other than tab, newlines, form feed and ESC (colours in logs). */
function isPlainText(data: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return false;
  }
  for (const b of data) if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) || b === 0x7f) return false;
  return true;
}

/**
 * SR-10 attachments: the real type from the file's first bytes; the client's Content-Type and the name's
 * extension are not trusted (the extension only chooses between the OOXML kinds of a ZIP and allows plain text).
 * Null for anything not on the list: executables, scripts, SVG, HTML, archives other than ZIP ...
 */
export function detectFileType(data: Buffer, fileName: string): DetectedType | null {
  if (startsWith(data, [0xff, 0xd8, 0xff])) return { contentType: 'image/jpeg' };
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { contentType: 'image/png' };
  if (startsWith(data, ascii('GIF87a')) || startsWith(data, ascii('GIF89a'))) return { contentType: 'image/gif' };
  if (startsWith(data, ascii('RIFF')) && startsWith(data, ascii('WEBP'), 8)) return { contentType: 'image/webp' };
  if (startsWith(data, ascii('%PDF-'))) return { contentType: 'application/pdf' };
  const ext = extensionOf(fileName);
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04]) || startsWith(data, [0x50, 0x4b, 0x05, 0x06])) {
    // An Office Open XML document is a ZIP whose entries include [Content_Types].xml (names are stored in clear).
    if (OOXML[ext] && data.includes('[Content_Types].xml')) return { contentType: OOXML[ext] };
    return { contentType: 'application/zip' };
  }
  if (TEXT[ext] && isPlainText(data)) return { contentType: TEXT[ext] };
  return null;
}
