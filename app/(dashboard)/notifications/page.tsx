import { Bell } from "lucide-react";
import type { Metadata } from "next";

import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getTranslator } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("pages.notifications.title") };
}

export default async function NotificationsPage() {
  await requireUser("/notifications");
  const t = await getTranslator();
  return (
    <>
      <PageHeader title={t("pages.notifications.title")} description={t("pages.notifications.description")} />
      <EmptyState icon={Bell} title={t("common.comingSoon")} description={t("pages.notifications.empty")} />
    </>
  );
}
