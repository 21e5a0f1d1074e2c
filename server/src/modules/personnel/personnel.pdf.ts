import { HANDOVER_ITEMS, type TPersonnelChange } from '@techserve/core';
import { type FormSignature, drawSignatures, shanghaiTime as shanghai } from '../forms/signed-form';
import { heading, line, newPdf, paragraph, table } from '../reports/report-pdf';
import { ITEM_NAMES } from './personnel.service';

export const ROLE_ZH = { outgoing: '原驻场人员', incoming: '接任人员', client: '甲方（信息科）' } as const;

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
  drawSignatures(doc, signatures);
  doc.end();
  return bytes;
}
