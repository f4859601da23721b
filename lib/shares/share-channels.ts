// The channels a share link's viewers may subscribe to: the overview's streams of the link's scope
// (KPIs, the invoice ticker, the viewers' presence) and the link's own channel. Nothing else.
import { CHANNELS, scopedChannel } from "../realtime/channels";

export interface ShareScope {
  id: string;
  /** null: every business unit. */
  unit: { slug: string } | null;
}

export function shareChannels({ id, unit }: ShareScope) {
  const slug = unit?.slug ?? null;
  return {
    kpis: scopedChannel("kpis", slug),
    invoices: scopedChannel("invoices", slug),
    viewers: scopedChannel("viewers", slug),
    share: CHANNELS.share(id),
  };
}

export function canShareSubscribe(share: ShareScope, channel: string): boolean {
  return Object.values(shareChannels(share)).includes(channel);
}
