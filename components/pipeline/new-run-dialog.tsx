"use client";

import { Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState, type ChangeEvent, type FormEvent } from "react";

import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { readCsvSample, type CsvSample } from "@/lib/pipeline/csv-sample";
import { missingColumns } from "@/lib/pipeline/detect-mapping";
import { isPresetName, PRESETS, type Mapping } from "@/lib/pipeline/mapping";
import type { SavedMappingView } from "@/lib/pipeline/saved-mapping-schemas";
import { sendEnvelope } from "@/lib/queries/fetch-envelope";
import { readableMessage, useApiMutation } from "@/lib/queries/use-api-mutation";
import { MAPPING_DETECTION_KEY, SAVED_MAPPINGS_KEY, useMappingDetection, useSavedMappings } from "@/lib/queries/use-saved-mappings";

import { DetectedMapping } from "./detected-mapping";
import { DETECT, MAPPING, MappingChoice, PRESET, SAVED } from "./mapping-choice";

const field = "border-border bg-card w-full rounded-md border px-3 py-2 text-sm";

interface NewRunDialogProps {
  presets: readonly string[];
  savedMappings: SavedMappingView[];
  /** Business-unit slugs the user may load, offered for a suggestion's fixed unit. */
  units: readonly string[];
  canManageMappings: boolean;
}

/** Upload a CSV (streamed by the server) with the mapping its header matches, a chosen one, or a corrected suggestion. */
export function NewRunDialog({ presets, savedMappings, units, canManageMappings }: NewRunDialogProps) {
  const t = useT();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState(DETECT);
  const [picked, setPicked] = useState(false);
  const [sample, setSample] = useState<CsvSample | null>(null);
  const [reading, setReading] = useState(false);
  const [draft, setDraft] = useState<Mapping | null>(null);
  const [savedAs, setSavedAs] = useState<string | null>(null);
  const picks = useRef(0);
  const saved = useSavedMappings(savedMappings).data;
  const detection = useMappingDetection(sample);
  const found = detection.data;
  const suggestion = draft ?? (found?.match === "suggested" ? found.mapping : null);
  const missing = suggestion && sample ? missingColumns(suggestion, sample.header) : [];
  const savedChoice = choice.startsWith(SAVED) ? saved.find((item) => `${SAVED}${item.id}` === choice) : undefined;
  const presetChoice = choice.startsWith(PRESET) ? choice.slice(PRESET.length) : null;
  const chosen = savedChoice?.mapping ?? (presetChoice && isPresetName(presetChoice) ? PRESETS[presetChoice] : null);
  const lacks = chosen && sample ? missingColumns(chosen, sample.header) : [];
  const detecting = choice === DETECT && (reading || detection.isLoading);

  const upload = useApiMutation({
    send: async (form: FormData) => {
      const body = new FormData();
      for (const [name, value] of Object.entries(await mappingFields(form))) body.set(name, value);
      body.set("dryRun", form.get("dryRun") === "on" ? "true" : "false");
      // The file part goes last: the server reads the options before streaming it.
      body.set("file", form.get("file") as File);
      return sendEnvelope<{ runId: number }>({ url: "/api/v1/pipeline/runs", body });
    },
    onSuccess: ({ runId }) => {
      setOpen(false);
      router.push(`/pipeline/runs/${runId}`);
    },
  });
  const remove = useApiMutation({
    send: (id: number) => sendEnvelope({ url: `/api/v1/pipeline/mappings/${id}`, method: "DELETE" }),
    invalidates: [SAVED_MAPPINGS_KEY, MAPPING_DETECTION_KEY],
    onSuccess: () => setChoice(DETECT),
  });

  /** The upload's mapping fields; none when a preset was detected, since the server detects it again from the same header. */
  async function mappingFields(form: FormData): Promise<Record<string, string>> {
    const mappingFile = form.get("mappingFile");
    if (choice === MAPPING && mappingFile instanceof File) return { mapping: await mappingFile.text() };
    if (presetChoice) return { preset: presetChoice };
    if (savedChoice) return { savedMapping: String(savedChoice.id) };
    if (found?.match === "saved" && found.savedMappingId !== null) return { savedMapping: String(found.savedMappingId) };
    if (found?.match === "suggested" && suggestion) return { mapping: JSON.stringify(suggestion) };
    return {};
  }

  /** Forgets the file read so far: another file was picked, or the dialog closed (its inputs go with it). */
  function forgetFile(file?: File) {
    // Only the latest pick counts, however the reads of earlier ones end.
    picks.current += 1;
    setPicked(file !== undefined);
    setSample(null);
    setDraft(null);
    setReading(file !== undefined);
    setSavedAs(null);
  }

  async function pickFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    forgetFile(file);
    const pick = picks.current;
    if (!file) return;
    const read = await readCsvSample(file);
    if (pick !== picks.current) return;
    setSample(read);
    setReading(false);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    upload.mutate(new FormData(event.currentTarget));
  }

  const blocked = detecting || (choice === DETECT && missing.length > 0);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) forgetFile();
      }}
    >
      <DialogTrigger asChild>
        <Button data-testid="new-run">
          <Upload aria-hidden />
          {t("pipeline.newRun")}
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{t("pipeline.newRun")}</DialogTitle>
          <DialogDescription>{t("pipeline.newRunDescription")}</DialogDescription>
        </DialogHeader>
        <form className="flex flex-col gap-4" onSubmit={submit}>
          <label className="flex flex-col gap-1 text-sm font-medium">
            {t("pipeline.file")}
            <input
              className={field}
              type="file"
              name="file"
              accept=".csv,text/csv"
              required
              onChange={(event) => void pickFile(event)}
              data-testid="run-file"
            />
          </label>
          <MappingChoice
            value={choice}
            presets={presets}
            saved={saved}
            className={field}
            onChange={(value) => {
              setChoice(value);
              setSavedAs(null);
            }}
          />
          {choice === MAPPING ? (
            <label className="flex flex-col gap-1 text-sm font-medium">
              {t("pipeline.mappingFile")}
              <input className={field} type="file" name="mappingFile" accept=".json,application/json" required />
            </label>
          ) : null}
          {choice === DETECT && picked ? (
            <DetectedMapping
              header={sample?.header ?? null}
              reading={reading}
              detection={{
                data: found,
                isLoading: detection.isLoading,
                errorMessage: detection.error ? readableMessage(detection.error) : null,
              }}
              draft={suggestion}
              missing={missing}
              units={units}
              canSave={canManageMappings}
              onDraftChange={setDraft}
              onSaved={(view) => {
                setChoice(SAVED + view.id);
                setSavedAs(view.name);
              }}
            />
          ) : null}
          {savedAs ? (
            <p role="status" className="text-sm" data-testid="mapping-saved">
              {t("pipeline.mappings.saved", { name: savedAs })}
            </p>
          ) : null}
          {lacks.length > 0 ? (
            <p role="alert" className="text-warning text-sm" data-testid="mapping-lacks">
              {t("pipeline.mappings.lacks", { columns: lacks.join(", ") })}
            </p>
          ) : null}
          {savedChoice && canManageMappings ? (
            <Button
              type="button"
              size="sm"
              variant="ghost"
              className="self-start"
              disabled={remove.isPending}
              onClick={() => remove.mutate(savedChoice.id)}
              data-testid="mapping-remove"
            >
              {t("pipeline.mappings.remove")}
            </Button>
          ) : null}
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="dryRun" data-testid="run-dry" />
            {t("pipeline.dryRun")}
          </label>
          {upload.errorMessage || remove.errorMessage ? (
            <p role="alert" className="text-danger text-sm">
              {upload.errorMessage ?? remove.errorMessage}
            </p>
          ) : null}
          <DialogFooter>
            <Button type="submit" disabled={upload.isPending || blocked} data-testid="run-submit">
              {upload.isPending ? t("pipeline.starting") : t("pipeline.start")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
