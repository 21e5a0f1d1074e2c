import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanFileName, contentDisposition, detectFileType, localDiskStorage } from './index';

describe('file types, names and storage keys', () => {
  it('recognises images, PDF and Office files by their bytes, not their names', () => {
    expect(detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'a.bin')).toEqual({ contentType: 'image/jpeg' });
    expect(detectFileType(Buffer.from('GIF89a....'), 'a')).toEqual({ contentType: 'image/gif' });
    expect(detectFileType(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 '), 'a.jpg')).toEqual({ contentType: 'image/webp' });
    expect(detectFileType(Buffer.from('%PDF-1.7\n'), '报告.pdf')).toEqual({ contentType: 'application/pdf' });
    const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....[Content_Types].xml....word/document.xml')]);
    expect(detectFileType(docx, '方案.docx')?.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(detectFileType(docx, 'logs.zip')?.contentType).toBe('application/zip');
    expect(detectFileType(Buffer.from('<svg onload="alert(1)"/>'), 'a.svg')).toBeNull();
    expect(detectFileType(Buffer.from('<html></html>'), 'a.html')).toBeNull();
    expect(detectFileType(Buffer.from('#!/bin/sh\nrm -rf /\n'), 'run.sh')).toBeNull();
    expect(detectFileType(Buffer.from('2026-03-02 告警\n'), 'system.log')).toEqual({ contentType: 'text/plain; charset=utf-8' });
  });

  it('keeps a plain name and strips paths and control characters', () => {
    expect(cleanFileName('..\\..\\windows\\win.ini')).toBe('win.ini');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b\r\n.png')).toBe('ab.png');
    expect(cleanFileName('..')).toBe('file');
    expect(cleanFileName(`${'长'.repeat(300)}.pdf`)).toMatch(/^长{196}\.pdf$/);
  });

  it('encodes the download name per RFC 5987 with an ASCII fallback', () => {
    expect(contentDisposition("it's (1).pdf")).toBe(`attachment; filename="it's (1).pdf"; filename*=UTF-8''it%27s%20%281%29.pdf`);
    expect(contentDisposition('a"b.txt')).toBe(`attachment; filename="a_b.txt"; filename*=UTF-8''a%22b.txt`);
  });

  it('refuses a storage key that is not one it generated', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'techserve-files-'));
    const storage = localDiskStorage(dir);
    await expect(storage.put('../escape', Buffer.from('x'))).rejects.toThrow(/invalid attachment storage key/);
    await expect(storage.read('2026/03/../../etc')).rejects.toThrow(/invalid attachment storage key/);
    rmSync(dir, { recursive: true, force: true });
  });
});
