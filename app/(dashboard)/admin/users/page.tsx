import { Users } from "lucide-react";
import type { Metadata } from "next";

import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { UsersTable } from "@/components/users/users-table";
import { getTranslator } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";
import { listUsers } from "@/lib/users/list-users";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("pages.users.title") };
}

export default async function UsersPage() {
  await requireUser("/admin/users");
  const [t, users] = await Promise.all([getTranslator(), listUsers()]);
  return (
    <>
      <PageHeader title={t("pages.users.title")} description={t("pages.users.description")} />
      {users.length > 0 ? (
        <UsersTable users={users} />
      ) : (
        <EmptyState icon={Users} title={t("pages.users.title")} description={t("pages.users.empty")} />
      )}
    </>
  );
}
