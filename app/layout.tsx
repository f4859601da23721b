import "./globals.css";

import type { Metadata, Viewport } from "next";
import { cookies, headers } from "next/headers";
import type { ReactNode } from "react";

import { Providers } from "@/components/providers";
import { ThemeScript } from "@/components/shell/theme-script";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { parseTheme, THEME_COOKIE } from "@/lib/theme/config";

export const metadata: Metadata = {
  title: { default: "Pulseboard", template: "%s · Pulseboard" },
  description: "Real-time sales intelligence.",
  icons: { icon: [{ url: "/icons/icon.svg", type: "image/svg+xml" }], apple: "/icons/apple-touch-icon.png" },
  // Installed from Safari's "Add to Home Screen", it opens full screen like the manifest asks of other browsers.
  appleWebApp: { capable: true, title: "Pulseboard", statusBarStyle: "default" },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f8fafc" },
    { media: "(prefers-color-scheme: dark)", color: "#0f1320" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, cookieStore, requestHeaders] = await Promise.all([getLocale(), cookies(), headers()]);
  const theme = parseTheme(cookieStore.get(THEME_COOKIE)?.value);
  return (
    // The system-theme script may add `dark` before hydration; that difference is expected.
    <html lang={locale} className={theme === "dark" ? "dark" : undefined} suppressHydrationWarning>
      <head>{theme === "system" && <ThemeScript nonce={requestHeaders.get("x-nonce") ?? undefined} />}</head>
      <body className="min-h-dvh">
        <Providers locale={locale} messages={getMessages(locale)} theme={theme}>
          {children}
        </Providers>
      </body>
    </html>
  );
}
