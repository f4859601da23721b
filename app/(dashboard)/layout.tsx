import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import type { ReactNode } from "react";

import { AppShell } from "@/components/shell/app-shell";
import { BusinessClockProvider } from "@/components/time/business-clock";
import { canOpen } from "@/lib/permissions";
import { getRealtimeClientConfig } from "@/lib/realtime/client-config";
import { RealtimeProvider } from "@/lib/realtime/realtime-provider";
import { getCurrentUser } from "@/lib/server/auth/current-user";
import { BUSINESS_TIME_ZONE } from "@/lib/time/business-time";

/** Every signed-in page sits in the shell. Each page still calls requireUser() for its own role check. */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  const pathname = (await headers()).get("x-pathname");
  if (!user) redirect(pathname ? `/login?callbackUrl=${encodeURIComponent(pathname)}` : "/login");
  // Checked here too because the page renders inside loading.tsx's Suspense: once that
  // streams, a 403 from the page could no longer change the response status.
  if (pathname && !canOpen(user.role, pathname)) forbidden();
  const { id, name, email, role, businessUnitSlug } = user;
  return (
    <RealtimeProvider settings={getRealtimeClientConfig()}>
      <BusinessClockProvider timeZone={BUSINESS_TIME_ZONE}>
        <AppShell user={{ id, name, email, role, businessUnitSlug }}>{children}</AppShell>
      </BusinessClockProvider>
    </RealtimeProvider>
  );
}
