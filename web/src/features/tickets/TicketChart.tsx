import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { EChartsOption } from 'echarts-for-react/esm/types';

// Only the chart types the dashboards draw (the supervisor's and the executive one), rendered as SVG (crisp on phones, and light).
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** An ECharts chart; `onClick` gets the clicked item's index in its series' data. */
export function TicketChart({
  option,
  height = 260,
  onClick,
  testId,
}: {
  option: EChartsOption;
  height?: number;
  onClick?: (dataIndex: number) => void;
  testId?: string;
}) {
  return (
    <div data-testid={testId}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        lazyUpdate
        opts={{ renderer: 'svg' }}
        style={{ height, width: '100%' }}
        onEvents={onClick ? { click: (params: { dataIndex: number }) => onClick(params.dataIndex) } : undefined}
      />
    </div>
  );
}
