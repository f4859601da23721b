import { describe, expect, it } from "vitest";

import {
  can,
  canOpen,
  CAPABILITIES,
  capabilityForPath,
  homeFor,
  isRole,
  PAGE_CAPABILITIES,
  ROLES,
  type Capability,
} from "../lib/permissions";

// The contract, written out by hand: a change to lib/permissions.ts must be made here too, on purpose.
const EXPECTED = `
capability                ADMIN  MANAGER  ANALYST  VIEWER
dashboards.read           yes    yes      yes      yes
invoices.control          yes    yes      -        -
sales.explore             yes    yes      yes      -
sales.export              yes    yes      yes      -
pipeline.read             yes    yes      yes      -
pipeline.run              yes    yes      yes      -
pipeline.sources.read     yes    yes      yes      -
pipeline.sources.manage   yes    -        -        -
pipeline.mappings.manage  yes    yes      -        -
quarantine.review         yes    yes      yes      -
notifications.manage      yes    -        -        -
status.read               yes    yes      yes      -
admin.users               yes    -        -        -
admin.audit               yes    yes      -        -
admin.tokens              yes    -        -        -
admin.shares              yes    yes      -        -
`.trim();

function capabilityTable(): string {
  // Each column as wide as its heading and two spaces.
  const row = (cells: readonly string[]) =>
    cells
      .map((cell, index) => cell.padEnd(index === 0 ? 26 : ROLES[index - 1]!.length + 2))
      .join("")
      .trimEnd();
  const header = row(["capability", ...ROLES]);
  const lines = (Object.keys(CAPABILITIES) as Capability[]).map((capability) =>
    row([capability, ...ROLES.map((role) => (can(role, capability) ? "yes" : "-"))]),
  );
  return [header, ...lines].join("\n");
}

describe("capabilities by role", () => {
  it("match the table written in this test", () => {
    const table = capabilityTable();
    console.log(table);
    expect(table).toBe(EXPECTED);
  });
});

describe("page access by role", () => {
  it.each([
    ["VIEWER", "/", true],
    ["VIEWER", "/invoices", true],
    ["VIEWER", "/analytics", true],
    ["VIEWER", "/pipeline", false],
    ["VIEWER", "/explorer", false],
    ["VIEWER", "/quarantine", false],
    ["ANALYST", "/explorer", true],
    ["ANALYST", "/pipeline/runs/42", true],
    ["ANALYST", "/admin/users", false],
    ["MANAGER", "/admin/shares", true],
    ["MANAGER", "/admin/users", false],
    ["MANAGER", "/notifications", false],
    ["ADMIN", "/admin/audit", true],
    ["MANAGER", "/admin/audit", true],
    ["ANALYST", "/admin/audit", false],
    ["ADMIN", "/notifications", true],
    ["VIEWER", "/account", true],
    ["MANAGER", "/account", true],
  ] as const)("%s on %s → %s", (role, path, allowed) => {
    expect(canOpen(role, path)).toBe(allowed);
  });

  it("does not let a prefix match a different page", () => {
    expect(capabilityForPath("/pipelines-elsewhere")).toBeUndefined();
    expect(canOpen("ADMIN", "/unknown")).toBe(false);
  });

  it("lets ADMIN open every listed page", () => {
    for (const { path } of PAGE_CAPABILITIES) expect(canOpen("ADMIN", path)).toBe(true);
  });

  it("sends every role home to a page it may open", () => {
    for (const role of ROLES) expect(canOpen(role, homeFor(role))).toBe(true);
    expect(homeFor("ANALYST")).toBe("/analytics");
  });

  it("recognises roles", () => {
    expect(isRole("VIEWER")).toBe(true);
    expect(isRole("viewer")).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
