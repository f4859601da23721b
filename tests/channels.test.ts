import { describe, expect, it } from "vitest";

import { canSubscribe, CHANNELS, runChannels, scopedChannel, type Subscriber } from "../lib/realtime/channels";

const UNITS = ["orglight", "perfil"];
const admin: Subscriber = { role: "ADMIN", businessUnitSlug: null };
const orglightManager: Subscriber = { role: "MANAGER", businessUnitSlug: "orglight" };
const analyst: Subscriber = { role: "ANALYST", businessUnitSlug: null };
const viewer: Subscriber = { role: "VIEWER", businessUnitSlug: null };

describe("channel authorization by role and scope", () => {
  it.each([
    [admin, "private-kpis", true],
    [admin, "private-kpis-bu-perfil", true],
    [orglightManager, "private-kpis-bu-orglight", true],
    [orglightManager, "private-kpis-bu-perfil", false],
    [orglightManager, "private-kpis", false],
    [orglightManager, "private-invoices", false],
    [orglightManager, "private-invoices-bu-orglight", true],
    [orglightManager, "private-invoices-bu-perfil", false],
    [viewer, "private-kpis", true],
    [viewer, "private-invoices-bu-perfil", true],
    [viewer, "private-pipeline", false],
    [viewer, "private-pipeline-bu-perfil", false],
    [analyst, "private-pipeline", true],
    [analyst, "private-pipeline-bu-perfil", true],
    // A scoped manager follows its own unit's runs, never the all-units list.
    [orglightManager, "private-pipeline", false],
    [orglightManager, "private-pipeline-bu-orglight", true],
    [orglightManager, "private-pipeline-bu-perfil", false],
    // Viewers see who else watches, within their scope.
    [viewer, "presence-viewers", true],
    [orglightManager, "presence-viewers", false],
    [orglightManager, "presence-viewers-bu-orglight", true],
    [orglightManager, "presence-viewers-bu-perfil", false],
    [admin, "private-viewers-bu-perfil", false],
    [admin, "presence-kpis-bu-perfil", false],
    [admin, "private-kpis-bu-unknown", false],
    [admin, "private-anything-else", false],
    [admin, "public-channel", false],
    [admin, "private-pipeline-run-abc", false],
  ] as const)("%o on %s → %s", (user, channel, allowed) => {
    expect(canSubscribe(user, channel, { unitSlugs: UNITS })).toBe(allowed);
  });

  it.each([
    [analyst, "perfil", true],
    [analyst, null, true],
    [viewer, "perfil", false],
    [orglightManager, "orglight", true],
    // Another unit's run, or a run of every unit, is not the scoped manager's to watch.
    [orglightManager, "perfil", false],
    [orglightManager, null, false],
    [admin, undefined, false],
  ] as const)("%o on a run of unit %s → %s", (user, runUnitSlug, allowed) => {
    expect(canSubscribe(user, CHANNELS.pipelineRun(7), { unitSlugs: UNITS, runUnitSlug })).toBe(allowed);
  });

  it("points each user at the channel of its scope, and a run's news at its unit", () => {
    expect(scopedChannel("kpis", null)).toBe(CHANNELS.kpis);
    expect(scopedChannel("kpis", "perfil")).toBe("private-kpis-bu-perfil");
    expect(scopedChannel("invoices", "orglight")).toBe("private-invoices-bu-orglight");
    expect(scopedChannel("pipeline", "orglight")).toBe("private-pipeline-bu-orglight");
    expect(runChannels(7, "perfil")).toEqual(["private-pipeline", "private-pipeline-bu-perfil", "private-pipeline-run-7"]);
    expect(runChannels(8, null)).toEqual(["private-pipeline", "private-pipeline-run-8"]);
  });
});
