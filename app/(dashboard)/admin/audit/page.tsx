import type { Metadata } from "next";

import { FiltersInvalid } from "@/components/analytics/filters-invalid";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditPager } from "@/components/audit/audit-pager";
import { AuditTable } from "@/components/audit/audit-table";
import { PageHeader } from "@/components/ui/page-header";
import { auditLinks } from "@/lib/audit/audit-links";
import { auditQuerySchema } from "@/lib/audit/audit-query";
import { listAuditActions, listAuditEvents } from "@/lib/audit/list-audit-events";
import { getTranslator } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { BUSINESS_TIME_ZONE } from "@/lib/time/business-time";
import { firstValues, type PageSearchParams } from "@/lib/utils/search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("pages.audit.title") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const user = await requireUser("/admin/audit");
  const [t, raw] = await Promise.all([getTranslator(), searchParams]);
  // Empty form fields arrive as "": the same as absent.
  const params = Object.fromEntries(Object.entries(firstValues(raw)).filter(([, value]) => value !== ""));
  const scoped = user.role !== "ADMIN" && user.businessUnitId !== null;
  const [actions, units] = await Promise.all([
    listAuditActions(user),
    scoped ? null : db.businessUnit.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const parsed = auditQuerySchema.safeParse(params);
  const filters = parsed.success ? parsed.data : params;
  const href = auditLinks(filters);
  const page = parsed.success
    ? await listAuditEvents(user, parsed.data).catch((error: unknown) => {
        // Another unit asked for by a scoped reader, or an unknown unit: say so instead of failing the page.
        if (error instanceof AppError && (error.status === 403 || error.status === 422)) return { error: error.message };
        throw error;
      })
    : { error: parsed.error.issues.map((issue) => issue.message).join("; ") };
  const ownUnit = scoped ? (await db.businessUnit.findUnique({ where: { id: user.businessUnitId! }, select: { name: true } }))?.name : null;

  return (
    <>
      <PageHeader title={t("pages.audit.title")} description={t("pages.audit.description")} />
      {ownUnit ? (
        <p className="text-muted-foreground mb-3 text-sm" data-testid="audit-scope">
          {t("audit.scopedTo", { unit: ownUnit })}
        </p>
      ) : null}
      <AuditFilters filters={filters} actions={actions} units={units} exportHref={href("/api/v1/audit", { format: "csv" })} t={t} />
      {"error" in page ? (
        <FiltersInvalid message={page.error} />
      ) : (
        <>
          <AuditTable entries={page.entries} timeZone={BUSINESS_TIME_ZONE} />
          <AuditPager
            count={page.entries.length}
            newestHref={page.newer ? href("/admin/audit") : null}
            newerHref={page.newer ? href("/admin/audit", { after: page.newer }) : null}
            olderHref={page.older ? href("/admin/audit", { before: page.older }) : null}
            t={t}
          />
        </>
      )}
    </>
  );
}
