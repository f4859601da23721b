"use client";

import { useState } from "react";

import { useT } from "@/components/i18n/i18n-provider";
import { REJECT_REASONS } from "@/lib/pipeline/columns";

import { QuarantineTable } from "./quarantine-table";

const field = "border-border bg-card rounded-md border px-3 py-2 text-sm";

/** The quarantine page's filters (run, reason, status) over the rejected rows. */
export function QuarantineReview({ initialRunId }: { initialRunId?: number }) {
  const t = useT();
  const [runId, setRunId] = useState(initialRunId ? String(initialRunId) : "");
  const [reason, setReason] = useState("");
  const [status, setStatus] = useState("PENDING");
  const run = /^\d+$/.test(runId) ? Number(runId) : undefined;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-3">
        <label className="flex flex-col gap-1 text-xs font-medium">
          {t("pipeline.runFilter")}
          <input
            className={field}
            inputMode="numeric"
            value={runId}
            placeholder={t("pipeline.allRuns")}
            onChange={(event) => setRunId(event.target.value)}
            data-testid="filter-run"
          />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium">
          {t("pipeline.reasonFilter")}
          <select className={field} value={reason} onChange={(event) => setReason(event.target.value)} data-testid="filter-reason">
            <option value="">{t("pipeline.allReasons")}</option>
            {REJECT_REASONS.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium">
          {t("pipeline.statusFilter")}
          <select className={field} value={status} onChange={(event) => setStatus(event.target.value)} data-testid="filter-status">
            {(["PENDING", "DISCARDED", "REPROCESSED"] as const).map((value) => (
              <option key={value} value={value}>
                {t(`pipeline.status.${value}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QuarantineTable filter={{ runId: run, reason: reason || undefined, status }} />
    </div>
  );
}
