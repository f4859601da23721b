import { beforeAll, describe, expect, it } from "vitest";

import { seedDemoData } from "../lib/seed/seed-demo-data";
import { createTestDatabase, type TestDatabase } from "./helpers/database";
import { expectRollupsExact as expectRollupsEqualRebuild } from "./helpers/expect-rollups-exact";

let database: TestDatabase;

const expectRollupsExact = () => expectRollupsEqualRebuild(database);

async function insertSales(orderId: string, lines: number, soldAt: string, branchCode = "NBO-CBD") {
  await database.db.$executeRawUnsafe(
    `INSERT INTO "Sale" ("externalKey", "orderId", "soldAt", "businessUnitId", "branchId", "salespersonId", "productId", "customerId",
                         quantity, "unitPrice", discount, revenue, cost, profit, source)
     SELECT 'test:' || $1 || ':' || n, $1, $2::timestamptz, u.id, b.id, sp.id, p.id, c.id, n, 10, 0, 10 * n, 6 * n, 4 * n, 'IMPORT'
     FROM generate_series(1, $3) n, (SELECT id FROM "BusinessUnit" WHERE slug = 'orglight') u, (SELECT id FROM "Branch" WHERE code = $4) b,
          (SELECT min(id) AS id FROM "Salesperson") sp, (SELECT min(id) AS id FROM "Product") p, (SELECT min(id) AS id FROM "Customer") c`,
    orderId,
    soldAt,
    lines,
    branchCode,
  );
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.url, { lines: 3_000, now: new Date("2026-05-14T12:00:00Z") });
});

describe("rollups kept exact by the Sale triggers", () => {
  it("start equal to a rebuild after the seed", async () => {
    await expectRollupsExact();
  });

  it("count a new order once, even when its lines arrive in separate statements", async () => {
    const branch = await database.db.branch.findFirstOrThrow({ select: { code: true } });
    await insertSales("T-1", 3, "2026-05-14T12:10:00Z", branch.code);
    await insertSales("T-1B", 1, "2026-05-14T12:10:00Z", branch.code);
    // A later statement adds a line to an order that already has lines: still one order.
    await database.db.$executeRawUnsafe(
      `INSERT INTO "Sale" ("externalKey", "orderId", "soldAt", "businessUnitId", "branchId", "salespersonId", "productId", "customerId",
                           quantity, "unitPrice", discount, revenue, cost, profit, source)
       SELECT 'test:T-1:late', "orderId", "soldAt", "businessUnitId", "branchId", "salespersonId", "productId", "customerId",
              quantity, "unitPrice", discount, revenue, cost, profit, source
       FROM "Sale" WHERE "externalKey" = 'test:T-1:1'`,
    );
    await expectRollupsExact();
    await database.db.$executeRawUnsafe(`UPDATE "Sale" SET "orderId" = 'T-1' WHERE "orderId" = 'T-1B'`);
    await expectRollupsExact();
  });

  it("follow updates that change amounts, move a line to another hour, or to another branch", async () => {
    const branches = await database.db.branch.findMany({ select: { code: true }, take: 2 });
    await insertSales("T-2", 2, "2026-05-13T08:30:00Z", branches[0]!.code);
    await database.db.$executeRawUnsafe(`UPDATE "Sale" SET revenue = revenue + 1.2345, profit = profit + 1.2345 WHERE "orderId" = 'T-2'`);
    await database.db.$executeRawUnsafe(`UPDATE "Sale" SET "soldAt" = "soldAt" + interval '2 hours' WHERE "externalKey" = 'test:T-2:1'`);
    await database.db.$executeRawUnsafe(
      `UPDATE "Sale" SET "branchId" = (SELECT id FROM "Branch" WHERE code = $1) WHERE "externalKey" = 'test:T-2:2'`,
      branches[1]!.code,
    );
    await expectRollupsExact();
  });

  it("drop buckets whose last line is deleted, and keep the rest exact", async () => {
    await insertSales("T-3", 2, "2024-01-01T03:00:00Z");
    await database.db.$executeRawUnsafe(`DELETE FROM "Sale" WHERE "externalKey" = 'test:T-3:1'`);
    await expectRollupsExact();
    await database.db.$executeRawUnsafe(`DELETE FROM "Sale" WHERE "orderId" = 'T-3'`);
    await expectRollupsExact();
    const empty = await database.db.salesHourlyRollup.count({ where: { hour: new Date("2024-01-01T03:00:00Z") } });
    expect(empty).toBe(0);
  });

  it("follow lines moved to another salesperson, customer or month, and recount a month's last day", async () => {
    await insertSales("T-4", 3, "2026-04-29T10:00:00Z");
    await database.db.$executeRawUnsafe(
      `UPDATE "Sale" SET "customerId" = (SELECT max(id) FROM "Customer") WHERE "externalKey" = 'test:T-4:1'`,
    );
    await database.db.$executeRawUnsafe(
      `UPDATE "Sale" SET "salespersonId" = (SELECT max(id) FROM "Salesperson") WHERE "externalKey" = 'test:T-4:2'`,
    );
    await expectRollupsExact();
    // The month's latest line leaves: its last day falls back to the day before.
    await database.db.$executeRawUnsafe(`UPDATE "Sale" SET "soldAt" = '2026-04-28T10:00:00Z' WHERE "externalKey" = 'test:T-4:1'`);
    await database.db.$executeRawUnsafe(`UPDATE "Sale" SET "soldAt" = '2026-05-02T10:00:00Z' WHERE "externalKey" = 'test:T-4:3'`);
    await expectRollupsExact();
    await database.db.$executeRawUnsafe(`DELETE FROM "Sale" WHERE "externalKey" = 'test:T-4:2'`);
    await expectRollupsExact();
  });

  it("stay exact through a bulk delete of seeded history", async () => {
    await database.db.$executeRawUnsafe(`DELETE FROM "Sale" WHERE "soldAt" < '2025-01-01' AND id % 3 = 0`);
    await expectRollupsExact();
  });
});
