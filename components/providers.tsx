"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { SessionProvider } from "next-auth/react";
import { useState, type ReactNode } from "react";

import { I18nProvider } from "@/components/i18n/i18n-provider";
import { ThemeProvider } from "@/components/shell/theme-provider";
import type { Locale } from "@/lib/i18n/config";
import type { Messages } from "@/lib/i18n/translate";
import type { Theme } from "@/lib/theme/config";

function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Realtime events invalidate what changed, so data fetched a moment ago need not be refetched on mount.
      queries: { staleTime: 30_000, retry: 2 },
      mutations: { retry: 0 },
    },
  });
}

export function Providers({
  locale,
  messages,
  theme,
  children,
}: {
  locale: Locale;
  messages: Messages;
  theme: Theme;
  children: ReactNode;
}) {
  // One client per browser tab, created once (not per render).
  const [queryClient] = useState(createQueryClient);
  return (
    <SessionProvider refetchOnWindowFocus={false}>
      <QueryClientProvider client={queryClient}>
        <I18nProvider locale={locale} messages={messages}>
          <ThemeProvider initialTheme={theme}>{children}</ThemeProvider>
        </I18nProvider>
      </QueryClientProvider>
    </SessionProvider>
  );
}
