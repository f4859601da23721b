import type { Metadata } from "next";

import { PasswordForm } from "@/components/account/password-form";
import { ProfileForm } from "@/components/account/profile-form";
import { ThemeSelect } from "@/components/account/theme-select";
import { LocaleSwitcher } from "@/components/i18n/locale-switcher";
import { TokenManager } from "@/components/tokens/token-manager";
import { PageHeader } from "@/components/ui/page-header";
import { TitledSection } from "@/components/ui/titled-section";
import { toAccount } from "@/lib/account/update-account";
import { getTranslator } from "@/lib/i18n/server";
import { requireUser } from "@/lib/server/auth/require-user";
import { listTokens } from "@/lib/tokens/manage-tokens";
import { listUnitOptions } from "@/lib/users/list-users";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("admin.account.title") };
}

export default async function AccountPage() {
  const user = await requireUser("/account");
  const [t, tokens, units] = await Promise.all([getTranslator(), listTokens(user), listUnitOptions()]);
  const unitName = units.find((unit) => unit.slug === user.businessUnitSlug)?.name ?? null;
  return (
    <>
      <PageHeader title={t("admin.account.title")} description={t("admin.account.description")} />
      <div className="space-y-8">
        <TitledSection title={t("admin.account.profile")}>
          <ProfileForm account={toAccount(user)} unitName={unitName} />
        </TitledSection>
        <TitledSection title={t("admin.account.preferences")}>
          <div className="flex max-w-xl flex-wrap gap-4">
            <LocaleSwitcher className="w-56" />
            <div className="w-56">
              <ThemeSelect />
            </div>
          </div>
        </TitledSection>
        <TitledSection title={t("admin.account.password")}>
          <PasswordForm />
        </TitledSection>
        <TitledSection title={t("admin.tokens.title")} testId="account-tokens">
          <p className="text-muted-foreground max-w-3xl text-sm">{t("admin.tokens.intro")}</p>
          <TokenManager tokens={tokens} />
        </TitledSection>
      </div>
    </>
  );
}
