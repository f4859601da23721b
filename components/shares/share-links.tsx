"use client";

import { Link2 } from "lucide-react";
import { useState, type FormEvent } from "react";

import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { useBusinessClock } from "@/components/time/business-clock";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyField } from "@/components/ui/copy-field";
import { DataTable } from "@/components/ui/data-table";
import { fieldClassName } from "@/components/ui/field";
import { TitledSection } from "@/components/ui/titled-section";
import { formatNumber } from "@/lib/i18n/format";
import { sendEnvelope } from "@/lib/queries/fetch-envelope";
import { useApiMutation } from "@/lib/queries/use-api-mutation";
import {
  newShareSchema,
  SHARE_EXPIRY_PRESET_NAMES,
  SHARE_MAX_LIFETIME_MS,
  SHARE_MIN_LIFETIME_MS,
  type CreatedShare,
  type NewShare,
  type ShareStatus,
  type ShareView,
} from "@/lib/shares/schemas";
import { formText } from "@/lib/utils/form-text";

export interface ShareableScopes {
  /** Whether the user may share every unit at once. */
  all: boolean;
  units: { slug: string; name: string }[];
}

const STATUS_TONES: Record<ShareStatus, BadgeTone> = { active: "success", expired: "neutral", revoked: "danger" };
const CUSTOM = "custom";

/** A `datetime-local` value (local time, to the minute) `ms` from now. */
function localInputValue(ms: number): string {
  const at = new Date(Date.now() + ms);
  at.setMinutes(at.getMinutes() - at.getTimezoneOffset());
  return at.toISOString().slice(0, 16);
}

/** Share links: create one (its URL shown once, with a copy button), list them, revoke at once. */
export function ShareLinks({ shares, scopes }: { shares: ShareView[]; scopes: ShareableScopes }) {
  const t = useT();
  const [created, setCreated] = useState<CreatedShare | null>(null);
  return (
    <div className="space-y-6">
      <TitledSection title={t("shares.create.title")} testId="share-create">
        <p className="text-muted-foreground text-sm">{t("shares.create.description")}</p>
        <CreateShareForm scopes={scopes} onCreated={setCreated} />
      </TitledSection>
      {created ? <CreatedShareCard created={created} onDone={() => setCreated(null)} /> : null}
      <TitledSection title={t("shares.list.title")}>
        <ShareLinksTable shares={shares} />
      </TitledSection>
    </div>
  );
}

function CreateShareForm({ scopes, onCreated }: { scopes: ShareableScopes; onCreated: (created: CreatedShare) => void }) {
  const t = useT();
  const [expiry, setExpiry] = useState<string>("1d");
  const create = useApiMutation({
    send: (input: NewShare) => sendEnvelope<CreatedShare>({ url: "/api/v1/shares", body: newShareSchema.parse(input) }),
    refresh: true,
    onSuccess: (created) => onCreated(created),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const customAt = formText(form, "expiresAt");
    create.mutate({
      label: formText(form, "label") || undefined,
      scope: formText(form, "scope"),
      kiosk: form.get("kiosk") === "on",
      ...(expiry === CUSTOM
        ? { expiresAt: customAt && !Number.isNaN(Date.parse(customAt)) ? new Date(customAt).toISOString() : undefined }
        : { expiresIn: expiry as (typeof SHARE_EXPIRY_PRESET_NAMES)[number] }),
    });
  }

  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-3" data-testid="share-form">
      <label className="flex min-w-48 flex-1 flex-col gap-1 text-xs font-medium">
        <span className="text-muted-foreground">{t("shares.create.label")}</span>
        <input
          name="label"
          maxLength={80}
          placeholder={t("shares.create.labelPlaceholder")}
          className={fieldClassName}
          data-testid="share-label"
        />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium">
        <span className="text-muted-foreground">{t("shares.create.scope")}</span>
        <select name="scope" className={fieldClassName} data-testid="share-scope">
          {scopes.all ? <option value="all">{t("shares.create.allUnits")}</option> : null}
          {scopes.units.map((unit) => (
            <option key={unit.slug} value={unit.slug}>
              {unit.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium">
        <span className="text-muted-foreground">{t("shares.create.expiry")}</span>
        <select value={expiry} onChange={(event) => setExpiry(event.target.value)} className={fieldClassName} data-testid="share-expiry">
          {SHARE_EXPIRY_PRESET_NAMES.map((preset) => (
            <option key={preset} value={preset}>
              {t(`shares.create.presets.${preset}`)}
            </option>
          ))}
          <option value={CUSTOM}>{t("shares.create.custom")}</option>
        </select>
      </label>
      {expiry === CUSTOM ? (
        <label className="flex flex-col gap-1 text-xs font-medium">
          <span className="text-muted-foreground">{t("shares.create.customAt")}</span>
          <input
            type="datetime-local"
            name="expiresAt"
            required
            min={localInputValue(SHARE_MIN_LIFETIME_MS + 60_000)}
            max={localInputValue(SHARE_MAX_LIFETIME_MS)}
            title={t("shares.create.customHint")}
            className={fieldClassName}
            data-testid="share-expires-at"
          />
        </label>
      ) : null}
      <label className="flex h-9 items-center gap-2 text-sm">
        <input type="checkbox" name="kiosk" data-testid="share-kiosk" />
        {t("shares.create.kiosk")}
      </label>
      <Button type="submit" disabled={create.isPending} data-testid="share-submit">
        <Link2 aria-hidden />
        {t("shares.create.submit")}
      </Button>
      {create.errorMessage ? (
        <p role="alert" className="text-danger w-full text-sm" data-testid="share-error">
          {create.errorMessage}
        </p>
      ) : null}
    </form>
  );
}

function CreatedShareCard({ created, onDone }: { created: CreatedShare; onDone: () => void }) {
  const t = useT();
  return (
    <Card data-testid="share-created" className="border-primary/40">
      <CardHeader>
        <CardTitle>{t("shares.created.title")}</CardTitle>
        <CardDescription>{t("shares.created.hint")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        <CopyField
          value={created.url}
          label={t("shares.created.url")}
          copyLabel={t("shares.created.copy")}
          copiedLabel={t("shares.created.copied")}
          testId="share-url"
        />
        <Button size="sm" variant="ghost" onClick={onDone}>
          {t("shares.created.done")}
        </Button>
      </CardContent>
    </Card>
  );
}

function ShareLinksTable({ shares }: { shares: ShareView[] }) {
  const t = useT();
  const locale = useLocale();
  const clock = useBusinessClock();
  const revoke = useApiMutation({ send: (id: string) => sendEnvelope({ url: `/api/v1/shares/${id}`, method: "DELETE" }), refresh: true });
  const when = (value: string | null) => (value ? clock.format(value) : t("shares.list.never"));
  const labelOf = (share: ShareView) => share.label ?? t("shares.list.untitled");
  return (
    <>
      <DataTable
        testId="share-links"
        rows={shares}
        rowKey={(share) => share.id}
        rowData={(share) => ({ "data-share-id": share.id, "data-status": share.status, "data-label": share.label ?? "" })}
        empty={t("shares.list.empty")}
        columns={[
          { key: "label", label: t("shares.list.columns.label"), cell: (share) => labelOf(share), className: "max-w-56 truncate" },
          { key: "scope", label: t("shares.list.columns.scope"), cell: (share) => share.businessUnit?.name ?? t("shares.create.allUnits") },
          { key: "kiosk", label: t("shares.list.columns.kiosk"), cell: (share) => t(share.kiosk ? "shares.list.yes" : "shares.list.no") },
          { key: "createdBy", label: t("shares.list.columns.createdBy"), cell: (share) => share.createdBy },
          { key: "created", label: t("shares.list.columns.created"), cell: (share) => when(share.createdAt) },
          { key: "expires", label: t("shares.list.columns.expires"), cell: (share) => when(share.expiresAt) },
          { key: "lastViewed", label: t("shares.list.columns.lastViewed"), cell: (share) => when(share.lastViewedAt) },
          { key: "views", label: t("shares.list.columns.views"), cell: (share) => formatNumber(share.viewCount, locale), numeric: true },
          {
            key: "status",
            label: t("shares.list.columns.status"),
            cell: (share) => (
              <Badge tone={STATUS_TONES[share.status]} data-testid="share-status">
                {t(`shares.list.statuses.${share.status}`)}
              </Badge>
            ),
          },
          {
            key: "actions",
            label: t("shares.list.columns.actions"),
            cell: (share) =>
              share.status === "active" ? (
                <Button
                  size="sm"
                  variant="outline"
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate(share.id)}
                  aria-label={t("shares.list.revokeLabel", { label: labelOf(share) })}
                  data-testid="share-revoke"
                >
                  {t("shares.list.revoke")}
                </Button>
              ) : null,
          },
        ]}
      />
      {revoke.errorMessage ? (
        <p role="alert" className="text-danger text-sm" data-testid="share-revoke-error">
          {revoke.errorMessage}
        </p>
      ) : null}
    </>
  );
}
