"use client";

import Link from "next/link";
import type { FormEvent } from "react";

import { useT } from "@/components/i18n/i18n-provider";
import { useBusinessClock } from "@/components/time/business-clock";
import { Button } from "@/components/ui/button";
import { fieldClassName } from "@/components/ui/field";
import { TitledSection } from "@/components/ui/titled-section";
import type { SourceView } from "@/lib/pipeline/remote-sources";
import { sendEnvelope, type ApiWrite } from "@/lib/queries/fetch-envelope";
import { useApiMutation } from "@/lib/queries/use-api-mutation";

/** Remote CSV sources with their last poll; admins add, poll now, pause or resume, and remove them. */
export function RemoteSources({ sources, presets, canManage }: { sources: SourceView[]; presets: readonly string[]; canManage: boolean }) {
  const t = useT();
  const write = useApiMutation({ send: (write: ApiWrite) => sendEnvelope(write), refresh: true });
  const busy = write.isPending;
  const { format } = useBusinessClock();
  const when = (value: string | null) => (value ? format(value) : "—");

  function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    write.mutate({ url: "/api/v1/pipeline/sources", body: Object.fromEntries(new FormData(form)) }, { onSuccess: () => form.reset() });
  }

  return (
    <TitledSection title={t("pipeline.sources.title")} className="mb-6" testId="remote-sources">
      {sources.length === 0 ? (
        <p className="text-muted-foreground text-sm">{t("pipeline.sources.empty")}</p>
      ) : (
        <ul className="divide-border divide-y rounded-lg border">
          {sources.map((source) => (
            <li
              key={source.id}
              className="flex flex-wrap items-center gap-3 p-3 text-sm"
              data-testid="remote-source"
              data-status={source.lastStatus ?? ""}
              data-enabled={String(source.enabled)}
            >
              <span className="min-w-56 flex-1">
                <span className="font-medium">{source.name}</span>
                <span className="text-muted-foreground block text-xs break-all">{source.url}</span>
                <span className="text-muted-foreground block text-xs">
                  {t("pipeline.sources.every", { minutes: source.intervalMinutes, preset: source.preset })} ·{" "}
                  {t("pipeline.sources.lastPolled")} {when(source.lastPolledAt)} · {t("pipeline.sources.lastGood")}{" "}
                  {when(source.lastGoodAt)}
                  {source.lastRunId ? (
                    <>
                      {" · "}
                      <Link href={`/pipeline/runs/${source.lastRunId}`} className="underline">
                        {t("pipeline.runTitle", { id: source.lastRunId })}
                      </Link>
                    </>
                  ) : null}
                </span>
                {source.enabled ? null : (
                  <span className="text-warning block text-xs" data-testid="remote-source-paused">
                    {t("pipeline.sources.paused")}
                  </span>
                )}
                {source.lastStatus === "FAILED" ? (
                  <span role="status" className="text-danger block text-xs" data-testid="remote-source-error">
                    {t("pipeline.sources.failing", { error: source.lastError ?? "" })}
                  </span>
                ) : null}
              </span>
              {canManage ? (
                <>
                  <Button
                    size="sm"
                    variant="outline"
                    disabled={busy}
                    onClick={() => write.mutate({ url: `/api/v1/pipeline/sources/${source.id}/poll` })}
                    data-testid="remote-source-poll"
                  >
                    {t("pipeline.sources.pollNow")}
                  </Button>
                  <Button
                    size="sm"
                    variant="outline"
                    disabled={busy}
                    onClick={() =>
                      write.mutate({ url: `/api/v1/pipeline/sources/${source.id}`, method: "PATCH", body: { enabled: !source.enabled } })
                    }
                    data-testid="remote-source-toggle"
                  >
                    {t(source.enabled ? "pipeline.sources.pause" : "pipeline.sources.resume")}
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={busy}
                    onClick={() => write.mutate({ url: `/api/v1/pipeline/sources/${source.id}`, method: "DELETE" })}
                  >
                    {t("pipeline.sources.remove")}
                  </Button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        <form onSubmit={(event) => void add(event)} className="flex flex-wrap items-end gap-3" data-testid="add-source">
          <label className="flex flex-col gap-1 text-xs font-medium">
            <span className="text-muted-foreground">{t("pipeline.sources.name")}</span>
            <input name="name" required maxLength={80} className={fieldClassName} data-testid="source-name" />
          </label>
          <label className="flex min-w-64 flex-1 flex-col gap-1 text-xs font-medium">
            <span className="text-muted-foreground">{t("pipeline.sources.url")}</span>
            <input name="url" required className={fieldClassName} data-testid="source-url" />
          </label>
          <label className="flex flex-col gap-1 text-xs font-medium">
            <span className="text-muted-foreground">{t("pipeline.preset")}</span>
            <select name="preset" className={fieldClassName}>
              {presets.map((preset) => (
                <option key={preset} value={preset}>
                  {preset}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-xs font-medium">
            <span className="text-muted-foreground">{t("pipeline.sources.interval")}</span>
            <input name="intervalMinutes" type="number" min={5} defaultValue={60} className={`${fieldClassName} w-24`} />
          </label>
          <Button type="submit" disabled={busy} data-testid="source-add">
            {t("pipeline.sources.add")}
          </Button>
        </form>
      ) : null}
      {write.errorMessage ? (
        <p role="alert" className="text-danger text-sm" data-testid="sources-error">
          {write.errorMessage}
        </p>
      ) : null}
    </TitledSection>
  );
}
