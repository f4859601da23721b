// The login page's return address: a path on this site, however a link spells an escape.
import { describe, expect, it } from "vitest";

import { safeCallbackUrl } from "../../lib/utils/safe-callback-url";

describe("the callback URL after sign-in", () => {
  it.each([
    "//evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "https://evil.example/x",
    "javascript:alert(1)",
    "/login",
    "/login?x=1",
    "",
  ])("refuses %j", (value) => expect(safeCallbackUrl(value)).toBeUndefined());

  it("keeps same-site paths with their query and hash", () => {
    expect(safeCallbackUrl("/analytics?tab=products#top")).toBe("/analytics?tab=products#top");
    expect(safeCallbackUrl("/pipeline/runs/4")).toBe("/pipeline/runs/4");
  });
});
