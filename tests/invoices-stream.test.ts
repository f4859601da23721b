// The invoices page's client logic: folding events into exact stats, merging refetches without
// duplicates, revealing the queue at its own pace, and splitting broadcasts under Pusher's limit.
import { describe, expect, it } from "vitest";

import { HIGHLIGHT_MS, revealNext, type QueueState } from "../components/invoices/use-reveal-queue";
import { buildInvoiceEvents, chunkInvoices } from "../lib/invoices/invoice-events";
import { applyInvoicesEvent, EMPTY_STATS, mergeFetched, upperBound, type InvoiceStreamData } from "../lib/invoices/stream-state";
import type { GeneratorStatusView, InvoiceSummary } from "../lib/invoices/types";
import { toLiveMessage } from "../lib/realtime/publish";

function invoice(id: number, total = "115.00", unit = "Orglight"): InvoiceSummary {
  return {
    id,
    number: `SIM-${unit.toUpperCase()}-${String(id).padStart(6, "0")}`,
    company: "Kub, Gleason and Hilpert",
    businessUnit: unit,
    branch: "Nairobi Industrial Area",
    subtotal: "100.00",
    vat: "15.00",
    total,
    issuedAt: new Date(1_700_000_000_000 + id * 200).toISOString(),
  };
}

const idleStatus: GeneratorStatusView = {
  state: "IDLE",
  ratePerSecond: 5,
  durationSeconds: 300,
  produced: 0,
  startedAt: null,
  endsAt: null,
  businessUnit: null,
  generators: [],
};
const empty: InvoiceStreamData = { stats: EMPTY_STATS, status: idleStatus, invoices: [] };
const ids = (data: InvoiceStreamData) => data.invoices.map((entry) => entry.id);

describe("folding events", () => {
  it("adds new invoices to the stats exactly and ignores ones already known", () => {
    const once = applyInvoicesEvent(empty, { invoices: [invoice(1, "0.10"), invoice(2, "0.20")] });
    expect(once.stats).toMatchObject({ count: 2, subtotal: "200.00", vat: "30.00", total: "0.30", average: "0.15" });
    const again = applyInvoicesEvent(once, { invoices: [invoice(2, "0.20"), invoice(3, "0.05")] });
    expect(again.stats).toMatchObject({ count: 3, total: "0.35", average: "0.12" });
    expect(ids(again)).toEqual([1, 2, 3]);
  });

  it("starts a new run's produced count at zero and keeps it through the run's end", () => {
    const started = applyInvoicesEvent(empty, {
      invoices: [],
      generator: { ...idleStatus, state: "RUNNING", startedAt: "2026-05-14T12:00:00.000Z", endsAt: "2026-05-14T12:05:00.000Z" },
    });
    expect(started.status).toMatchObject({ state: "RUNNING", produced: 0 });
    const running = applyInvoicesEvent(started, { invoices: [invoice(1), invoice(2)] });
    expect(running.status.produced).toBe(2);
    const ended = applyInvoicesEvent(running, { invoices: [invoice(3)], generator: { ...started.status, state: "IDLE" } });
    expect(ended.status).toMatchObject({ state: "IDLE", produced: 3 });
  });

  it("counts each generator's invoices on its own entry, and applies a change only to its generator", () => {
    const { generators: _, ...allUnits } = idleStatus;
    const both: InvoiceStreamData = {
      ...empty,
      status: { ...idleStatus, generators: [allUnits, { ...allUnits, businessUnit: "perfil" }] },
    };
    const fromPerfil = applyInvoicesEvent(both, { invoices: [invoice(1, "115.00", "Perfil")], producer: "perfil" });
    expect(fromPerfil.status.produced).toBe(0);
    expect(fromPerfil.status.generators.map((generator) => generator.produced)).toEqual([0, 1]);
    const fromAll = applyInvoicesEvent(fromPerfil, { invoices: [invoice(2)], producer: null });
    expect(fromAll.status.produced).toBe(1);
    expect(fromAll.status.generators.map((generator) => generator.produced)).toEqual([1, 1]);
    const perfilStarted = applyInvoicesEvent(fromAll, {
      invoices: [],
      generator: { ...allUnits, businessUnit: "perfil", state: "RUNNING", startedAt: "2026-05-14T12:00:00.000Z" },
    });
    expect(perfilStarted.status).toMatchObject({ state: "IDLE", produced: 1 });
    expect(perfilStarted.status.generators.map((generator) => [generator.state, generator.produced])).toEqual([
      ["IDLE", 1],
      ["RUNNING", 0],
    ]);
  });

  it("clears everything on a full reset and one unit's invoices on a partial one", () => {
    const data = applyInvoicesEvent(empty, { invoices: [invoice(1), invoice(2, "115.00", "Perfil"), invoice(3)] });
    expect(ids(applyInvoicesEvent(data, { invoices: [], reset: { businessUnit: "Orglight" } }))).toEqual([2]);
    const cleared = applyInvoicesEvent(data, { invoices: [], reset: { businessUnit: null } });
    expect(cleared.invoices).toEqual([]);
    expect(cleared.stats).toEqual(EMPTY_STATS);
  });
});

describe("merging a refetch", () => {
  const current = applyInvoicesEvent(empty, { invoices: [1, 2, 3, 4, 5, 6].map((id) => invoice(id)) });
  const fetched = (newest: number[]) => ({ stats: EMPTY_STATS, status: idleStatus, newestFirst: newest.map((id) => invoice(id)) });

  it("keeps invoices that arrived by events after the read and older ones beyond the limit", () => {
    expect(ids(mergeFetched(current, fetched([5, 4, 3]), 3))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("drops invoices a reset removed", () => {
    // The fetch spans 2–5 and lacks 3: it was deleted. A complete answer also rules out 1.
    expect(ids(mergeFetched(current, fetched([5, 4, 2]), 10))).toEqual([2, 4, 5, 6]);
    expect(ids(mergeFetched(current, fetched([]), 10))).toEqual([]);
  });
});

describe("revealing the queue", () => {
  const list = [1, 2, 3, 5, 8].map((id) => invoice(id));

  it("reveals one queued invoice per beat, oldest first, and highlights it for a while", () => {
    let state: QueueState = { cursor: 2, revealedAt: new Map<number, number>() };
    expect(upperBound(list, state.cursor)).toBe(2);
    state = revealNext(state, list, 0);
    expect(state.cursor).toBe(3);
    state = revealNext(state, list, 500);
    state = revealNext(state, list, 1000);
    expect(state.cursor).toBe(8);
    expect([...state.revealedAt.keys()]).toEqual([3, 5, 8]);
    const drained = revealNext(state, list, 1000 + HIGHLIGHT_MS);
    expect(drained.cursor).toBe(8);
    expect([...drained.revealedAt.keys()]).toEqual([]);
    expect(revealNext(drained, list, 5000)).toBe(drained);
  });
});

describe("broadcast events", () => {
  it("splits a big tick into events that each fit in 10 KB once wrapped", () => {
    const invoices = Array.from({ length: 1000 }, (_, index) => invoice(index + 1));
    const chunks = chunkInvoices(invoices);
    expect(chunks.flat()).toEqual(invoices);
    for (const chunk of chunks) expect(toLiveMessage(1, { invoices: chunk }).refetch).toBeUndefined();
  });

  it("sends a unit's invoices only to that unit's channel", () => {
    const events = buildInvoiceEvents({
      unitSlugs: ["orglight", "perfil"],
      created: [{ unit: { slug: "orglight", name: "Orglight" }, invoices: [invoice(1), invoice(2)] }],
    });
    expect(events.map((event) => event.channel)).toEqual(["private-invoices", "private-invoices-bu-orglight"]);
  });

  it("becomes a refetch signal when a catch-up is too big to stream", () => {
    const invoices = Array.from({ length: 3000 }, (_, index) => invoice(index + 1));
    const events = buildInvoiceEvents({ unitSlugs: [], created: [{ unit: { slug: "orglight", name: "Orglight" }, invoices }] });
    expect(events).toHaveLength(1);
    expect(toLiveMessage(1, events[0]!.data).refetch).toBe(true);
  });
});
