"use client";

import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from "recharts";

import { DONUT_COLOURS } from "./donut-colours";

/** Loaded on demand (recharts is large). */
export default function CategoryDonutChart({
  data,
  format,
}: {
  data: { name: string; value: number }[];
  format: (value: number) => string;
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <PieChart>
        <Pie data={data} dataKey="value" nameKey="name" innerRadius="55%" outerRadius="90%" isAnimationActive={false}>
          {data.map((entry, index) => (
            <Cell key={entry.name} fill={DONUT_COLOURS[index % DONUT_COLOURS.length]} />
          ))}
        </Pie>
        <Tooltip formatter={(value) => format(Number(value))} />
      </PieChart>
    </ResponsiveContainer>
  );
}
