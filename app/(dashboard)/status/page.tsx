import { StatusBoard } from "@/components/status/status-board";
import { PageHeader } from "@/components/ui/page-header";
import { getTranslator } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";
import { getDiagnostics } from "@/lib/status/get-diagnostics";

export default async function StatusPage() {
  const user = await requireUser("/status");
  const [t, diagnostics] = await Promise.all([getTranslator(), getDiagnostics(user)]);
  return (
    <>
      <PageHeader title={t("status.title")} description={t("status.description")} />
      <StatusBoard initial={diagnostics} />
    </>
  );
}
