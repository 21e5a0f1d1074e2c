import { HANDOVER_ITEMS, type TPersonnelChange } from '@techserve/core';
import { heading, line, newPdf, paragraph, table } from '../reports/report-pdf';
import { ITEM_NAMES } from './personnel.service';

/** A signature on the form: who, when, how, and the drawn image when signed on a device. */
export type FormSignature = {
  role: 'outgoing' | 'incoming' | 'client';
  name: string;
  at: string;
  method: 'device' | 'app';
  image: Buffer | null;
};

const ROLE_ZH = { outgoing: '原驻场人员', incoming: '接任人员', client: '甲方（信息科）' } as const;
const shanghai = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** RS-6: the handover confirmation form (工作交接确认表) as a PDF with the embedded CJK font, archived when all have signed. */
export async function renderHandoverForm(change: TPersonnelChange, signatures: FormSignature[], companyName: string): Promise<Buffer> {
  const { doc, bytes } = newPdf(`工作交接确认表 #${change.id}`);
  doc.fontSize(16).text(`${companyName}  工作交接确认表`, { align: 'center' }).moveDown(0.8);
  line(doc, '编号', `#${change.id}（${change.kind === 'replacement' ? 'RS-7 甲方要求更换' : 'RS-6 人员变更'}）`);
  line(doc, '现场', change.siteName);
  line(doc, '原驻场人员', change.outgoingName);
  line(doc, '接任人员', change.incomingName);
  line(doc, '变更日期', change.changeDate);
  line(doc, '交接期', change.handoverStart && change.handoverEnd ? `${change.handoverStart} 至 ${change.handoverEnd}` : null);
  heading(doc, '接任人员资质');
  paragraph(doc, change.qualifications ?? '');
  heading(doc, '交接内容');
  table(
    doc,
    [150, 90, 110, 145],
    ['项目', '完成', '确认人 / 时间', '说明'],
    HANDOVER_ITEMS.map((item) => {
      const c = change.checklist.find((x) => x.item === item);
      return [ITEM_NAMES[item].zh, c?.done ? '已完成' : '未完成', c?.at ? `${c.byName ?? ''} ${shanghai(c.at)}` : '—', c?.note ?? '—'];
    }),
  );
  heading(doc, '甲方对接任人员的测试');
  paragraph(
    doc,
    change.test
      ? `${change.test.passed ? '通过' : '未通过'}：${change.test.note}（${change.test.byName}，${shanghai(change.test.at)}）`
      : '未测试',
  );
  heading(doc, '签字确认', 160);
  for (const s of signatures) {
    doc.fontSize(10.5).text(`${ROLE_ZH[s.role]}：${s.name}    ${shanghai(s.at)}    ${s.method === 'device' ? '手写签名' : '系统内确认'}`);
    if (s.image) {
      const y = doc.y + 4;
      try {
        doc.image(s.image, doc.page.margins.left, y, { fit: [180, 60] });
        doc.y = y + 66;
      } catch {
        // A stored signature pdfkit cannot decode stays archived on its own; the form says so instead of failing.
        doc.fontSize(9).fillColor('#888').text('（手写签名图像另行存档）').fillColor('#000');
      }
    }
    doc.moveDown(0.4);
  }
  doc.end();
  return bytes;
}
