"use client";

import { Play, RotateCcw, Square } from "lucide-react";
import { useId, useState, type FormEvent } from "react";

import { useT } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { fieldClassName } from "@/components/ui/field";
import {
  DEFAULT_DURATION_SECONDS,
  DEFAULT_RATE_PER_SECOND,
  MAX_DURATION_SECONDS,
  MAX_RATE_PER_SECOND,
  startGeneratorSchema,
} from "@/lib/invoices/schemas";
import type { GeneratorStatusView } from "@/lib/invoices/types";
import { sendEnvelope } from "@/lib/queries/fetch-envelope";
import { useApiMutation } from "@/lib/queries/use-api-mutation";
import { invoiceStreamKey } from "@/lib/queries/use-invoice-stream";

import { generatorKey, GeneratorList } from "./generator-list";

type Action = "start" | "stop" | "reset";

interface GeneratorControlsProps {
  status: GeneratorStatusView;
  /** "all" or the caller's unit slug. */
  scope: string;
  unitName: string | null;
  timeZone: string;
}

/**
 * Start (for a unit or every unit, with an optional rate and duration), Stop of every generator the
 * viewer controls or of one, and Reset behind a confirmation. The server checks the role and scope again.
 */
export function GeneratorControls({ status, scope, unitName, timeZone }: GeneratorControlsProps) {
  const t = useT();
  const [rate, setRate] = useState("");
  const [duration, setDuration] = useState("");
  const [unit, setUnit] = useState("");
  const [confirming, setConfirming] = useState(false);
  const control = useApiMutation({
    // Start's input is checked here first, for a message at once; the server validates it again.
    send: ({ action, body }: { action: Action; body?: Record<string, string | undefined> }) =>
      sendEnvelope({ url: `/api/control/${action}`, body: action === "start" ? startGeneratorSchema.parse(body) : body }),
    // The broadcast updates every open page; this one also reads back at once.
    invalidates: [invoiceStreamKey(scope)],
    onSuccess: () => setConfirming(false),
  });
  const pending = control.isPending ? control.variables.action : null;
  // The generator one Stop is stopping; "" while any other control (or a Stop of everything) is on its way.
  const busy = pending === null ? null : pending === "stop" ? (control.variables?.body?.businessUnit ?? "") : "";

  const unscoped = scope === "all";
  const others = status.generators.filter((generator) => generator.businessUnit !== status.businessUnit);
  // An unscoped controller controls every generator; a scoped one only its unit's (shown on top).
  const stoppable = new Set(unscoped ? status.generators.map(generatorKey) : [scope]);
  const target = unscoped ? unit || null : scope;
  const targetRunning = (status.generators.find((generator) => generator.businessUnit === target) ?? status).state === "RUNNING";
  const anyRunning = [status, ...status.generators].some(
    (generator) => stoppable.has(generatorKey(generator)) && generator.state === "RUNNING",
  );

  function start(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = { ratePerSecond: rate || undefined, durationSeconds: duration || undefined, businessUnit: unit || undefined };
    control.mutate({ action: "start", body });
  }

  return (
    <div className="space-y-3" aria-label={t("invoices.controls.label")} role="group">
      <GeneratorList
        generators={others}
        stoppable={stoppable}
        busy={busy}
        onStop={(key) => control.mutate({ action: "stop", body: { businessUnit: key } })}
        timeZone={timeZone}
      />
      <form onSubmit={start} className="flex flex-wrap items-end gap-3">
        {unscoped ? (
          <label className="flex flex-col gap-1 text-sm">
            <span className="text-muted-foreground">{t("invoices.grid.unit")}</span>
            <select className={fieldClassName} value={unit} onChange={(event) => setUnit(event.target.value)} data-testid="unit-select">
              <option value="">{t("invoices.scope.all")}</option>
              {status.generators.flatMap((generator) =>
                generator.businessUnit
                  ? [
                      <option key={generator.businessUnit} value={generator.businessUnit}>
                        {generator.businessUnit}
                      </option>,
                    ]
                  : [],
              )}
            </select>
          </label>
        ) : null}
        <CountInput
          label={t("invoices.controls.rate")}
          max={MAX_RATE_PER_SECOND}
          placeholder={DEFAULT_RATE_PER_SECOND}
          value={rate}
          onChange={setRate}
          testId="rate-input"
        />
        <CountInput
          label={t("invoices.controls.duration")}
          max={MAX_DURATION_SECONDS}
          placeholder={DEFAULT_DURATION_SECONDS}
          value={duration}
          onChange={setDuration}
          testId="duration-input"
        />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={targetRunning || pending !== null} data-testid="start-button">
            <Play aria-hidden />
            {pending === "start" ? t("invoices.controls.starting") : t("invoices.controls.start")}
          </Button>
          <Button
            variant="outline"
            disabled={!anyRunning || pending !== null}
            onClick={() => control.mutate({ action: "stop" })}
            data-testid="stop-button"
          >
            <Square aria-hidden />
            {pending === "stop" && busy === "" ? t("invoices.controls.stopping") : t("invoices.controls.stop")}
          </Button>
          <Dialog open={confirming} onOpenChange={setConfirming}>
            <DialogTrigger asChild>
              <Button variant="ghost" disabled={pending !== null} data-testid="reset-button">
                <RotateCcw aria-hidden />
                {t("invoices.controls.reset")}
              </Button>
            </DialogTrigger>
            <DialogContent>
              <DialogHeader>
                <DialogTitle>{t("invoices.controls.resetTitle")}</DialogTitle>
                <DialogDescription>
                  {unitName ? t("invoices.controls.resetUnit", { unit: unitName }) : t("invoices.controls.resetAll")}
                </DialogDescription>
              </DialogHeader>
              <DialogFooter>
                <DialogClose asChild>
                  <Button variant="outline">{t("invoices.controls.cancel")}</Button>
                </DialogClose>
                <Button
                  variant="destructive"
                  disabled={pending !== null}
                  onClick={() => control.mutate({ action: "reset" })}
                  data-testid="reset-confirm"
                >
                  {pending === "reset" ? t("invoices.controls.resetting") : t("invoices.controls.resetConfirm")}
                </Button>
              </DialogFooter>
            </DialogContent>
          </Dialog>
        </div>
      </form>
      {control.errorMessage ? (
        <p role="alert" className="text-danger text-sm" data-testid="control-error">
          {control.errorMessage}
        </p>
      ) : null}
    </div>
  );
}

interface CountInputProps {
  label: string;
  max: number;
  /** The server's default, shown while the field is empty. */
  placeholder: number;
  value: string;
  onChange: (value: string) => void;
  testId: string;
}

/** A whole number from 1 to `max`, kept as typed (the start request validates it). */
function CountInput({ label, max, placeholder, value, onChange, testId }: CountInputProps) {
  const id = useId();
  return (
    <label className="flex flex-col gap-1 text-sm" htmlFor={id}>
      <span className="text-muted-foreground">{label}</span>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        max={max}
        placeholder={String(placeholder)}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid={testId}
        className="border-border bg-background focus-visible:ring-ring h-9 w-32 rounded-md border px-3 tabular-nums focus-visible:ring-2 focus-visible:outline-none"
      />
    </label>
  );
}
