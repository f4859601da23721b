import { Link2Off } from "lucide-react";
import type { Metadata } from "next";

import { FullPageMessage } from "@/components/shell/full-page-message";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  // A share link's URL is its secret: keep it out of search engines.
  return { title: t("share.invalid.title"), robots: { index: false, follow: false } };
}

/** Public read-only view opened from a share link. Until share links are resolved, every token is reported unusable. */
export default async function SharePage() {
  const t = await getTranslator();
  return <FullPageMessage icon={Link2Off} title={t("share.invalid.title")} description={t("share.invalid.description")} />;
}
