import type { Metadata } from "next";

import { TokenManager } from "@/components/tokens/token-manager";
import { PageHeader } from "@/components/ui/page-header";
import { getTranslator } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";
import { listTokens } from "@/lib/tokens/manage-tokens";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("pages.tokens.title") };
}

export default async function TokensPage() {
  const user = await requireUser("/admin/tokens");
  const [t, tokens] = await Promise.all([getTranslator(), listTokens(user, { all: true })]);
  return (
    <>
      <PageHeader title={t("pages.tokens.title")} description={t("admin.tokens.adminIntro")} />
      <TokenManager tokens={tokens} showOwner />
    </>
  );
}
