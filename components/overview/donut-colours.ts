// Shared by the donut (loaded on demand) and its always-rendered legend.
export const DONUT_COLOURS = ["#0ea5e9", "#f59e0b", "#10b981", "#8b5cf6", "#ef4444", "#14b8a6", "#f97316", "#64748b"];
