"use client";

import { Link2Off } from "lucide-react";
import { useEffect, useMemo, useState, type ReactNode } from "react";

import { useT } from "@/components/i18n/i18n-provider";
import { FullPageMessage } from "@/components/shell/full-page-message";
import { OverviewSourceProvider, type OverviewSource } from "@/lib/queries/overview-source";
import { createShareSource, type ShareEnd } from "@/lib/queries/share-source";
import { RealtimeProvider, useRealtime, type RealtimeSettings } from "@/lib/realtime/realtime-provider";
import { SHARE_ENDPOINTS, SHARE_REVOKED_EVENT, SHARE_TOKEN_HEADER } from "@/lib/shares/share-protocol";

// setTimeout holds at most ~24.8 days; a longer wait is taken in steps.
const MAX_TIMER_MS = 2_147_483_647;

export interface ShareViewerProps {
  token: string;
  expiresAt: string;
  /** The link's own channel (revocation) and its scope's viewers' presence channel. */
  channels: { share: string; viewers: string };
  settings: RealtimeSettings;
  children: ReactNode;
}

/**
 * A share link's live overview: realtime and refetches authorized by the link's token, never a session.
 * When the link is revoked (heard on its channel, or refused by an endpoint) or expires, the overview
 * and its connection go away and the viewer says so.
 */
export function ShareViewer({ token, expiresAt, channels, settings, children }: ShareViewerProps) {
  const [end, setEnd] = useState<ShareEnd | null>(null);
  const source = useMemo(() => createShareSource(token, setEnd), [token]);
  const authorization = useMemo(() => ({ endpoint: SHARE_ENDPOINTS.realtimeAuth, headers: { [SHARE_TOKEN_HEADER]: token } }), [token]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      const left = Date.parse(expiresAt) - Date.now();
      if (left <= 0) setEnd("expired");
      else timer = setTimeout(check, Math.min(left, MAX_TIMER_MS));
    };
    check();
    return () => clearTimeout(timer);
  }, [expiresAt]);

  if (end) return <ShareEnded end={end} />;
  return (
    <RealtimeProvider settings={settings} authorization={authorization}>
      <OverviewSourceProvider source={source}>
        <ShareWatch channels={channels} source={source} onEnd={setEnd} />
        {children}
      </OverviewSourceProvider>
    </RealtimeProvider>
  );
}

function ShareWatch({
  channels,
  source,
  onEnd,
}: {
  channels: ShareViewerProps["channels"];
  source: OverviewSource;
  onEnd: (end: ShareEnd) => void;
}) {
  const { listen } = useRealtime();
  useEffect(() => {
    const stops = [
      listen(channels.share, SHARE_REVOKED_EVENT, () => onEnd("revoked")),
      // A refused subscription may mean the link just ended: a refetch asks the server, and reports it.
      listen(channels.share, "pusher:subscription_error", () => void source.kpis("").catch(() => undefined)),
      // Joining the viewers' presence channel is what shows this screen as a guest on the overview.
      listen(channels.viewers, "pusher:subscription_succeeded", () => undefined),
    ];
    return () => stops.forEach((stop) => stop());
  }, [channels.share, channels.viewers, listen, onEnd, source]);
  return null;
}

/** The screen of a link that stopped working while open. */
export function ShareEnded({ end }: { end: ShareEnd }) {
  const t = useT();
  return (
    <div data-testid="share-unavailable" data-reason={end}>
      <FullPageMessage
        icon={Link2Off}
        title={t(`shares.unavailable.${end}.title`)}
        description={t(`shares.unavailable.${end}.description`)}
      />
    </div>
  );
}
