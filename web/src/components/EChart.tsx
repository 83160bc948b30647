import { BarChart, LineChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// A thin React wrapper around ECharts (no echarts-for-react): init on mount, setOption on change,
// resize with the container, dispose on unmount. Only the chart types the dashboard draws are
// registered, which keeps the bundle small.
echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  DataZoomComponent,
  CanvasRenderer,
]);

export type EChartOption = echarts.EChartsCoreOption;
/** What a click on a bar or point hands back: the `key` carried in the data item, if any. */
export type EChartClick = { key?: string; seriesIndex?: number; dataIndex: number; name: string };

/** Axis and series names of an option, for tests and screen readers (`data-labels`). */
const labelsOf = (option: EChartOption): string[] => {
  const names = (v: unknown) =>
    (Array.isArray(v) ? v : v ? [v] : []).flatMap((x: { name?: unknown }) =>
      typeof x?.name === 'string' && x.name ? [x.name] : [],
    );
  return [...names(option.xAxis), ...names(option.yAxis), ...names(option.series)];
};

export function EChart({
  option,
  testId,
  height = 320,
  onClick,
}: {
  option: EChartOption;
  testId: string;
  height?: number;
  onClick?: (e: EChartClick) => void;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const c = echarts.init(node, undefined, { renderer: 'canvas' });
    chart.current = c;
    // `finished` fires once the chart (and its animation) has been drawn; the tests wait for it.
    c.on('finished', () => {
      node.dataset.rendered = '1';
    });
    c.on('click', (p) => {
      const data = p.data as { key?: string } | null | undefined;
      click.current?.({ key: data?.key, seriesIndex: p.seriesIndex, dataIndex: p.dataIndex, name: p.name });
    });
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(node);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const node = el.current;
    if (!node || !chart.current) return;
    node.dataset.labels = labelsOf(option).join('|');
    chart.current.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={el}
      data-testid={testId}
      role="img"
      aria-label={labelsOf(option).join('，')}
      style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }}
    />
  );
}
