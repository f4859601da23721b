"use client";

import type { FormEvent } from "react";

import { useT } from "@/components/i18n/i18n-provider";
import { useBusinessClock } from "@/components/time/business-clock";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { fieldClassName } from "@/components/ui/field";
import { TitledSection } from "@/components/ui/titled-section";
import { NOTIFICATION_KINDS, type DeliveryView, type TargetView } from "@/lib/notifications/targets";
import { sendEnvelope, type ApiWrite } from "@/lib/queries/fetch-envelope";
import { useApiMutation } from "@/lib/queries/use-api-mutation";

/** Targets (add, enable, test, remove) and the delivery history; every change re-reads the page. */
export function NotificationSettings({ targets, deliveries }: { targets: TargetView[]; deliveries: DeliveryView[] }) {
  const t = useT();
  const write = useApiMutation({ send: (write: ApiWrite) => sendEnvelope(write), refresh: true });
  const busy = write.isPending;
  const time = useBusinessClock();

  function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    write.mutate({ url: "/api/v1/notifications/targets", body: Object.fromEntries(new FormData(form)) }, { onSuccess: () => form.reset() });
  }

  return (
    <div className="space-y-6">
      <TitledSection title={t("notifications.targets")}>
        {targets.length === 0 ? (
          <p className="text-muted-foreground text-sm">{t("notifications.noTargets")}</p>
        ) : (
          <ul className="divide-border divide-y rounded-lg border" data-testid="targets">
            {targets.map((target) => (
              <li key={target.id} className="flex flex-wrap items-center gap-3 p-3" data-testid="target" data-target={target.target}>
                <span className="min-w-48 flex-1 text-sm">
                  <span className="text-muted-foreground mr-2 text-xs">{t(`notifications.kinds.${target.kind}`)}</span>
                  {target.label ? <span className="mr-2 font-medium">{target.label}</span> : null}
                  <span className="break-all">{target.target}</span>
                </span>
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={target.enabled}
                    disabled={busy}
                    onChange={(event) =>
                      write.mutate({
                        url: `/api/v1/notifications/targets/${target.id}`,
                        method: "PATCH",
                        body: { enabled: event.target.checked },
                      })
                    }
                    data-testid="target-enabled"
                  />
                  {t("notifications.enabled")}
                </label>
                <Button
                  size="sm"
                  variant="outline"
                  disabled={busy}
                  onClick={() => write.mutate({ url: `/api/v1/notifications/targets/${target.id}/test` })}
                  data-testid="target-test"
                >
                  {t("notifications.test")}
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={busy}
                  onClick={() => write.mutate({ url: `/api/v1/notifications/targets/${target.id}`, method: "DELETE" })}
                  data-testid="target-remove"
                >
                  {t("notifications.remove")}
                </Button>
              </li>
            ))}
          </ul>
        )}
        <form onSubmit={(event) => void add(event)} className="flex flex-wrap items-end gap-3" data-testid="add-target">
          <label className="flex flex-col gap-1 text-xs font-medium">
            <span className="text-muted-foreground">{t("notifications.kind")}</span>
            <select name="kind" className={fieldClassName} data-testid="target-kind">
              {NOTIFICATION_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`notifications.kinds.${kind}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex min-w-64 flex-1 flex-col gap-1 text-xs font-medium">
            <span className="text-muted-foreground">{t("notifications.target")}</span>
            <input name="target" required className={fieldClassName} data-testid="target-address" />
          </label>
          <label className="flex flex-col gap-1 text-xs font-medium">
            <span className="text-muted-foreground">{t("notifications.label")}</span>
            <input name="label" maxLength={80} className={fieldClassName} />
          </label>
          <Button type="submit" disabled={busy} data-testid="target-add">
            {t("notifications.add")}
          </Button>
        </form>
        {write.errorMessage ? (
          <p role="alert" className="text-danger text-sm" data-testid="notifications-error">
            {write.errorMessage}
          </p>
        ) : null}
      </TitledSection>

      <TitledSection title={t("notifications.history")}>
        {deliveries.length === 0 ? (
          <p className="text-muted-foreground text-sm">{t("notifications.noDeliveries")}</p>
        ) : (
          <DataTable
            testId="deliveries"
            rows={deliveries}
            rowKey={(row) => row.id}
            columns={[
              { key: "when", label: t("notifications.columns.when"), cell: (row) => time.format(row.createdAt) },
              { key: "target", label: t("notifications.columns.target"), cell: (row) => row.target },
              {
                key: "run",
                label: t("notifications.columns.run"),
                cell: (row) => (row.isTest ? t("notifications.testRun") : `#${row.runId ?? "—"}`),
              },
              {
                key: "status",
                label: t("notifications.columns.status"),
                cell: (row) => (
                  <span data-testid="delivery-status" data-status={row.status}>
                    {t(`notifications.statuses.${row.status}`)}
                  </span>
                ),
              },
              { key: "attempts", label: t("notifications.columns.attempts"), cell: (row) => row.attempts, numeric: true },
              { key: "error", label: t("notifications.columns.error"), cell: (row) => row.error ?? "" },
            ]}
          />
        )}
      </TitledSection>
    </div>
  );
}
