// The invoice stream's shared shapes (client-safe): published on private-invoices[-bu-{slug}]
// as INVOICES_EVENT, read by the invoices page and the overview's ticker. The API's shapes live in
// views.ts: this module stays free of zod, as the overview's bundle imports it.
import type { GeneratorView, InvoiceSummary } from "./views";

export const INVOICES_EVENT = "invoices.created";

export type { GeneratorStateName, GeneratorStatusView, GeneratorView, InvoiceStatsView, InvoiceSummary } from "./views";

/** A generator's settings and state, without `produced` (which depends on the receiver's scope). */
export type GeneratorStateChange = Omit<GeneratorView, "produced">;

export interface InvoicesCreatedEvent {
  /** Oldest first; a big tick arrives as several events in one batch. */
  invoices: InvoiceSummary[];
  /** The generator that made `invoices`: its unit's slug, or null for the all-units generator. */
  producer?: string | null;
  /**
   * Present when a generator changed: started, stopped, reset, or its run ended. A unit's channel
   * carries only its unit's generator and its share of the all-units one (without the rate).
   */
  generator?: GeneratorStateChange;
  /**
   * Present after Reset removed generated invoices: of the unit with this display name
   * (as in InvoiceSummary.businessUnit), or of every unit when null. Subscribers refetch.
   */
  reset?: { businessUnit: string | null };
}
