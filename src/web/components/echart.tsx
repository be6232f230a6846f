// A small React wrapper around ECharts: init on a ref, resize with the box, dispose on unmount.
// Charts are pictures for sighted users; each one carries an aria-label summary and the caller puts the same
// data in a (visually hidden) table beside it, so nothing is only in the picture.
import { Box } from '@mantine/core';
import { LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  LineChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type EChartOption = echarts.EChartsCoreOption;

type EChartProps = {
  option: EChartOption;
  /** One or two sentences saying what the chart shows (read by screen readers instead of the canvas). */
  summary: string;
  height?: number;
};

export function EChart({ option, summary, height = 260 }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <Box ref={ref} role="img" aria-label={summary} h={height} w="100%" />;
}
