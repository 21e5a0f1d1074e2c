import { type TWeeklyReport, localTimeText } from '@techserve/core';
import { heading, line, newPdf, paragraph, table } from './report-pdf';

const CATEGORY_ZH: Record<string, string> = {
  quality_feedback: '产品质量反馈',
  competitor: '竞争对手',
  peer_news: '同行动态',
  new_product: '新产品调研',
  customer_inventory: '客户库存',
  other: '其他',
};

/** WR-4: the weekly report as a PDF (Chinese, embedded CJK font), with its late mark and explanation (WR-4 by time received). */
export async function renderWeeklyReportPdf(r: TWeeklyReport, companyName: string, timeZone: string): Promise<Buffer> {
  const { doc, bytes } = newPdf(r.fileName);
  doc.fontSize(16).text(companyName, { align: 'center' });
  doc
    .fontSize(14)
    .text(r.kind === 'supervisor' ? '技术服务周报（主管报总经理）' : '技术服务周报', { align: 'center' })
    .moveDown();
  line(doc, '姓名', r.userName);
  line(doc, '周次', `${r.weekStart} 起一周`);
  line(doc, '收到时间', localTimeText(Date.parse(r.submittedAt), timeZone).slice(0, 16));
  const o = r.obligation;
  if (o) {
    line(doc, '截止时间', localTimeText(Date.parse(o.dueAt), timeZone));
    const state =
      o.state === 'late' ? `逾期 ${o.lateMinutes ?? 0} 分钟` : o.state === 'on_time' ? '按时' : o.state === 'excused' ? '已免责' : '未提交';
    if (o.state === 'late') doc.fillColor('#c00000');
    line(doc, '提交情况', state);
    doc.fillColor('#000');
    if (o.judgement) paragraph(doc, o.judgement.text['zh-CN'], '#595959');
  }
  heading(doc, '本周数据');
  const s = r.stats;
  table(
    doc,
    [165, 165, 165],
    ['项目', '数量', '说明'],
    [
      ['处理的服务请求', s.requestsWorked, `其中解决 ${s.requestsResolved}`],
      ['现场服务', s.visits, `现场 ${Math.round(s.onSiteMinutes / 6) / 10} 小时`],
      ['记录工时', `${Math.round(s.timeSpentMinutes / 6) / 10} 小时`, ''],
      ['工作日志', s.dailyLogs, ''],
      ['出差天数', s.travelDays, ''],
      ...(s.teamReports
        ? [
            [
              '部门工程师周报',
              s.teamReports.onTime + s.teamReports.late,
              `按时 ${s.teamReports.onTime}，逾期 ${s.teamReports.late}，未交 ${s.teamReports.open}，免责 ${s.teamReports.excused}`,
            ],
          ]
        : []),
    ],
  );
  heading(doc, '本周工作');
  paragraph(doc, r.summary);
  heading(doc, '问题与困难');
  paragraph(doc, r.problems);
  heading(doc, '下周计划');
  paragraph(doc, r.nextWeek);
  heading(doc, '市场信息反馈（WR-3）');
  if (r.marketFeedback.length === 0) paragraph(doc, '无');
  else
    table(
      doc,
      [100, 315, 80],
      ['类别', '内容', '服务请求'],
      r.marketFeedback.map((m) => [CATEGORY_ZH[m.category] ?? m.category, m.content, m.ticketNumber ?? '']),
    );
  doc.end();
  return bytes;
}
