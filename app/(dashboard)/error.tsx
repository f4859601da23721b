"use client";

import { TriangleAlert } from "lucide-react";
import { useEffect } from "react";

import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** A page of the dashboard failed; the shell stays usable and the page can be retried. */
export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useT();
  // Server errors reach the browser only as a digest; it matches the server log line.
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <EmptyState
      icon={TriangleAlert}
      title={t("errors.unexpected.title")}
      description={t("errors.unexpected.description")}
      action={
        <div className="flex flex-col items-center gap-3">
          <Button onClick={retry} data-testid="error-retry">
            {t("common.tryAgain")}
          </Button>
          {digest && <p className="text-muted-foreground font-mono text-xs">{t("errors.unexpected.reference", { digest })}</p>}
        </div>
      }
    />
  );
}
