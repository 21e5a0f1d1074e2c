import { type THandover, type THoldingKind, localTimeText } from '@techserve/core';
import { heading, line, newPdf, paragraph, table } from '../reports/report-pdf';

const KIND_ZH: Record<THoldingKind, string> = {
  ticket: '服务请求',
  letter: '项目责任书',
  project: '项目',
  region: '负责区域',
  property: '公司财物',
  loan: '借款',
  receivable: '应收款单据',
};
const ROLE_ZH = { leaver: '交接人', successor: '接收人', manager: '监交人' } as const;
const timeIn = (timeZone: string) => (iso: string | null) => (iso ? localTimeText(Date.parse(iso), timeZone).slice(0, 16) : '—');

/** HO-1: the signed handover record (工作交接单) as a PDF with the embedded CJK font; SEC-3's reminder included. */
export async function renderHandoverPdf(
  h: THandover,
  companyName: string,
  signatures: Map<string, Buffer>,
  timeZone: string,
): Promise<Buffer> {
  const time = timeIn(timeZone);
  const { doc, bytes } = newPdf(`工作交接单-${h.user.name}`);
  doc.fontSize(16).text(companyName, { align: 'center' });
  doc
    .fontSize(14)
    .text(h.kind === 'leaving' ? '离职工作交接单' : '调岗工作交接单', { align: 'center' })
    .moveDown();
  line(doc, '交接人', h.user.name);
  line(doc, '接收人', h.successor.name);
  line(doc, '监交人', h.manager.name);
  line(doc, '发起', `${h.startedByName}，${time(h.startedAt)}`);
  line(doc, '状态', h.status === 'completed' ? `已完成（${time(h.completedAt)}）` : h.status === 'cancelled' ? '已取消' : '进行中');
  if (h.note) paragraph(doc, h.note);
  heading(doc, '交接清单');
  table(
    doc,
    [70, 205, 60, 80, 80],
    ['类别', '事项', '状态', '接收人', '时间'],
    h.items.map((i) => [
      KIND_ZH[i.kind],
      i.label,
      i.status === 'open' ? '未移交' : i.outcome === 'returned' ? '已归还' : '已移交',
      i.toUserName ?? '—',
      time(i.doneAt),
    ]),
  );
  paragraph(doc, h.explanation.text['zh-CN'], '#595959');
  heading(doc, '保密协议（SEC-3）');
  const c = h.confidentiality;
  paragraph(doc, c ? `入职时签订保密协议：${c.signedOn}，版本 ${c.agreementVersion}。` : '未登记入职保密协议。');
  paragraph(doc, '提醒：保密义务在离职后继续有效；工作成果与客户资料归公司所有，须全部移交，不得带走或泄露。');
  heading(doc, '签字', 120);
  for (const role of ['leaver', 'successor', 'manager'] as const) {
    const s = h.signatures.find((x) => x.role === role);
    line(doc, ROLE_ZH[role], s ? `${s.name}，${time(s.signedAt)}` : '未签字');
    const image = signatures.get(role);
    if (image) {
      doc.image(image, { fit: [160, 60] });
      doc.moveDown(0.3);
    }
  }
  doc.end();
  return bytes;
}
