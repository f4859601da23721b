"use client";

import { useState, type FormEvent } from "react";

import { useT } from "@/components/i18n/i18n-provider";
import { useBusinessClock } from "@/components/time/business-clock";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { DataTable, type Column } from "@/components/ui/data-table";
import { fieldClassName } from "@/components/ui/field";
import { sendEnvelope } from "@/lib/queries/fetch-envelope";
import { useApiMutation } from "@/lib/queries/use-api-mutation";
import { TOKEN_LIFETIMES, type CreatedToken, type NewToken, type TokenView } from "@/lib/tokens/types";
import { formText } from "@/lib/utils/form-text";

const STATUS_TONES: Record<TokenView["status"], BadgeTone> = { active: "success", expired: "neutral", revoked: "danger" };
const LABEL = "flex flex-col gap-1 text-xs font-medium";

/**
 * API tokens: a creation form (the new secret is shown once, with a copy button) and the list with
 * revoke buttons. `showOwner` for the admin's list of everyone's tokens.
 */
export function TokenManager({ tokens, showOwner = false }: { tokens: TokenView[]; showOwner?: boolean }) {
  const t = useT();
  const time = useBusinessClock();
  const [lifetime, setLifetime] = useState("90");
  const create = useApiMutation({
    send: (body: NewToken) => sendEnvelope<CreatedToken>({ url: "/api/v1/tokens", body }),
    refresh: true,
  });
  const revoke = useApiMutation({
    send: (id: string) => sendEnvelope<TokenView>({ url: `/api/v1/tokens/${id}`, method: "DELETE" }),
    refresh: true,
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = formText(new FormData(form), "name");
    const expiresInDays = lifetime === "never" ? null : (Number(lifetime) as 30 | 90 | 365);
    create.mutate({ name, expiresInDays }, { onSuccess: () => form.reset() });
  }

  function confirmRevoke(token: TokenView) {
    if (window.confirm(t("admin.tokens.revokeConfirm", { name: token.name }))) revoke.mutate(token.id);
  }

  const columns: Column<TokenView>[] = [
    { key: "name", label: t("admin.tokens.columns.name"), cell: (token) => token.name, className: "font-medium" },
    { key: "prefix", label: t("admin.tokens.columns.prefix"), cell: (token) => <code className="text-xs">pb_{token.prefix}_…</code> },
    ...(showOwner
      ? [
          {
            key: "owner",
            label: t("admin.tokens.columns.owner"),
            cell: (token: TokenView) => token.owner.email,
            className: "text-muted-foreground",
          },
        ]
      : []),
    { key: "created", label: t("admin.tokens.columns.created"), cell: (token) => time.format(token.createdAt) },
    {
      key: "lastUsed",
      label: t("admin.tokens.columns.lastUsed"),
      cell: (token) =>
        token.lastUsedAt ? (
          <span>
            {time.format(token.lastUsedAt)}
            {token.lastUsedIp && (
              <span className="text-muted-foreground block text-xs">{t("admin.tokens.fromAddress", { ip: token.lastUsedIp })}</span>
            )}
          </span>
        ) : (
          t("admin.tokens.never")
        ),
    },
    {
      key: "expires",
      label: t("admin.tokens.columns.expires"),
      cell: (token) => (token.expiresAt ? time.format(token.expiresAt) : t("admin.tokens.noExpiry")),
    },
    {
      key: "status",
      label: t("admin.tokens.columns.status"),
      cell: (token) => (
        <Badge tone={STATUS_TONES[token.status]} data-testid="token-status" data-status={token.status}>
          {t(`admin.tokens.statuses.${token.status}`)}
        </Badge>
      ),
    },
    {
      key: "actions",
      label: "",
      cell: (token) =>
        token.status === "active" ? (
          <Button size="sm" variant="ghost" disabled={revoke.isPending} onClick={() => confirmRevoke(token)} data-testid="token-revoke">
            {t("admin.tokens.revoke")}
          </Button>
        ) : null,
    },
  ];

  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3" data-testid="create-token">
        <label className={`${LABEL} min-w-52 flex-1`}>
          <span className="text-muted-foreground">{t("admin.tokens.name")}</span>
          <input
            name="name"
            required
            maxLength={80}
            placeholder={t("admin.tokens.namePlaceholder")}
            className={fieldClassName}
            data-testid="token-name"
          />
        </label>
        <label className={LABEL}>
          <span className="text-muted-foreground">{t("admin.tokens.expiry")}</span>
          <select
            value={lifetime}
            onChange={(event) => setLifetime(event.target.value)}
            className={fieldClassName}
            data-testid="token-expiry"
          >
            {TOKEN_LIFETIMES.map((days) => (
              <option key={days ?? "never"} value={days ?? "never"}>
                {t(`admin.tokens.lifetimes.${days ?? "never"}`)}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" disabled={create.isPending} data-testid="token-create">
          {t("admin.tokens.create")}
        </Button>
      </form>
      {create.data && (
        <div className="border-primary/40 bg-primary/5 space-y-2 rounded-lg border p-3" data-testid="created-token">
          <p className="text-sm font-medium">{t("admin.tokens.createdTitle")}</p>
          <p className="text-muted-foreground text-xs">{t("admin.tokens.createdHint", { prefix: create.data.prefix })}</p>
          <CopyField value={create.data.token} label={t("admin.tokens.createdTitle")} testId="created-token-value" />
        </div>
      )}
      {(create.errorMessage ?? revoke.errorMessage) && (
        <p role="alert" className="text-danger text-sm" data-testid="token-error">
          {create.errorMessage ?? revoke.errorMessage}
        </p>
      )}
      <DataTable
        testId="tokens-table"
        rows={tokens}
        rowKey={(token) => token.id}
        rowData={(token) => ({ "data-testid": "token-row", "data-prefix": token.prefix })}
        empty={t("admin.tokens.empty")}
        columns={columns}
      />
    </div>
  );
}
