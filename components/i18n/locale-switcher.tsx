"use client";

import { useId } from "react";

import { isLocale, LOCALE_NAMES, LOCALES } from "@/lib/i18n/config";
import { sendEnvelope } from "@/lib/queries/fetch-envelope";
import { useApiMutation } from "@/lib/queries/use-api-mutation";
import { cn } from "@/lib/utils/cn";

import { useLocale, useT } from "./i18n-provider";

/**
 * A native <select> of the UI languages. Signed-in users save the choice on their
 * account; on the login page only the cookie is set (the server tells them apart).
 */
export function LocaleSwitcher({ className }: { className?: string }) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  // The server renders every string, so a refresh switches the whole page.
  const change = useApiMutation({
    send: (value: string) => sendEnvelope({ url: "/api/v1/locale", method: "PUT", body: { locale: value } }),
    refresh: true,
  });

  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-muted-foreground text-xs font-medium">
        {t("locale.label")}
      </label>
      <select
        id={id}
        name="locale"
        data-testid="locale-switcher"
        value={locale}
        disabled={change.isPending}
        onChange={(event) => isLocale(event.target.value) && change.mutate(event.target.value)}
        // Menus use letters and arrows for their own navigation; keep them for the select.
        onKeyDown={(event) => event.stopPropagation()}
        className="border-border bg-card focus-visible:ring-ring h-9 rounded-md border px-2 text-sm focus-visible:ring-2 focus-visible:outline-none disabled:opacity-60"
      >
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LOCALE_NAMES[option]}
          </option>
        ))}
      </select>
      {change.isError && (
        <p role="alert" className="text-danger text-xs">
          {t("locale.changeFailed")}
        </p>
      )}
    </div>
  );
}
