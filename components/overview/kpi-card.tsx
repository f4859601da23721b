import { ArrowDownRight, ArrowUpRight, Minus } from "lucide-react";

import { Card } from "@/components/ui/card";
import { FitText } from "@/components/ui/fit-text";
import { cn } from "@/lib/utils/cn";

export interface KpiCardProps {
  id: string;
  label: string;
  value: string;
  /** Shown instead of `value` when the card is too narrow for it ("KES 11.7M"). */
  compactValue?: string;
  /** Signed change, already formatted ("+12.5%"); null when there is nothing to compare with. */
  change: { text: string; direction: "up" | "down" | "flat" } | null;
  comparison: string;
}

const ICONS = { up: ArrowUpRight, down: ArrowDownRight, flat: Minus };
const TONES = { up: "text-emerald-600 dark:text-emerald-400", down: "text-red-600 dark:text-red-400", flat: "text-muted-foreground" };

export function KpiCard({ id, label, value, compactValue = value, change, comparison }: KpiCardProps) {
  const Icon = change ? ICONS[change.direction] : Minus;
  return (
    <Card className="flex flex-col gap-2 p-4 sm:p-5" data-testid={`kpi-${id}`}>
      <h2 className="text-muted-foreground text-sm font-medium">{label}</h2>
      <FitText
        full={value}
        compact={compactValue}
        className="text-2xl font-semibold tabular-nums sm:text-3xl"
        data-testid={`kpi-${id}-value`}
      />
      <p className={cn("flex items-center gap-1 text-sm", change ? TONES[change.direction] : "text-muted-foreground")}>
        <Icon aria-hidden className="size-4" />
        {change ? <span className="font-medium tabular-nums">{change.text}</span> : null}
        <span className="text-muted-foreground">{comparison}</span>
      </p>
    </Card>
  );
}
