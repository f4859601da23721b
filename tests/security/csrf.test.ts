// Cookie-borne writes started by another site are refused before the handler runs; same-site
// writes, non-browser callers and bearer-token callers go through.
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";

import { testUser } from "../helpers/test-user";

const updates: unknown[] = [];
vi.mock("../../lib/server/db", () => ({ db: { user: { update: (args: unknown) => (updates.push(args), Promise.resolve({})) } } }));
vi.mock("../../lib/server/auth/current-user", () => ({ getCurrentUser: () => Promise.resolve(testUser("VIEWER", null)) }));
vi.mock("next/headers", () => ({ cookies: () => Promise.resolve({ set: () => {} }) }));

const { assertSameOrigin } = await import("../../lib/server/http/same-origin");
const { PUT } = await import("../../app/api/v1/locale/route");

const request = (headers: Record<string, string>, method = "PUT") =>
  new NextRequest("http://app.example/api/v1/locale", {
    method,
    headers: { host: "app.example", "content-type": "application/json", ...headers },
    body: method === "GET" ? undefined : JSON.stringify({ locale: "es" }),
  });

describe("cross-site writes", () => {
  it.each([
    [{ origin: "https://evil.example" }],
    [{ origin: "http://app.example.evil.example" }],
    [{ origin: "null" }],
    [{ "sec-fetch-site": "cross-site" }],
    [{ "sec-fetch-site": "same-site", origin: "http://app.example" }],
  ])("are refused: %o", async (headers) => {
    updates.length = 0;
    const response = await PUT(request(headers), { params: Promise.resolve({}) });
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe("CROSS_SITE_REQUEST");
    expect(updates).toEqual([]);
  });

  it("go through from the app's own pages, and for callers that are not browsers", async () => {
    const callers: Record<string, string>[] = [{ origin: "http://app.example", "sec-fetch-site": "same-origin" }, {}];
    for (const headers of callers) {
      updates.length = 0;
      const response = await PUT(request(headers), { params: Promise.resolve({}) });
      expect(response.status).toBe(200);
      expect(updates).toHaveLength(1);
    }
  });

  it("leave reads and bearer-token callers alone", () => {
    expect(() => assertSameOrigin(request({ origin: "https://evil.example" }, "GET"))).not.toThrow();
    expect(() => assertSameOrigin(request({ origin: "https://evil.example", authorization: "Bearer pb_x" }))).not.toThrow();
  });
});
