import { RATING_DIMENSIONS, type TMonthlyReportData } from '@techserve/core';
import ExcelJS from 'exceljs';
import { DIMENSION_ZH, headlineRates } from './monthly-report.pdf';

/** WR-5: the monthly service report as an Excel workbook (Chinese headers; rates as percentages with their explanation). */
export async function renderMonthlyReportXlsx(d: TMonthlyReportData, comment: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'TechServe';
  const overview = book.addWorksheet('概览');
  overview.columns = [
    { header: '指标', key: 'label', width: 16 },
    { header: '数值', key: 'value', width: 10, style: { numFmt: '0.0%' } },
    { header: '分子', key: 'num', width: 8 },
    { header: '分母', key: 'den', width: 8 },
    { header: '计算说明', key: 'text', width: 100 },
  ];
  overview.addRow({ label: '部门', value: null, text: d.department.name });
  overview.addRow({ label: '月份', value: null, text: d.month });
  overview.addRow({ label: '服务请求', value: null, num: d.requests.resolved, den: d.requests.total, text: '已解决 / 受理' });
  for (const [label, r] of headlineRates(d))
    overview.addRow({ label, value: r.value, num: r.numerator, den: r.denominator, text: r.explanation.text['zh-CN'] });
  if (comment.trim()) overview.addRow({ label: '主管意见', value: null, text: comment });
  overview.getRow(1).font = { bold: true };

  const ratings = book.addWorksheet('客户评价');
  ratings.columns = [
    { header: '维度', key: 'd', width: 12 },
    { header: '优', key: 'excellent', width: 8 },
    { header: '良', key: 'good', width: 8 },
    { header: '中', key: 'fair', width: 8 },
    { header: '差', key: 'poor', width: 8 },
  ];
  for (const k of RATING_DIMENSIONS) ratings.addRow({ d: DIMENSION_ZH[k], ...d.ratings[k] });
  ratings.getRow(1).font = { bold: true };

  const engineers = book.addWorksheet('工程师');
  engineers.columns = [
    { header: '工程师', key: 'name', width: 14 },
    { header: '服务请求', key: 'requests', width: 10 },
    { header: '已解决', key: 'resolved', width: 10 },
    { header: '按时到场', key: 'onsiteMet', width: 10 },
    { header: '到场已判定', key: 'onsiteDecided', width: 12 },
    { header: '评价次数', key: 'ratings', width: 10 },
    { header: '三项均优良', key: 'ratingsGoodOrBetter', width: 12 },
    { header: '周报按时', key: 'reportsOnTime', width: 10 },
    { header: '周报应交', key: 'reportsDue', width: 10 },
  ];
  for (const e of d.engineers) engineers.addRow(e);
  engineers.getRow(1).font = { bold: true };

  const sections = book.addWorksheet('事故投诉调查');
  sections.columns = [
    { header: '部分', key: 'title', width: 24 },
    { header: '项目', key: 'label', width: 30 },
    { header: '数值', key: 'value', width: 10 },
  ];
  for (const s of d.sections) {
    if (s.status === 'pending') sections.addRow({ title: s.title['zh-CN'], label: `待提供：${s.note['zh-CN']}` });
    else for (const r of s.rows) sections.addRow({ title: s.title['zh-CN'], label: r.label['zh-CN'], value: r.value });
  }
  sections.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
