import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ServiceRecordPdfData, renderServiceRecordPdf } from './service-record.pdf';
import { tinyPng } from './visits.fixtures';

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

function textOf(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'ts-pdf-'));
  try {
    const file = join(dir, 'r.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const base: ServiceRecordPdfData = {
  companyName: 'TechServe 技术服务',
  letterNumber: 'ZR-000007',
  ticketNumber: 'SR-2026-000012',
  customerName: '市第一医院',
  siteName: '住院部',
  address: '人民路 1 号',
  engineers: ['赵工', '孙工'],
  arrivedAt: '2026-03-03T01:05:00.000Z',
  leftAt: '2026-03-03T06:00:00.000Z',
  diagnosis: '电源模块损坏',
  workDone: '更换电源模块并测试',
  solved: true,
  restoredOriginal: false,
  parts: [{ part: '电源模块 PSU-200', quantity: 1 }],
  extraTasks: [{ description: '顺便检查机房空调', estimateMinutes: 30, customerSigned: true }],
  rating: { attitude: 'excellent', skill: 'good', result: 'fair' },
  comment: '服务很好',
  signerName: '钱主任',
  signature: tinyPng(),
  signedAt: '2026-03-03T06:00:00.000Z',
  unsignedReason: null,
  timeZone: 'Asia/Shanghai',
};

describe('service record PDF (FS-8)', () => {
  it('renders a PDF file', async () => {
    const pdf = await renderServiceRecordPdf(base);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it.skipIf(!hasPdftotext)(
    'FS-8: prints the Chinese customer, engineers, times, work, parts, extra tasks, grades 优/良/中 and the signer (needs pdftotext from poppler-utils)',
    async () => {
      const text = textOf(await renderServiceRecordPdf(base));
      for (const s of [
        '售后维修单',
        'ZR-000007',
        'SR-2026-000012',
        '市第一医院',
        '赵工',
        '2026/03/03 09:05',
        '电源模块损坏',
        '电源模块 PSU-200',
        '顺便检查机房空调',
        '优',
        '良',
        '中',
        '钱主任',
        '服务很好',
      ]) {
        expect(text).toContain(s);
      }
      expect(text).not.toContain('UNSIGNED');
    },
  );

  it.skipIf(!hasPdftotext)('FS-8: marks a record without the customer’s signature as unsigned, with the reason', async () => {
    const text = textOf(
      await renderServiceRecordPdf({
        ...base,
        rating: null,
        signature: null,
        signerName: null,
        signedAt: null,
        unsignedReason: '客户负责人不在现场',
      }),
    );
    expect(text).toContain('UNSIGNED');
    expect(text).toContain('客户未签字');
    expect(text).toContain('客户负责人不在现场');
  });

  it('the CJK font is installed (fonts-noto-cjk), or Chinese cannot render', () => {
    expect(existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')).toBe(true);
  });
});

if (!hasPdftotext) console.warn('pdftotext (poppler-utils) is missing: the PDF text checks are skipped');
