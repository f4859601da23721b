"use client";

import { AuditDetails } from "@/components/audit/audit-details";
import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { auditActionLabel, auditTargetLabel } from "@/lib/audit/action-label";
import type { AuditEntry } from "@/lib/audit/audit-query";
import { formatInstant } from "@/lib/time/format-instant";

/** One page of the audit log, newest first; times in the business time zone. */
export function AuditTable({ entries, timeZone }: { entries: AuditEntry[]; timeZone: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <DataTable
      testId="audit-table"
      rows={entries}
      rowKey={(entry) => entry.id}
      rowData={(entry) => ({ "data-action": entry.action, "data-unit": entry.businessUnit?.slug ?? "", "data-id": String(entry.id) })}
      empty={<span data-testid="audit-empty">{t("audit.empty")}</span>}
      columns={[
        {
          key: "at",
          label: t("audit.columns.at"),
          cell: (entry) => <time dateTime={entry.at}>{formatInstant(entry.at, locale, timeZone)}</time>,
        },
        {
          key: "actor",
          label: t("audit.columns.actor"),
          cell: (entry) =>
            entry.actor ? (
              <span className="flex flex-col">
                <span>{entry.actor.name}</span>
                <span className="text-muted-foreground text-xs" data-testid="audit-actor-email">
                  {entry.actor.email}
                </span>
              </span>
            ) : (
              <span className="text-muted-foreground">{t("audit.noActor")}</span>
            ),
        },
        {
          key: "action",
          label: t("audit.columns.action"),
          cell: (entry) => (
            <Badge tone="outline" title={entry.action} data-testid="audit-action-label">
              {auditActionLabel(t, entry.action)}
            </Badge>
          ),
        },
        {
          key: "target",
          label: t("audit.columns.target"),
          cell: (entry) =>
            entry.targetType ? `${auditTargetLabel(t, entry.targetType)}${entry.targetId ? ` #${entry.targetId}` : ""}` : "—",
        },
        {
          key: "unit",
          label: t("audit.columns.unit"),
          cell: (entry) => entry.businessUnit?.name ?? <span className="text-muted-foreground">{t("audit.companyWide")}</span>,
        },
        {
          key: "address",
          label: t("audit.columns.address"),
          cell: (entry) => <span className="font-mono text-xs">{entry.ip ?? t("audit.unknownAddress")}</span>,
        },
        {
          key: "details",
          label: t("audit.columns.details"),
          className: "min-w-72 whitespace-normal",
          cell: (entry) => <AuditDetails details={entry.details} empty={t("audit.noDetails")} />,
        },
      ]}
    />
  );
}
