"use client";

import { useT } from "@/components/i18n/i18n-provider";
import type { SavedMappingView } from "@/lib/pipeline/saved-mapping-schemas";

// The values of the choices: detection from the header, a preset, a saved mapping or a mapping file.
export const DETECT = "detect";
export const MAPPING = "mapping-file";
export const PRESET = "preset:";
export const SAVED = "saved:";

interface MappingChoiceProps {
  value: string;
  presets: readonly string[];
  saved: readonly SavedMappingView[];
  className: string;
  onChange: (value: string) => void;
}

/** How a run maps its file: detected from the header (the default), a preset, a saved mapping or a mapping file. */
export function MappingChoice({ value, presets, saved, className, onChange }: MappingChoiceProps) {
  const t = useT();
  return (
    <label className="flex flex-col gap-1 text-sm font-medium">
      {t("pipeline.preset")}
      <select className={className} value={value} onChange={(event) => onChange(event.target.value)} data-testid="run-preset">
        <option value={DETECT}>{t("pipeline.mappings.detect")}</option>
        <optgroup label={t("pipeline.mappings.presetGroup")}>
          {presets.map((name) => (
            <option key={name} value={PRESET + name}>
              {name}
            </option>
          ))}
        </optgroup>
        {saved.length > 0 ? (
          <optgroup label={t("pipeline.mappings.savedGroup")}>
            {saved.map((item) => (
              <option key={item.id} value={SAVED + item.id}>
                {item.businessUnit ? `${item.name} (${item.businessUnit.name})` : item.name}
              </option>
            ))}
          </optgroup>
        ) : null}
        <optgroup label={t("pipeline.mappings.otherGroup")}>
          <option value={MAPPING}>{t("pipeline.useMappingFile")}</option>
        </optgroup>
      </select>
    </label>
  );
}
