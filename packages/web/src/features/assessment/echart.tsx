import { BarChart, LineChart, TreemapChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the charts the assessment pages draw, so the lazy chunk stays small.
echarts.use([BarChart, LineChart, TreemapChart, GridComponent, TooltipComponent, CanvasRenderer]);

export type EChartOption = Parameters<echarts.ECharts['setOption']>[0];
export type EChartClick = { data?: unknown; name?: string };

/** One ECharts canvas, resized with its box; `onClick` receives the clicked item. */
export const EChart = ({
  option,
  height = 320,
  onClick,
  testId,
}: {
  option: EChartOption;
  height?: number;
  onClick?: (item: EChartClick) => void;
  testId?: string;
}) => {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    if (!box.current) return;
    const c = echarts.init(box.current);
    chart.current = c;
    c.on('click', (p) => click.current?.(p as EChartClick));
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={box} style={{ width: '100%', height }} data-testid={testId} />;
};

/** Red (0) → amber → green (max): the colour of a score in the heat map. */
export const scoreColour = (score: number | null, max = 100) => {
  if (score === null) return '#d9d9d9';
  const x = Math.max(0, Math.min(1, score / max));
  const hue = Math.round(x * 120);
  return `hsl(${hue}, 65%, 50%)`;
};
