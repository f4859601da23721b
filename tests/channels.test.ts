import { describe, expect, it } from "vitest";

import { canSubscribe, CHANNELS, scopedChannel, type Subscriber } from "../lib/realtime/channels";

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
    [viewer, "private-pipeline-run-7", false],
    [analyst, "private-pipeline", true],
    [analyst, "private-pipeline-run-7", true],
    [orglightManager, "private-pipeline", true],
    [viewer, "presence-viewers", true],
    [admin, "private-kpis-bu-unknown", false],
    [admin, "private-anything-else", false],
    [admin, "public-channel", false],
    [admin, "private-pipeline-run-abc", false],
  ] as const)("%o on %s → %s", (user, channel, allowed) => {
    expect(canSubscribe(user, channel, UNITS)).toBe(allowed);
  });

  it("points each user at the channel of its scope", () => {
    expect(scopedChannel("kpis", null)).toBe(CHANNELS.kpis);
    expect(scopedChannel("kpis", "perfil")).toBe("private-kpis-bu-perfil");
    expect(scopedChannel("invoices", "orglight")).toBe("private-invoices-bu-orglight");
  });
});
