import { buttonClassName } from "@/components/ui/button";
import { fieldClassName } from "@/components/ui/field";
import { EXPLORER_FILTER_KEYS } from "@/lib/explorer/explorer-links";
import { EXPLORER_SORTS, type ExplorerOptions } from "@/lib/explorer/options";
import type { Translator } from "@/lib/i18n/translate";

interface ExplorerSearchProps {
  params: Record<string, string>;
  options: ExplorerOptions;
  exportHref: string;
  t: Translator;
}

/** A plain GET form: searching or re-sorting starts again from the first page, keeping the filters. */
export function ExplorerSearch({ params, options, exportHref, t }: ExplorerSearchProps) {
  return (
    <form action="/explorer" className="mb-4 flex flex-wrap items-end gap-3" data-testid="explorer-search">
      {EXPLORER_FILTER_KEYS.map((key) => (params[key] ? <input key={key} type="hidden" name={key} value={params[key]} /> : null))}
      <label className="flex min-w-64 flex-1 flex-col gap-1 text-xs font-medium">
        <span className="text-muted-foreground">{t("explorer.search")}</span>
        <input
          name="q"
          type="search"
          defaultValue={options.q ?? ""}
          placeholder={t("explorer.searchPlaceholder")}
          className={fieldClassName}
          data-testid="explorer-q"
        />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium">
        <span className="text-muted-foreground">{t("explorer.sort")}</span>
        <select name="sort" defaultValue={options.sort} className={fieldClassName} data-testid="explorer-sort">
          {EXPLORER_SORTS.map((value) => (
            <option key={value} value={value}>
              {t(`explorer.sorts.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium">
        <span className="text-muted-foreground">{t("explorer.direction")}</span>
        <select name="dir" defaultValue={options.dir} className={fieldClassName} data-testid="explorer-dir">
          <option value="desc">{t("explorer.directions.desc")}</option>
          <option value="asc">{t("explorer.directions.asc")}</option>
        </select>
      </label>
      <button type="submit" className={buttonClassName()} data-testid="explorer-apply">
        {t("explorer.apply")}
      </button>
      <a href={exportHref} download className={buttonClassName({ variant: "outline" })} data-testid="explorer-export">
        {t("explorer.export")}
      </a>
    </form>
  );
}
