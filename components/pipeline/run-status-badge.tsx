"use client";

import { useT } from "@/components/i18n/i18n-provider";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { RunStatus } from "@/lib/pipeline/types";

const TONES: Record<RunStatus, BadgeTone> = { QUEUED: "neutral", RUNNING: "info", SUCCEEDED: "success", FAILED: "danger" };

export function RunStatusBadge({ status }: { status: RunStatus }) {
  const t = useT();
  return (
    <Badge tone={TONES[status]} data-testid="run-status" data-status={status}>
      {t(`pipeline.status.${status}`)}
    </Badge>
  );
}
