"use client";

import { Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { sendEnvelope } from "@/lib/queries/fetch-envelope";
import { useApiMutation } from "@/lib/queries/use-api-mutation";

const MAPPING = "mapping-file";
const field = "border-border bg-card w-full rounded-md border px-3 py-2 text-sm";

/** Upload a CSV (streamed by the server), with a preset or a mapping file, and follow its run. */
export function NewRunDialog({ presets }: { presets: readonly string[] }) {
  const t = useT();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [preset, setPreset] = useState(presets[0] ?? "canonical");
  const upload = useApiMutation({
    send: async (form: FormData) => {
      const body = new FormData();
      const mappingFile = form.get("mappingFile");
      if (preset === MAPPING && mappingFile instanceof File) body.set("mapping", await mappingFile.text());
      else body.set("preset", preset);
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

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    upload.mutate(new FormData(event.currentTarget));
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button data-testid="new-run">
          <Upload aria-hidden />
          {t("pipeline.newRun")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("pipeline.newRun")}</DialogTitle>
          <DialogDescription>{t("pipeline.newRunDescription")}</DialogDescription>
        </DialogHeader>
        <form className="flex flex-col gap-4" onSubmit={submit}>
          <label className="flex flex-col gap-1 text-sm font-medium">
            {t("pipeline.file")}
            <input className={field} type="file" name="file" accept=".csv,text/csv" required data-testid="run-file" />
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium">
            {t("pipeline.preset")}
            <select className={field} value={preset} onChange={(event) => setPreset(event.target.value)} data-testid="run-preset">
              {presets.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
              <option value={MAPPING}>{t("pipeline.useMappingFile")}</option>
            </select>
          </label>
          {preset === MAPPING ? (
            <label className="flex flex-col gap-1 text-sm font-medium">
              {t("pipeline.mappingFile")}
              <input className={field} type="file" name="mappingFile" accept=".json,application/json" required />
            </label>
          ) : null}
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="dryRun" data-testid="run-dry" />
            {t("pipeline.dryRun")}
          </label>
          {upload.errorMessage ? (
            <p role="alert" className="text-danger text-sm">
              {upload.errorMessage}
            </p>
          ) : null}
          <DialogFooter>
            <Button type="submit" disabled={upload.isPending} data-testid="run-submit">
              {upload.isPending ? t("pipeline.starting") : t("pipeline.start")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
