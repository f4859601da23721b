"use client";

import { Maximize } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";

import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { fieldClassName } from "@/components/ui/field";
import type { FilterOptions } from "@/lib/analytics/filter-options";

/** The overview's unit (for roles that see every unit) and the way into wall mode for the same scope. */
export function OverviewControls({ units, unit }: { units: FilterOptions["units"]; unit: string | null }) {
  const t = useT();
  const router = useRouter();
  const scoped = (params: Record<string, string>) => `/?${new URLSearchParams({ ...params, ...(unit ? { unit } : {}) })}`;
  return (
    <>
      {units.length > 0 ? (
        <select
          aria-label={t("analytics.filters.unit")}
          data-testid="overview-unit"
          className={fieldClassName}
          value={unit ?? "all"}
          onChange={(event) => router.push(event.target.value === "all" ? "/" : `/?unit=${encodeURIComponent(event.target.value)}`)}
        >
          <option value="all">{t("analytics.filters.allUnits")}</option>
          {units.map((item) => (
            <option key={item.slug} value={item.slug}>
              {item.name}
            </option>
          ))}
        </select>
      ) : null}
      <Button asChild variant="outline" size="sm">
        <Link href={scoped({ kiosk: "1" })} data-testid="open-kiosk">
          <Maximize aria-hidden />
          {t("analytics.overview.kiosk")}
        </Link>
      </Button>
    </>
  );
}
