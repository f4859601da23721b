import type { ReactNode } from "react";

import { LocaleSwitcher } from "@/components/i18n/locale-switcher";
import { Brand } from "@/components/shell/brand";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";

/** The screen of pages used without a session (sign-in, choosing a password): brand, language, one card. */
export function AuthScreen({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col px-4 py-6">
      <div className="flex items-start justify-between gap-4">
        <Brand />
        <LocaleSwitcher className="w-44" />
      </div>
      <main className="flex flex-1 items-center justify-center py-10">
        <Card className="w-full max-w-sm">
          <CardHeader>
            <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
            <CardDescription>{description}</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">{children}</CardContent>
        </Card>
      </main>
    </div>
  );
}
