import type { Metadata } from "next";

import { ShareLinks } from "@/components/shares/share-links";
import { PageHeader } from "@/components/ui/page-header";
import { getTranslator } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";
import { listShareableScopes, listShares } from "@/lib/shares/manage-shares";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("pages.shares.title") };
}

export default async function SharesPage() {
  const user = await requireUser("/admin/shares");
  const [t, shares, scopes] = await Promise.all([getTranslator(), listShares(user), listShareableScopes(user)]);
  return (
    <>
      <PageHeader title={t("pages.shares.title")} description={t("pages.shares.description")} />
      <ShareLinks shares={shares} scopes={scopes} />
    </>
  );
}
