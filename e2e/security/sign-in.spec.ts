// Sign-in throttling and the way back after sign-in, against the built app.
import { expect, test, type APIResponse } from "@playwright/test";

import { createUser, getSession, signInByApi } from "../helpers/accounts";

const outcome = async (response: APIResponse): Promise<"throttled" | "wrong" | "signed-in"> => {
  const { url } = (await response.json()) as { url: string };
  return url.includes("error=THROTTLED") ? "throttled" : url.includes("error=") ? "wrong" : "signed-in";
};

test("30 parallel guesses from 30 addresses get at most 5 password checks; the owner still gets in", async ({ playwright, baseURL }) => {
  const owner = await createUser("VIEWER");
  const usual = { "x-forwarded-for": "192.0.2.10" };
  const first = await playwright.request.newContext({ baseURL });
  expect(await outcome(await signInByApi(first, owner.email, owner.password, usual))).toBe("signed-in");

  const attackers = await Promise.all(Array.from({ length: 30 }, () => playwright.request.newContext({ baseURL })));
  const outcomes = await Promise.all(
    attackers.map(async (context, i) =>
      outcome(await signInByApi(context, owner.email, "guessed-password", { "x-forwarded-for": `203.0.113.${i + 1}` })),
    ),
  );
  expect(outcomes.filter((result) => result === "wrong").length).toBeLessThanOrEqual(5);
  expect(outcomes.filter((result) => result === "throttled").length).toBeGreaterThanOrEqual(25);
  expect(outcomes).not.toContain("signed-in");

  // Right after the burst, the owner signs in from its usual address: slowed attackers, not a locked account.
  const again = await playwright.request.newContext({ baseURL });
  expect(await outcome(await signInByApi(again, owner.email, owner.password, usual))).toBe("signed-in");
  expect((await getSession(again)).user?.email).toBe(owner.email);
  await Promise.all([first, again, ...attackers].map((context) => context.dispose()));
});

test("a spoofed X-Forwarded-For does not reset an address's failures when the proxy appends the real one", async ({ request }) => {
  const user = await createUser("VIEWER");
  // The trusted proxy appends the client's address last; whatever the client wrote before it is ignored.
  const headers = (spoof: number) => ({ "x-forwarded-for": `198.51.100.${spoof}, 192.0.2.77` });
  for (let attempt = 0; attempt < 5; attempt += 1) await signInByApi(request, user.email, "wrong-password", headers(attempt));
  expect(await outcome(await signInByApi(request, user.email, user.password, headers(99)))).toBe("throttled");
});
