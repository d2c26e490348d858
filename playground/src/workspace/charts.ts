// Pictures where staff would rather look than read (Apache ECharts, tree-shaken, drawn as
// SVG so that the text in them is real text): the grade distribution of a run, the
// sections' average share of their caps, and a unit's total across years.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, TitleComponent, TooltipComponent, SVGRenderer]);

const charts = new WeakMap<HTMLElement, echarts.ECharts>();

function chartIn(el: HTMLElement): echarts.ECharts {
  let c = charts.get(el);
  if (!c) {
    c = echarts.init(el, undefined, { renderer: 'svg' });
    charts.set(el, c);
    new ResizeObserver(() => c!.resize()).observe(el);
  }
  return c;
}

const GRADE_COLOUR: Record<string, string> = { 优: '#1a7f37', 良: '#0969da', 中: '#9a6700', 差: '#cf222e' };

export function gradeChart(el: HTMLElement, title: string, grades: { grade: string; count: number }[], order: readonly string[]): void {
  const sorted = [...grades].sort((a, b) => (order.indexOf(a.grade) + 1 || 99) - (order.indexOf(b.grade) + 1 || 99));
  chartIn(el).setOption(
    {
      title: { text: title, textStyle: { fontSize: 13 } },
      tooltip: {},
      grid: { left: 40, right: 10, top: 36, bottom: 24 },
      xAxis: { type: 'category', data: sorted.map((g) => g.grade) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: sorted.map((g) => ({ value: g.count, itemStyle: { color: GRADE_COLOUR[g.grade] ?? '#6e7781' } })), label: { show: true, position: 'top' } }],
    },
    true,
  );
}

export function sectionsChart(el: HTMLElement, title: string, sections: { name: string; share: number; average: number; cap: number }[]): void {
  chartIn(el).setOption(
    {
      title: { text: title, textStyle: { fontSize: 13 } },
      tooltip: {
        formatter: (p: { name: string; value: number; dataIndex: number }) => `${p.name}: ${p.value}%（${sections[p.dataIndex]!.average} / ${sections[p.dataIndex]!.cap}）`,
      },
      grid: { left: 110, right: 40, top: 36, bottom: 24 },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: sections.map((s) => s.name), inverse: true },
      series: [
        { type: 'bar', data: sections.map((s) => Math.round(s.share * 1000) / 10), label: { show: true, position: 'right', formatter: '{c}%' }, itemStyle: { color: '#0969da' } },
      ],
    },
    true,
  );
}

export function historyChart(el: HTMLElement, title: string, points: { year: number; total: number | null; grade: string | null }[]): void {
  chartIn(el).setOption(
    {
      title: { text: title, textStyle: { fontSize: 13 } },
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 20, top: 36, bottom: 24 },
      xAxis: { type: 'category', data: points.map((p) => String(p.year)) },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [
        {
          type: 'line',
          showSymbol: true,
          symbolSize: 8,
          data: points.map((p) => p.total),
          label: { show: true, formatter: (x: { dataIndex: number; value: number }) => `${x.value} ${points[x.dataIndex]!.grade ?? ''}` },
        },
      ],
    },
    true,
  );
}
