import { ShieldX } from "lucide-react";
import Link from "next/link";

import { FullPageMessage } from "@/components/shell/full-page-message";
import { buttonClassName } from "@/components/ui/button";
import { getTranslator } from "@/lib/i18n/server";
import { homeFor } from "@/lib/permissions";
import { getCurrentUser } from "@/lib/server/auth/current-user";

/** Rendered with a 403 when requireUser() finds the role may not open the page. */
export default async function Forbidden() {
  const [t, user] = await Promise.all([getTranslator(), getCurrentUser()]);
  return (
    <FullPageMessage
      icon={ShieldX}
      code="403"
      title={t("errors.forbidden.title")}
      description={t("errors.forbidden.description")}
      action={
        <Link href={user ? homeFor(user.role) : "/login"} className={buttonClassName()}>
          {t("common.goHome")}
        </Link>
      }
    />
  );
}
