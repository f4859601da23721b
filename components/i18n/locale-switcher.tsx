"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";

import { setAnonymousLocale, updateLocale } from "@/lib/i18n/actions";
import { isLocale, LOCALE_NAMES, LOCALES } from "@/lib/i18n/config";
import { cn } from "@/lib/utils/cn";

import { useLocale, useT } from "./i18n-provider";

/**
 * A native <select> of the UI languages. Signed-in users save the choice on their
 * account; on the login page (`anonymous`) only the cookie is set.
 */
export function LocaleSwitcher({ anonymous = false, className }: { anonymous?: boolean; className?: string }) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [failed, setFailed] = useState(false);

  function onChange(value: string) {
    if (!isLocale(value)) return;
    startTransition(async () => {
      const result = await (anonymous ? setAnonymousLocale : updateLocale)({ locale: value });
      setFailed(!result.ok);
      // The server renders every string, so a refresh switches the whole page.
      if (result.ok) router.refresh();
    });
  }

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
        disabled={pending}
        onChange={(event) => onChange(event.target.value)}
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
      {failed && (
        <p role="alert" className="text-danger text-xs">
          {t("locale.changeFailed")}
        </p>
      )}
    </div>
  );
}
