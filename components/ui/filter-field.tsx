import type { ReactNode } from "react";

import { cn } from "@/lib/utils/cn";

/** One labelled control of a filter bar: the caption above, the input or select below. */
export function FilterField({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <label className={cn("flex flex-col gap-1 text-xs font-medium", className)}>
      <span className="text-muted-foreground">{label}</span>
      {children}
    </label>
  );
}
