import { existsSync } from 'node:fs';
import type { TGrade } from '@techserve/core';
import PDFDocument from 'pdfkit';

/** Debian's fonts-noto-cjk; the PDF must render Chinese (design: documents with an embedded CJK font). */
export const CJK_FONT_PATH = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const CJK_FONT_NAME = 'NotoSansCJKsc-Regular';

/** FS-8: 优/良/中/差. */
export const GRADE_ZH: Record<TGrade, string> = { excellent: '优', good: '良', fair: '中', poor: '差' };

/** Everything the printed service record (售后维修单 / 服务记录) shows. */
export type ServiceRecordPdfData = {
  companyName: string;
  letterNumber: string;
  ticketNumber: string | null;
  customerName: string;
  siteName: string | null;
  address: string | null;
  engineers: string[];
  arrivedAt: string | null;
  leftAt: string | null;
  diagnosis: string | null;
  workDone: string | null;
  solved: boolean | null;
  restoredOriginal: boolean;
  parts: Array<{ part: string; quantity: number }>;
  extraTasks: Array<{ description: string; estimateMinutes: number; customerSigned: boolean }>;
  rating: { attitude: TGrade; skill: TGrade; result: TGrade } | null;
  comment: string | null;
  signerName: string | null;
  signature: Buffer | null;
  signedAt: string | null;
  unsignedReason: string | null;
  /** Company time zone for printed times. */
  timeZone: string;
};

function localTime(iso: string | null, timeZone: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/**
 * FS-8: the service record as a PDF with an embedded CJK font. A record without the customer's signature carries a
 * visible "unsigned" mark (AP-9 counts it).
 */
export function renderServiceRecordPdf(d: ServiceRecordPdfData): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `服务记录 ${d.letterNumber}`, Producer: 'TechServe' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    if (existsSync(CJK_FONT_PATH)) doc.registerFont('cjk', CJK_FONT_PATH, CJK_FONT_NAME).font('cjk');

    const signed = d.signature != null;
    doc.fontSize(16).text(d.companyName, { align: 'center' });
    doc.fontSize(14).text('售后维修单 / 服务记录', { align: 'center' });
    if (!signed)
      doc.moveDown(0.3).fontSize(13).fillColor('#c00000').text('【客户未签字 UNSIGNED】', { align: 'center' }).fillColor('black');
    doc.moveDown();

    const field = (label: string, value: string | null | undefined) =>
      doc.fontSize(10.5).text(`${label}：${value && value.trim() ? value : '—'}`);
    field('责任书编号', d.letterNumber);
    field('服务请求编号', d.ticketNumber);
    field('客户', d.customerName);
    field('现场', [d.siteName, d.address].filter(Boolean).join(' '));
    field('工程师', d.engineers.join('、'));
    field('到达时间', localTime(d.arrivedAt, d.timeZone));
    field('离开时间', localTime(d.leftAt, d.timeZone));
    doc.moveDown(0.5);
    field('故障诊断', d.diagnosis);
    field('处理过程', d.workDone);
    field('是否解决', d.solved == null ? '处理中' : d.solved ? '已解决' : '未解决');
    if (d.restoredOriginal) field('设备状态', '已恢复原状');
    doc.moveDown(0.5);
    doc.fontSize(11).text('更换/使用备件');
    if (d.parts.length === 0) doc.fontSize(10.5).text('  无');
    for (const p of d.parts) doc.fontSize(10.5).text(`  · ${p.part} × ${p.quantity}`);
    doc.moveDown(0.5);
    doc.fontSize(11).text('现场追加任务');
    if (d.extraTasks.length === 0) doc.fontSize(10.5).text('  无');
    for (const t of d.extraTasks)
      doc.fontSize(10.5).text(`  · ${t.description}（预计 ${t.estimateMinutes} 分钟，${t.customerSigned ? '客户已签字' : '客户未签字'}）`);
    doc.moveDown(0.5);
    doc.fontSize(11).text('客户评价');
    if (d.rating) {
      field('  服务态度', GRADE_ZH[d.rating.attitude]);
      field('  技术水平', GRADE_ZH[d.rating.skill]);
      field('  服务结果', GRADE_ZH[d.rating.result]);
    } else {
      doc.fontSize(10.5).text('  未评价');
    }
    field('客户意见', d.comment);
    doc.moveDown(0.5);
    field('客户签字人', d.signerName);
    field('签字时间', localTime(d.signedAt, d.timeZone));
    if (d.signature) {
      try {
        doc.image(d.signature, { fit: [200, 80] });
      } catch {
        // The bytes were checked as PNG/JPEG on upload; a decoder failure still prints the record, marked below.
        doc.text('（签名图像无法显示）');
      }
    } else {
      doc
        .fillColor('#c00000')
        .text(`客户未签字${d.unsignedReason ? `：${d.unsignedReason}` : ''}`)
        .fillColor('black');
    }
    doc.end();
  });
}
