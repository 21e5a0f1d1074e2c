import type { TPlanItem } from '@techserve/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';

echarts.use([BarChart, GridComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

const day = (date: string) => Date.parse(`${date}T00:00:00Z`);

/**
 * FS-12: the progress plan as a Gantt-like chart — a transparent bar up to each item's start, then its planned span
 * (done part darker); a line marks the contract end, the deadline.
 */
export function PlanGantt({ items, contractEndsOn }: { items: TPlanItem[]; contractEndsOn: string }) {
  const { t } = useTranslation();
  const DAY = 86_400_000;
  const first = Math.min(...items.map((i) => day(i.plannedStart)));
  const offset = (date: string) => (day(date) - first) / DAY;
  const span = (i: TPlanItem) => offset(i.plannedEnd) - offset(i.plannedStart) + 1;
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 16, bottom: 24, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => new Date(first + v * DAY).toISOString().slice(5, 10) } },
    yAxis: { type: 'category', inverse: true, data: items.map((i) => i.name) },
    series: [
      {
        type: 'bar',
        stack: 'plan',
        itemStyle: { color: 'transparent' },
        data: items.map((i) => offset(i.plannedStart)),
        tooltip: { show: false },
      },
      {
        type: 'bar',
        stack: 'plan',
        name: t('projects.plan.done'),
        itemStyle: { color: '#1677ff' },
        data: items.map((i) => (span(i) * i.donePercent) / 100),
      },
      {
        type: 'bar',
        stack: 'plan',
        name: t('projects.plan.remaining'),
        itemStyle: { color: '#bae0ff' },
        data: items.map((i) => (span(i) * (100 - i.donePercent)) / 100),
        markLine: {
          symbol: 'none',
          lineStyle: { color: '#ff4d4f' },
          label: { formatter: t('projects.contractEnds') },
          data: [{ xAxis: offset(contractEndsOn) + 1 }],
        },
      },
    ],
  };
  return (
    <div data-testid="plan-gantt">
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        opts={{ renderer: 'svg' }}
        style={{ height: Math.max(160, 48 + items.length * 32), width: '100%' }}
      />
    </div>
  );
}
