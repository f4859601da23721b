"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface HourlyPoint {
  hour: number;
  today: number;
  yesterday: number;
}

/** Loaded on demand (recharts is large): the overview paints its numbers first. */
export default function HourlyTrendChart({
  data,
  labels,
  format,
  tickFormat,
}: {
  data: HourlyPoint[];
  labels: { today: string; yesterday: string };
  format: (value: number) => string;
  /** Compact, for the Y axis; the tooltip keeps the exact figure. */
  tickFormat: (value: number) => string;
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
        <XAxis dataKey="hour" tickFormatter={(hour: number) => `${hour}h`} fontSize={12} />
        {/* "auto" sizes the axis to its longest tick label: a fixed width clipped large figures. */}
        <YAxis width="auto" tickFormatter={tickFormat} fontSize={12} />
        <Tooltip formatter={(value) => format(Number(value))} labelFormatter={(hour) => `${Number(hour)}:00`} />
        <Legend />
        <Bar dataKey="yesterday" name={labels.yesterday} fill="#94a3b8" isAnimationActive={false} />
        <Bar dataKey="today" name={labels.today} fill="#0ea5e9" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
