import { describe, expect, it } from "vitest";

import { canOpen, homeFor, isRole, PAGE_ROLES, rolesForPath, ROLES } from "../lib/permissions";

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
    ["ADMIN", "/notifications", true],
  ] as const)("%s on %s → %s", (role, path, allowed) => {
    expect(canOpen(role, path)).toBe(allowed);
  });

  it("does not let a prefix match a different page", () => {
    expect(rolesForPath("/pipelines-elsewhere")).toBeUndefined();
    expect(canOpen("ADMIN", "/unknown")).toBe(false);
  });

  it("lets ADMIN open every listed page", () => {
    for (const { path } of PAGE_ROLES) expect(canOpen("ADMIN", path)).toBe(true);
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
