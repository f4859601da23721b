import { HealthPanel } from "@/components/status/health-panel";
import { PageHeader } from "@/components/ui/page-header";
import { checkHealth } from "@/lib/health/check-health";
import { getTranslator } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";

export default async function StatusPage() {
  await requireUser("/status");
  const [t, health] = await Promise.all([getTranslator(), checkHealth()]);
  return (
    <>
      <PageHeader title={t("status.title")} description={t("status.description")} />
      <HealthPanel initial={health} />
    </>
  );
}
