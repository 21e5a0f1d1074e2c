import { existsSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { CJK_FONT_PATH } from '../field/service-record.pdf';

// A small toolkit for the reports' PDFs (weekly report, monthly service report): an A4 document with the embedded CJK
// font (Chinese must render, as in the service record), headings, label–value lines, tables and bar charts drawn as
// vectors, so the charts of the web (ECharts) appear in the printed report too.

export type Pdf = InstanceType<typeof PDFDocument>;

const MARGIN = 50;
const PAGE_BOTTOM = 842 - MARGIN;
export const PALETTE = ['#1677ff', '#52c41a', '#faad14', '#f5222d', '#722ed1', '#13c2c2'];

// The CJK font file (about 20 MB) is read once per process, not once per document.
let cjkFont: Buffer | null | undefined;
const cjkFontBytes = () => {
  if (cjkFont === undefined) cjkFont = existsSync(CJK_FONT_PATH) ? readFileSync(CJK_FONT_PATH) : null;
  return cjkFont;
};

/** A document and the promise of its bytes once `doc.end()` is called. */
export function newPdf(title: string): { doc: Pdf; bytes: Promise<Buffer> } {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: title, Producer: 'TechServe' } });
  const chunks: Buffer[] = [];
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const font = cjkFontBytes();
  if (font) doc.registerFont('cjk', font, 'NotoSansCJKsc-Regular').font('cjk');
  return { doc, bytes };
}

/** Starts a new page when less than `height` points are left. */
export function ensureSpace(doc: Pdf, height: number) {
  if (doc.y + height > PAGE_BOTTOM) doc.addPage();
}

/** A section heading; `keepWith` points of what follows stay on its page (a chart: about 250). */
export function heading(doc: Pdf, text: string, keepWith = 40) {
  ensureSpace(doc, keepWith);
  doc.moveDown(0.6).fontSize(13).fillColor('#000').text(text, MARGIN, doc.y).moveDown(0.3);
}

export function line(doc: Pdf, label: string, value: string | number | null | undefined) {
  const v = value === null || value === undefined || value === '' ? '—' : String(value);
  doc.fontSize(10.5).fillColor('#000').text(`${label}：${v}`, MARGIN, doc.y);
}

export function paragraph(doc: Pdf, text: string, color = '#000') {
  doc
    .fontSize(10.5)
    .fillColor(color)
    .text(text.trim() || '—', MARGIN, doc.y)
    .fillColor('#000');
}

/** A simple table: header row, then rows; column widths in points (summing to at most 495). */
export function table(doc: Pdf, widths: number[], header: string[], rows: (string | number)[][]) {
  const draw = (cells: (string | number)[], bold: boolean) => {
    const heights = cells.map((c, i) => doc.fontSize(9.5).heightOfString(String(c), { width: widths[i] - 6 }));
    const h = Math.max(16, ...heights.map((x) => x + 6));
    ensureSpace(doc, h);
    const y = doc.y;
    let x = MARGIN;
    if (bold)
      doc
        .rect(
          MARGIN,
          y,
          widths.reduce((a, b) => a + b, 0),
          h,
        )
        .fill('#f0f5ff');
    doc.fillColor('#000');
    cells.forEach((c, i) => {
      doc.fontSize(9.5).text(String(c), x + 3, y + 3, { width: widths[i] - 6 });
      x += widths[i];
    });
    doc
      .moveTo(MARGIN, y + h)
      .lineTo(x, y + h)
      .lineWidth(0.5)
      .strokeColor('#d9d9d9')
      .stroke();
    doc.y = y + h;
    doc.x = MARGIN;
  };
  draw(header, true);
  for (const r of rows) draw(r, false);
  doc.moveDown(0.3);
}

/** A round upper bound for an axis (1, 2, 4, 5, 8 × a power of ten), so the four gridlines have round values. */
function niceMax(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 4, 5, 8, 10].find((m) => m * magnitude >= value) ?? 10;
  const top = step * magnitude;
  return top < 4 ? 4 : top;
}

export type BarSeries = { name: string; values: number[] };

/**
 * A grouped bar chart drawn with vectors: categories along the x axis, one bar per series in each group, values
 * labelled above the bars, a legend below. `max` fixes the y scale (e.g. 100 for percentages).
 */
export function barChart(doc: Pdf, title: string, categories: string[], series: BarSeries[], opts: { max?: number; unit?: string } = {}) {
  const width = 495;
  const height = 170;
  ensureSpace(doc, height + 60);
  doc.fontSize(10.5).fillColor('#000').text(title, MARGIN, doc.y);
  const top = doc.y + 6;
  const plotLeft = MARGIN + 30;
  const plotWidth = width - 30;
  const plotHeight = height - 30;
  const all = series.flatMap((s) => s.values);
  const max = opts.max ?? niceMax(Math.max(1, ...all));
  // Axes and gridlines.
  doc.lineWidth(0.5).strokeColor('#bfbfbf');
  for (let i = 0; i <= 4; i++) {
    const y = top + plotHeight - (plotHeight * i) / 4;
    doc
      .moveTo(plotLeft, y)
      .lineTo(plotLeft + plotWidth, y)
      .stroke();
    doc
      .fontSize(7)
      .fillColor('#8c8c8c')
      .text(String(Math.round((max * i) / 4)), MARGIN, y - 4, { width: 26, align: 'right' });
  }
  const groupWidth = plotWidth / Math.max(1, categories.length);
  const barWidth = Math.max(3, Math.min(28, (groupWidth * 0.7) / Math.max(1, series.length)));
  categories.forEach((cat, c) => {
    const groupLeft = plotLeft + c * groupWidth + (groupWidth - barWidth * series.length) / 2;
    series.forEach((s, k) => {
      const v = s.values[c] ?? 0;
      const h = max > 0 ? (plotHeight * Math.min(v, max)) / max : 0;
      const x = groupLeft + k * barWidth;
      const y = top + plotHeight - h;
      if (h > 0) doc.rect(x, y, barWidth - 1, h).fill(PALETTE[k % PALETTE.length]);
      doc
        .fontSize(6.5)
        .fillColor('#262626')
        .text(`${Number.isInteger(v) ? v : v.toFixed(1)}${opts.unit ?? ''}`, x - 6, y - 9, { width: barWidth + 12, align: 'center' });
    });
    doc
      .fontSize(7.5)
      .fillColor('#262626')
      .text(cat, plotLeft + c * groupWidth, top + plotHeight + 3, { width: groupWidth, align: 'center', height: 20, ellipsis: true });
  });
  // Legend.
  let lx = plotLeft;
  const ly = top + plotHeight + 22;
  series.forEach((s, k) => {
    doc.rect(lx, ly, 8, 8).fill(PALETTE[k % PALETTE.length]);
    doc
      .fontSize(8)
      .fillColor('#262626')
      .text(s.name, lx + 11, ly - 1, { lineBreak: false });
    lx += 16 + doc.widthOfString(s.name) + 12;
  });
  doc.fillColor('#000');
  doc.y = ly + 16;
  doc.x = MARGIN;
}
