"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";

import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { fieldClassName } from "@/components/ui/field";
import { cn } from "@/lib/utils/cn";

/** A secret or link shown once: read-only, selected on focus, with a copy button. */
export function CopyField({
  value,
  label,
  testId,
  copyLabel,
  copiedLabel,
}: {
  value: string;
  label: string;
  testId?: string;
  /** The button's words; "Copy" / "Copied" in the UI language unless given. */
  copyLabel?: string;
  copiedLabel?: string;
}) {
  const t = useT();
  const [copied, setCopied] = useState(false);

  async function copy() {
    await navigator.clipboard.writeText(value);
    setCopied(true);
  }

  return (
    <div className="flex items-center gap-2">
      <input
        readOnly
        aria-label={label}
        value={value}
        onFocus={(event) => event.currentTarget.select()}
        className={cn(fieldClassName, "min-w-0 flex-1 font-mono text-xs")}
        data-testid={testId}
      />
      <Button type="button" size="sm" variant="outline" onClick={() => void copy().catch(() => setCopied(false))}>
        {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
        {copied ? (copiedLabel ?? t("common.copied")) : (copyLabel ?? t("common.copy"))}
      </Button>
    </div>
  );
}
