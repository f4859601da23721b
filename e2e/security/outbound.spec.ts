// Remote sources and Slack targets refuse internal addresses when they are entered: nothing is
// stored and no request leaves (the e2e app allow-lists 127.0.0.1 only, for its own specs).
import { expect, test } from "@playwright/test";

import { DEMO_USERS, signInByApi } from "../helpers/accounts";

const FORBIDDEN = [
  "http://169.254.169.254/latest/meta-data/",
  "http://10.0.0.8/sales.csv",
  "http://192.168.1.1/sales.csv",
  "http://[::ffff:10.0.0.8]/sales.csv",
  "http://[fd00::1]/sales.csv",
  "http://[fe80::1]/sales.csv",
  "http://0.0.0.0/sales.csv",
  "http://224.0.0.1/sales.csv",
  "http://0xa9fea9fe/sales.csv",
  "http://localhost.:54349/",
];

test("a remote source or Slack webhook at an internal address is refused with 422 and not stored", async ({ request }) => {
  await signInByApi(request, DEMO_USERS.ADMIN);
  const count = async (path: string) => ((await (await request.get(path)).json()).data as unknown[]).length;
  const [sources, targets] = [await count("/api/v1/pipeline/sources"), await count("/api/v1/notifications/targets")];
  for (const url of FORBIDDEN) {
    const source = await request.post("/api/v1/pipeline/sources", { data: { name: "internal", url, intervalMinutes: 60 } });
    expect(source.status(), url).toBe(422);
    expect((await source.json()).error.code, url).toBe("VALIDATION_FAILED");
    const target = await request.post("/api/v1/notifications/targets", { data: { kind: "SLACK", target: url } });
    expect(target.status(), url).toBe(422);
  }
  expect(await count("/api/v1/pipeline/sources")).toBe(sources);
  expect(await count("/api/v1/notifications/targets")).toBe(targets);
});
