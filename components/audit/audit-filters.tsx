import Link from "next/link";

import { buttonClassName } from "@/components/ui/button";
import { fieldClassName } from "@/components/ui/field";
import { FilterField } from "@/components/ui/filter-field";
import { auditActionLabel } from "@/lib/audit/action-label";
import type { AuditFilters as Filters } from "@/lib/audit/audit-query";
import type { Translator } from "@/lib/i18n/translate";

interface AuditFiltersProps {
  filters: Partial<Filters>;
  /** The actions the reader's log holds. */
  actions: readonly string[];
  /** Units to choose from; null for a reader scoped to one unit (no choice to make). */
  units: readonly { slug: string; name: string }[] | null;
  exportHref: string;
  t: Translator;
}

/** A plain GET form: filtering starts again from the newest entries; the export takes the same filters. */
export function AuditFilters({ filters, actions, units, exportHref, t }: AuditFiltersProps) {
  const choices = filters.action && !actions.includes(filters.action) ? [...actions, filters.action] : actions;
  return (
    <form
      action="/admin/audit"
      aria-label={t("audit.filters.label")}
      className="mb-4 flex flex-wrap items-end gap-3"
      data-testid="audit-filters"
    >
      <FilterField label={t("audit.filters.actor")} className="min-w-48 flex-1">
        <input
          name="actor"
          type="search"
          defaultValue={filters.actor ?? ""}
          placeholder={t("audit.filters.actorPlaceholder")}
          className={fieldClassName}
          data-testid="audit-actor"
        />
      </FilterField>
      <FilterField label={t("audit.filters.action")}>
        <select name="action" defaultValue={filters.action ?? ""} className={fieldClassName} data-testid="audit-action">
          <option value="">{t("audit.filters.anyAction")}</option>
          {choices.map((action) => (
            <option key={action} value={action}>
              {auditActionLabel(t, action)}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField label={t("audit.filters.from")}>
        <input name="from" type="date" defaultValue={filters.from ?? ""} className={fieldClassName} data-testid="audit-from" />
      </FilterField>
      <FilterField label={t("audit.filters.to")}>
        <input name="to" type="date" defaultValue={filters.to ?? ""} className={fieldClassName} data-testid="audit-to" />
      </FilterField>
      {units ? (
        <FilterField label={t("audit.filters.unit")}>
          <select name="unit" defaultValue={filters.unit ?? ""} className={fieldClassName} data-testid="audit-unit">
            <option value="">{t("audit.filters.anyUnit")}</option>
            {units.map((unit) => (
              <option key={unit.slug} value={unit.slug}>
                {unit.name}
              </option>
            ))}
          </select>
        </FilterField>
      ) : null}
      <button type="submit" className={buttonClassName()} data-testid="audit-apply">
        {t("audit.filters.apply")}
      </button>
      <Link href="/admin/audit" className={buttonClassName({ variant: "ghost" })} data-testid="audit-reset">
        {t("audit.filters.reset")}
      </Link>
      <a href={exportHref} download className={buttonClassName({ variant: "outline" })} data-testid="audit-export">
        {t("audit.filters.export")}
      </a>
    </form>
  );
}
