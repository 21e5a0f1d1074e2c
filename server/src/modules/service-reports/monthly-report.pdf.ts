import { RATING_DIMENSIONS, type TMonthlyReportData, localTimeText } from '@techserve/core';
import { barChart, heading, line, newPdf, paragraph, table } from '../reports/report-pdf';

export const DIMENSION_ZH = { attitude: '服务态度', skill: '技术水平', result: '服务结果' } as const;
export const pct = (v: number | null) => (v === null ? '—' : `${(Math.round(v * 1000) / 10).toFixed(1)}%`);
const pctValue = (v: number | null) => (v === null ? 0 : Math.round(v * 1000) / 10);

/** The headline rates of the report, in order (label, rate). */
export function headlineRates(d: TMonthlyReportData) {
  return [
    ['服务及时率', d.rates.timeliness],
    ['解决率', d.rates.resolution],
    ['态度满意度', d.rates.satisfaction.attitude],
    ['技术满意度', d.rates.satisfaction.skill],
    ['结果满意度', d.rates.satisfaction.result],
    ['客户签字率', d.rates.signatures],
    ['周报按时率', d.rates.weeklyReportsOnTime],
  ] as const;
}

/** WR-5: the monthly service report as a PDF (Chinese, embedded CJK font) with its charts drawn as vectors. */
export async function renderMonthlyReportPdf(
  d: TMonthlyReportData,
  meta: { companyName: string; comment: string; submittedBy: string | null; submittedAt: string | null; timeZone: string },
): Promise<Buffer> {
  const { doc, bytes } = newPdf(`技术服务月度报表 ${d.department.name} ${d.month}`);
  doc.fontSize(16).text(meta.companyName, { align: 'center' });
  doc.fontSize(14).text(`技术服务月度报表 ${d.month}`, { align: 'center' }).moveDown();
  line(doc, '部门', d.department.name);
  line(doc, '报告人', meta.submittedBy ?? '（预览，未提交）');
  line(doc, '提交时间', meta.submittedAt ? localTimeText(Date.parse(meta.submittedAt), meta.timeZone).slice(0, 16) : '—');
  line(doc, '数据时间', localTimeText(Date.parse(d.computedAt), meta.timeZone).slice(0, 16));
  line(doc, '政策版本', d.policyVersion);
  line(doc, '本月服务请求', `${d.requests.total}（已解决 ${d.requests.resolved}）`);

  heading(doc, '一、主要指标', 250);
  const rates = headlineRates(d);
  barChart(
    doc,
    '主要指标（%）',
    rates.map(([label]) => label),
    [{ name: '比例', values: rates.map(([, r]) => pctValue(r.value)) }],
    { max: 100, unit: '%' },
  );
  table(
    doc,
    [90, 70, 335],
    ['指标', '数值', '计算说明'],
    rates.map(([label, r]) => [label, pct(r.value), r.explanation.text['zh-CN']]),
  );

  heading(doc, '二、客户评价（FS-8）', 250);
  barChart(
    doc,
    '客户评价分布（次）',
    RATING_DIMENSIONS.map((k) => DIMENSION_ZH[k]),
    [
      { name: '优', values: RATING_DIMENSIONS.map((k) => d.ratings[k].excellent) },
      { name: '良', values: RATING_DIMENSIONS.map((k) => d.ratings[k].good) },
      { name: '中', values: RATING_DIMENSIONS.map((k) => d.ratings[k].fair) },
      { name: '差', values: RATING_DIMENSIONS.map((k) => d.ratings[k].poor) },
    ],
  );

  heading(doc, '三、文档完整性');
  line(doc, '现场签收', `${d.signoffs.total} 份，客户签字 ${d.signoffs.signed} 份（${pct(d.rates.signatures.value)}）`);
  const w = d.weeklyReports;
  line(
    doc,
    '工程师周报',
    `按时 ${w.onTime}，逾期 ${w.late}，未交 ${w.missing}，免责 ${w.excused}（按时率 ${pct(d.rates.weeklyReportsOnTime.value)}）`,
  );

  heading(doc, '四、工程师', 250);
  const top = d.engineers.slice(0, 10);
  if (top.length > 0)
    barChart(
      doc,
      '工程师服务请求（前 10 名）',
      top.map((e) => e.name),
      [
        { name: '受理', values: top.map((e) => e.requests) },
        { name: '解决', values: top.map((e) => e.resolved) },
      ],
    );
  table(
    doc,
    [95, 60, 60, 95, 95, 90],
    ['工程师', '请求', '解决', '按时到场', '评价优良', '周报按时'],
    d.engineers.map((e) => [
      e.name,
      e.requests,
      e.resolved,
      `${e.onsiteMet}/${e.onsiteDecided}`,
      `${e.ratingsGoodOrBetter}/${e.ratings}`,
      `${e.reportsOnTime}/${e.reportsDue}`,
    ]),
  );

  heading(doc, '五、事故、投诉与满意度调查');
  for (const s of d.sections) {
    if (s.status === 'pending') line(doc, s.title['zh-CN'], `待提供：${s.note['zh-CN']}`);
    else {
      line(doc, s.title['zh-CN'], '');
      for (const r of s.rows) paragraph(doc, `  ${r.label['zh-CN']}：${r.value}`);
    }
  }
  if (meta.comment.trim()) {
    heading(doc, '六、主管意见');
    paragraph(doc, meta.comment);
  }
  doc.end();
  return bytes;
}
