// Something for every documented GET to answer with: demo sales and users, a pipeline run with rejected rows,
// generated invoices, a remote source, a saved mapping, a notification target and a delivery, an API token. Needs lib/server/db mocked to `database`.
import { createReadStream } from "node:fs";
import path from "node:path";

import { startGenerator } from "../../lib/invoices/controls";
import { tickInvoices } from "../../lib/invoices/tick-invoices";
import { PRESETS } from "../../lib/pipeline/mapping";
import { runPipeline } from "../../lib/pipeline/run-pipeline";
import { seedDemoData } from "../../lib/seed/seed-demo-data";
import { mintApiToken } from "../../lib/server/auth/api-token-format";
import { mintShareToken } from "../../lib/shares/share-token";
import type { TestDatabase } from "./database";

const CRAFTED = path.resolve("tests/fixtures/pipeline/every-reason.csv");
// Nothing listens here: a poll fails at once, and the suite never leaves the machine.
const UNREACHABLE_CSV = "http://127.0.0.1:9/sales.csv";
const noPublish = async () => {};

export interface ApiFixtures {
  adminId: string;
  runId: number;
  sourceId: number;
  targetId: number;
  /** An active share link's token, for the endpoints its viewer calls. */
  shareToken: string;
}

export async function seedApiFixtures({ db, url }: TestDatabase): Promise<ApiFixtures> {
  const now = new Date();
  await seedDemoData(url, { lines: 3_000, now });
  const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN", businessUnitId: null }, select: { id: true } });

  const run = await runPipeline({
    databaseUrl: url,
    open: () => createReadStream(CRAFTED),
    fileName: "every-reason.csv",
    source: "CLI",
    preset: "canonical",
    mapping: PRESETS.canonical,
    dryRun: false,
    startedById: admin.id,
    scope: null,
  });

  // A two-second run ticked once after its end: invoices exist and the generator is idle again.
  const controller = { id: admin.id, role: "ADMIN" as const, businessUnitId: null };
  await startGenerator(controller, { ratePerSecond: 10, durationSeconds: 2 }, { now: new Date(now.getTime() - 5_000), publish: noPublish });
  await tickInvoices({ now, publish: noPublish });

  const source = await db.remoteSource.create({ data: { name: "partner", url: UNREACHABLE_CSV } });
  await db.savedMapping.create({ data: { name: "Canonical copy", mapping: PRESETS.canonical, createdById: admin.id } });
  const target = await db.notificationTarget.create({ data: { kind: "EMAIL", target: "ops@example.com", label: "Ops" } });
  await db.notificationDelivery.create({
    data: { targetId: target.id, runId: run.id, status: "FAILED", attempts: 3, error: "connection refused" },
  });
  const apiToken = mintApiToken();
  await db.apiToken.create({ data: { name: "fixture", prefix: apiToken.prefix, tokenHash: apiToken.tokenHash, userId: admin.id } });
  const share = mintShareToken();
  await db.shareLink.create({
    data: { tokenHash: share.tokenHash, label: "Lobby screen", createdById: admin.id, expiresAt: new Date(now.getTime() + 86_400_000) },
  });
  return { adminId: admin.id, runId: run.id, sourceId: source.id, targetId: target.id, shareToken: share.token };
}
