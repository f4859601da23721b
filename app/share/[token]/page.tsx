import { Eye, Link2Off } from "lucide-react";
import type { Metadata } from "next";

import { KioskLayer } from "@/components/overview/kiosk-layer";
import { OverviewBody } from "@/components/overview/overview-body";
import { ShareViewer } from "@/components/shares/share-viewer";
import { FullPageMessage } from "@/components/shell/full-page-message";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { getTranslator } from "@/lib/i18n/server";
import { getRealtimeClientConfig } from "@/lib/realtime/client-config";
import { openShareView } from "@/lib/shares/resolve-share";
import { shareChannels } from "@/lib/shares/share-channels";
import { getShareKpis, listShareInvoices } from "@/lib/shares/share-overview";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  // A share link's URL is its secret: keep it out of search engines.
  return { title: t("shares.viewer.title"), robots: { index: false, follow: false } };
}

/** The public, read-only live overview behind a share link: no shell, no navigation, no account. */
export default async function SharePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, lookup] = await Promise.all([getTranslator(), openShareView(token)]);
  // proxy.ts answers these with a 404 or 410 page first; this covers a link that ended in between.
  if (lookup.status !== "active") {
    return (
      <FullPageMessage
        icon={Link2Off}
        title={t(`shares.unavailable.${lookup.status}.title`)}
        description={t(`shares.unavailable.${lookup.status}.description`)}
      />
    );
  }
  const { share } = lookup;
  const [snapshot, invoices] = await Promise.all([getShareKpis(share), listShareInvoices(share)]);
  const title = share.label ?? (share.unit ? t("shares.viewer.unitTitle", { unit: share.unit.name }) : t("shares.viewer.allTitle"));
  const content = (
    <>
      <PageHeader
        title={title}
        description={share.kiosk ? undefined : t("shares.viewer.description")}
        actions={
          <Badge tone="info" data-testid="share-badge">
            <Eye aria-hidden className="size-3.5" />
            {t("shares.viewer.badge")}
          </Badge>
        }
      />
      <OverviewBody snapshot={snapshot} invoices={invoices} unitSlug={share.unit?.slug ?? null} />
    </>
  );
  const { share: shareChannel, viewers } = shareChannels(share);
  return (
    <ShareViewer
      token={token}
      expiresAt={share.expiresAt.toISOString()}
      channels={{ share: shareChannel, viewers }}
      settings={getRealtimeClientConfig()}
    >
      {share.kiosk ? (
        <KioskLayer label={t("analytics.overview.kiosk")}>{content}</KioskLayer>
      ) : (
        <main data-testid="share-view" className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6 lg:px-8">
          {content}
        </main>
      )}
    </ShareViewer>
  );
}
