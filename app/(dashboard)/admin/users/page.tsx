import type { Metadata } from "next";

import { PageHeader } from "@/components/ui/page-header";
import { CreateUserDialog } from "@/components/users/create-user-dialog";
import { UserFilters } from "@/components/users/user-filters";
import { UsersTable } from "@/components/users/users-table";
import { getTranslator } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";
import { listUnitOptions, listUsers } from "@/lib/users/list-users";
import { userFilterSchema } from "@/lib/users/types";
import { firstValues, type PageSearchParams } from "@/lib/utils/search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("pages.users.title") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  await requireUser("/admin/users");
  // Empty fields of the filter form mean "any"; a malformed value is ignored rather than an error page.
  const raw = Object.fromEntries(Object.entries(firstValues(await searchParams)).filter(([, value]) => value !== ""));
  const parsed = userFilterSchema.safeParse(raw);
  const filter = parsed.success ? parsed.data : {};
  const [t, users, units] = await Promise.all([getTranslator(), listUsers(filter), listUnitOptions()]);
  return (
    <>
      <PageHeader title={t("pages.users.title")} description={t("pages.users.description")} actions={<CreateUserDialog units={units} />} />
      <UserFilters filter={filter} units={units} />
      <UsersTable users={users} units={units} />
    </>
  );
}
