// Cross-site writes, response headers, the Content-Security-Policy in a real browser, and the
// sign-in callback URL.
import { expect, test } from "@playwright/test";

import { createApiTokenFor, createUser, readUserLocale, signInByApi } from "../helpers/accounts";
import { signInWithForm } from "../helpers/ui";

test("a cookie-authenticated write from another site is refused and changes nothing", async ({ request }) => {
  const user = await createUser("VIEWER");
  await signInByApi(request, user.email, user.password);
  const before = await readUserLocale(user.email);
  const foreign: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }, { origin: "null" }];
  for (const headers of foreign) {
    const refused = await request.put("/api/v1/locale", { data: { locale: "es" }, headers });
    expect(refused.status(), JSON.stringify(headers)).toBe(403);
    expect((await refused.json()).error.code).toBe("CROSS_SITE_REQUEST");
  }
  expect(await readUserLocale(user.email)).toBe(before);
  const sameSite = await request.put("/api/v1/locale", {
    data: { locale: "es" },
    headers: { origin: new URL(test.info().project.use.baseURL!).origin },
  });
  expect(sameSite.ok()).toBe(true);
  expect(await readUserLocale(user.email)).toBe("es");
});

test("an API token needs no Origin: it is not sent by browsers on their own", async ({ playwright, baseURL }) => {
  const user = await createUser("ANALYST");
  const token = await createApiTokenFor(user.email);
  const client = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${token}`, origin: "https://elsewhere.example" },
  });
  expect((await client.put("/api/v1/locale", { data: { locale: "pt-BR" } })).ok()).toBe(true);
  await client.dispose();
});

test("pages carry a nonce CSP, no framing, nosniff, a referrer and a permissions policy", async ({ request }) => {
  const response = await request.get("/login");
  const headers = response.headers();
  const csp = headers["content-security-policy"]!;
  expect(csp).toMatch(/script-src [^;]*'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp).not.toMatch(/script-src [^;]*'unsafe-inline'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  // A fresh nonce per response.
  const again = (await request.get("/login")).headers()["content-security-policy"]!;
  expect(again.match(/'nonce-([^']+)'/)![1]).not.toBe(csp.match(/'nonce-([^']+)'/)![1]);
});

test("the app runs under its CSP: signed in, the overview renders with no violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(message.text())) violations.push(message.text());
  });
  const user = await createUser("ADMIN");
  await page.goto("/login");
  await signInWithForm(page, user.email, user.password);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await page.goto("/");
  // LIVE: the realtime socket connected under connect-src, and the client scripts ran under the nonce.
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "LIVE");
  await expect(page.getByTestId("region-map").locator("svg path").first()).toBeVisible();
  await page.goto("/analytics");
  await page.waitForLoadState("networkidle");
  expect(violations).toEqual([]);
});

for (const callbackUrl of ["/\t/evil.example", "//evil.example", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"]) {
  test(`sign-in with callbackUrl ${JSON.stringify(callbackUrl)} stays on this site`, async ({ page, baseURL }) => {
    const user = await createUser("VIEWER");
    await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await signInWithForm(page, user.email, user.password);
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  });
}
