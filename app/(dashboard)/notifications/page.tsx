import type { Metadata } from "next";

import { NotificationSettings } from "@/components/notifications/notification-settings";
import { PageHeader } from "@/components/ui/page-header";
import { getTranslator } from "@/lib/i18n/server";
import { listDeliveries, listTargets } from "@/lib/notifications/manage";
import { requireUser } from "@/lib/server/auth/require-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("pages.notifications.title") };
}

export default async function NotificationsPage() {
  await requireUser("/notifications");
  const [t, targets, deliveries] = await Promise.all([getTranslator(), listTargets(), listDeliveries()]);
  return (
    <>
      <PageHeader title={t("pages.notifications.title")} description={t("pages.notifications.description")} />
      <NotificationSettings targets={targets} deliveries={deliveries} />
    </>
  );
}
