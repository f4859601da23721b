"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { fieldClassName } from "@/components/ui/field";
import type { Mapping } from "@/lib/pipeline/mapping";
import type { MappingDetection, SavedMappingView } from "@/lib/pipeline/saved-mapping-schemas";
import { sendEnvelope } from "@/lib/queries/fetch-envelope";
import { useApiMutation } from "@/lib/queries/use-api-mutation";
import { MAPPING_DETECTION_KEY, SAVED_MAPPINGS_KEY } from "@/lib/queries/use-saved-mappings";

import { MappingEditor } from "./mapping-editor";

interface DetectedMappingProps {
  /** The file's header, once read; null while reading or when it could not be read. */
  header: readonly string[] | null;
  reading: boolean;
  detection: { data?: MappingDetection; isLoading: boolean; errorMessage: string | null };
  /** The suggestion as the user corrected it (the suggestion itself until then). */
  draft: Mapping | null;
  missing: readonly string[];
  units: readonly string[];
  canSave: boolean;
  onDraftChange: (mapping: Mapping) => void;
  onSaved: (saved: SavedMappingView) => void;
}

/** What the header matched, or the suggested mapping to correct and save under a name. */
export function DetectedMapping({
  header,
  reading,
  detection,
  draft,
  missing,
  units,
  canSave,
  onDraftChange,
  onSaved,
}: DetectedMappingProps) {
  const t = useT();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const save = useApiMutation({
    send: (input: { name: string; mapping: Mapping }) => sendEnvelope<SavedMappingView>({ url: "/api/v1/pipeline/mappings", body: input }),
    invalidates: [SAVED_MAPPINGS_KEY, MAPPING_DETECTION_KEY],
    onSuccess: (saved) => {
      // In the list at once, so the dialog can select it before the list is read again.
      queryClient.setQueryData<SavedMappingView[]>(SAVED_MAPPINGS_KEY, (list = []) => [
        ...list.filter((item) => item.id !== saved.id),
        saved,
      ]);
      onSaved(saved);
    },
  });

  const status = (text: string) => (
    <p role="status" className="text-sm" data-testid="mapping-detected">
      {text}
    </p>
  );
  if (reading || detection.isLoading) return status(t("pipeline.mappings.reading"));
  if (header === null) return status(t("pipeline.mappings.unreadable"));
  if (detection.errorMessage) return status(t("pipeline.mappings.failed", { error: detection.errorMessage }));
  const found = detection.data;
  if (!found) return null;
  if (found.match === "preset") return status(t("pipeline.mappings.detectedPreset", { name: found.name ?? "" }));
  if (found.match === "saved") return status(t("pipeline.mappings.detectedSaved", { name: found.name ?? "" }));
  if (!draft) return null;

  return (
    <div className="flex flex-col gap-3" data-testid="mapping-suggestion">
      <p className="text-muted-foreground text-sm">{t("pipeline.mappings.suggested")}</p>
      {missing.length > 0 ? (
        <p role="alert" className="text-danger text-sm" data-testid="mapping-missing">
          {t("pipeline.mappings.missing", { columns: missing.join(", ") })}
        </p>
      ) : null}
      <MappingEditor header={header} mapping={draft} missing={missing} units={units} onChange={onDraftChange} />
      {canSave ? (
        // Not a form: it sits inside the run's form, and Enter there starts the run.
        <div className="flex flex-wrap items-end gap-2">
          <label className="flex min-w-48 flex-1 flex-col gap-1 text-sm font-medium">
            {t("pipeline.mappings.name")}
            <input
              className={fieldClassName}
              value={name}
              maxLength={80}
              placeholder={t("pipeline.mappings.namePlaceholder")}
              onChange={(event) => setName(event.target.value)}
              data-testid="mapping-name"
            />
          </label>
          <Button
            type="button"
            variant="outline"
            disabled={save.isPending || name.trim() === "" || missing.length > 0}
            onClick={() => save.mutate({ name, mapping: draft })}
            data-testid="mapping-save"
          >
            {save.isPending ? t("pipeline.mappings.saving") : t("pipeline.mappings.save")}
          </Button>
          {save.errorMessage ? (
            <p role="alert" className="text-danger w-full text-sm" data-testid="mapping-save-error">
              {save.errorMessage}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
