import type { Locale } from "@/lib/i18n/config";
import { formatNumber } from "@/lib/i18n/format";
import type { Translator } from "@/lib/i18n/translate";
import type { NoticeView } from "@/lib/notices/types";

const unitName = (slug: string) => slug.replace(/^\w/, (letter) => letter.toUpperCase());

/** A notice's title and detail in the reader's language, from its kind and params; `time` is the page's clock. */
export function noticeText(
  notice: NoticeView,
  t: Translator,
  locale: Locale,
  time: (value: string) => string,
): { title: string; detail: string } {
  const n = (value: number) => formatNumber(value, locale);
  switch (notice.kind) {
    case "RUN_FINISHED": {
      const { runId, fileName, dryRun, read, valid, rejected, inserted, updated, unchanged } = notice.params;
      const counts = {
        read: n(read),
        valid: n(valid),
        rejected: n(rejected),
        inserted: n(inserted),
        updated: n(updated),
        unchanged: n(unchanged),
      };
      return {
        title: t(dryRun ? "notices.kinds.RUN_FINISHED.dryTitle" : "notices.kinds.RUN_FINISHED.title", { id: runId, file: fileName }),
        detail: t("notices.kinds.RUN_FINISHED.detail", counts),
      };
    }
    case "RUN_FAILED":
      return {
        title: t("notices.kinds.RUN_FAILED.title", { id: notice.params.runId, file: notice.params.fileName }),
        detail: t("notices.kinds.RUN_FAILED.detail", { error: notice.params.error }),
      };
    case "QUARANTINE_WAITING":
      return {
        title: t("notices.kinds.QUARANTINE_WAITING.title", { rows: n(notice.params.rows) }),
        detail: t("notices.kinds.QUARANTINE_WAITING.detail", { id: notice.params.runId, file: notice.params.fileName }),
      };
    case "KPIS_STALE": {
      const scope = notice.params.scope === "all" ? t("notices.allUnits") : unitName(notice.params.scope);
      return {
        title: t("notices.kinds.KPIS_STALE.title", { scope }),
        detail: t("notices.kinds.KPIS_STALE.detail", { error: notice.params.error }),
      };
    }
    case "GENERATOR_ENDED": {
      const unit = notice.params.unit === null ? t("notices.allUnits") : unitName(notice.params.unit);
      return {
        title: t("notices.kinds.GENERATOR_ENDED.title", { unit }),
        detail: t("notices.kinds.GENERATOR_ENDED.detail", { count: n(notice.params.produced) }),
      };
    }
    case "SHARE_EXPIRING":
      return {
        title: t("notices.kinds.SHARE_EXPIRING.title", { label: notice.params.label ?? t("notices.unlabelled") }),
        detail: t("notices.kinds.SHARE_EXPIRING.detail", { time: time(notice.params.expiresAt) }),
      };
  }
}
