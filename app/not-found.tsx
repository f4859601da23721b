import { SearchX } from "lucide-react";
import Link from "next/link";

import { FullPageMessage } from "@/components/shell/full-page-message";
import { buttonClassName } from "@/components/ui/button";
import { getTranslator } from "@/lib/i18n/server";
import { homeFor } from "@/lib/permissions";
import { getCurrentUser } from "@/lib/server/auth/current-user";

export default async function NotFound() {
  const [t, user] = await Promise.all([getTranslator(), getCurrentUser()]);
  return (
    <FullPageMessage
      icon={SearchX}
      code="404"
      title={t("errors.notFound.title")}
      description={t("errors.notFound.description")}
      action={
        <Link href={user ? homeFor(user.role) : "/login"} className={buttonClassName()}>
          {t("common.goHome")}
        </Link>
      }
    />
  );
}
