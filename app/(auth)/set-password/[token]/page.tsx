import { LinkIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { AuthScreen } from "@/components/auth/auth-screen";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { FullPageMessage } from "@/components/shell/full-page-message";
import { buttonClassName } from "@/components/ui/button";
import { getTranslator } from "@/lib/i18n/server";
import { inspectPasswordLink } from "@/lib/users/password-links";

export const dynamic = "force-dynamic";

// The token is in the address: keep it out of search engines and of Referer headers to other sites.
export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: "no-referrer" };

/** An invitation or reset link: choose a password, or read why the link no longer works. No session needed. */
export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, link] = await Promise.all([getTranslator(), inspectPasswordLink(token)]);
  if (link.state !== "valid") {
    return (
      <FullPageMessage
        icon={LinkIcon}
        code="410"
        title={t(`admin.setPassword.${link.state}Title`)}
        description={t(`admin.setPassword.${link.state}`)}
        action={
          <Link href="/login" className={buttonClassName()} data-testid="link-unusable">
            {t("admin.setPassword.signIn")}
          </Link>
        }
      />
    );
  }
  const title = link.purpose === "INVITE" ? "admin.setPassword.inviteTitle" : "admin.setPassword.resetTitle";
  return (
    <AuthScreen title={t(title, { name: link.name })} description={t("admin.setPassword.description", { email: link.email })}>
      <SetPasswordForm token={token} email={link.email} />
    </AuthScreen>
  );
}
