// What a deployment gives away before anyone signs in: nothing starts with the public secrets,
// health says status only, the realtime server tells an unsigned caller nothing.
import { spawnSync } from "node:child_process";

import { expect, test } from "@playwright/test";

import { E2E_REALTIME_PORT } from "../../playwright.config";

test("`npm start` in production on an external database refuses the public default secrets", () => {
  // Nothing listens on port 9: the check happens before any connection is tried.
  const started = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { PATH: process.env.PATH, NODE_ENV: "production", DATABASE_URL: "postgresql://app:pw@127.0.0.1:9/app" },
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(started.status).not.toBe(0);
  expect(started.stdout + started.stderr).toMatch(/default secrets/);
});

test("anonymous health answers status only", async ({ request }) => {
  const body = JSON.stringify(await (await request.get("/api/health")).json());
  expect(body).not.toMatch(/version|migrations|host|port|127\.0\.0\.1/i);
});

test("the realtime server answers an unsigned caller with {ok: true} and nothing else", async ({ request }) => {
  for (const path of ["/", "/health"]) {
    const response = await request.get(`http://127.0.0.1:${E2E_REALTIME_PORT}${path}`);
    expect(await response.json(), path).toEqual({ ok: true });
  }
});
