import Link from "next/link";

import { ApiReference } from "@/components/api-docs/api-reference";
import { PageHeader } from "@/components/ui/page-header";
import { getTranslator } from "@/lib/i18n/server";
import { openApiDocument } from "@/lib/openapi/document";
import { requireUser } from "@/lib/server/auth/require-user";

export default async function ApiDocsPage() {
  await requireUser("/api/docs");
  const t = await getTranslator();
  return (
    <>
      <PageHeader title={t("apiDocs.title")} description={openApiDocument.info.description} />
      <p className="text-muted-foreground mb-2 max-w-3xl text-sm" data-testid="api-token-hint">
        {t("admin.tokens.docsHint")}{" "}
        <Link className="text-foreground underline" href="/account">
          {t("admin.tokens.docsLink")}
        </Link>
      </p>
      <p className="mb-4 text-sm">
        <a className="underline" href="/api/v1/openapi.json">
          {t("apiDocs.download")}
        </a>
      </p>
      <ApiReference paths={openApiDocument.paths} t={t} />
    </>
  );
}
