"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ChartSeries {
  key: string;
  label: string;
  colour: string;
}

export interface ReportChartProps {
  kind: "bar" | "line";
  data: Record<string, string | number>[];
  x: string;
  series: ChartSeries[];
  /** Exact values, for the tooltip. */
  format: (value: number) => string;
  /** Y axis ticks, where space is short (compact notation); defaults to `format`. */
  tickFormat?: (value: number) => string;
  height?: number;
}

/** The one chart shape the analytics views need: bars or lines over a category or time axis. */
export function ReportChart({ kind, data, x, series, format, tickFormat = format, height = 288 }: ReportChartProps) {
  const Chart = kind === "bar" ? BarChart : LineChart;
  return (
    <ResponsiveContainer width="100%" height={height}>
      <Chart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
        <XAxis dataKey={x} fontSize={12} />
        {/* "auto" sizes the axis to its longest tick label: a fixed width clipped large figures. */}
        <YAxis width="auto" tickFormatter={tickFormat} fontSize={12} />
        <Tooltip formatter={(value) => format(Number(value))} />
        {series.length > 1 ? <Legend /> : null}
        {series.map((item) =>
          kind === "bar" ? (
            <Bar key={item.key} dataKey={item.key} name={item.label} fill={item.colour} isAnimationActive={false} />
          ) : (
            <Line key={item.key} dataKey={item.key} name={item.label} stroke={item.colour} dot={false} isAnimationActive={false} />
          ),
        )}
      </Chart>
    </ResponsiveContainer>
  );
}

export const COLOURS = ["#0ea5e9", "#f59e0b", "#10b981", "#8b5cf6", "#ef4444", "#14b8a6"];
