"use client";

import { ConnectionIndicator } from "@/components/realtime/connection-indicator";
import type { InvoiceStreamData } from "@/lib/invoices/stream-state";
import { useInvoiceStream } from "@/lib/queries/use-invoice-stream";
import { useViewerTicks } from "@/lib/queries/use-viewer-ticks";

import { GeneratorPanel } from "./generator-panel";
import { InvoiceGrid } from "./invoice-grid";
import { InvoiceStatsCards } from "./invoice-stats-cards";
import { useRevealQueue } from "./use-reveal-queue";

export interface InvoiceStreamProps {
  initial: InvoiceStreamData;
  /** "all" or the caller's unit slug. */
  scope: string;
  channel: string;
  /** Null for roles that only watch; the server enforces it anyway. */
  controls: { unitName: string | null } | null;
  currency: string;
  vatRate: number;
  timeZone: string;
}

/** The live invoice stream: stats cards, generator status and controls, and the revealing grid. */
export function InvoiceStream({ initial, scope, channel, controls, currency, vatRate, timeZone }: InvoiceStreamProps) {
  const { data = initial, liveStatus } = useInvoiceStream({ initial, scope, channel });
  const { shown, backlog, highlighted } = useRevealQueue(data.invoices);
  useViewerTicks(data.status.generators.some((generator) => generator.state === "RUNNING"));
  return (
    <div className="space-y-5">
      <ConnectionIndicator status={liveStatus} />
      <InvoiceStatsCards stats={data.stats} currency={currency} vatRate={vatRate} />
      <GeneratorPanel
        status={data.status}
        shown={shown}
        backlog={backlog}
        controls={controls ? { scope, ...controls } : null}
        timeZone={timeZone}
      />
      <InvoiceGrid invoices={data.invoices} shown={shown} highlighted={highlighted} currency={currency} timeZone={timeZone} />
    </div>
  );
}
