import { randomUUID } from "node:crypto";

import { withAppDatabase } from "./accounts";

/** Writes one sale line of a new order, sold now, straight into the database (as any writer could). */
export async function writeSale(revenue = 1234.5, unitSlug = "orglight", branchCode?: string): Promise<void> {
  const orderId = `E2E-${randomUUID().slice(0, 8)}`;
  await withAppDatabase((client) =>
    client.query(
      `INSERT INTO "Sale" ("externalKey", "orderId", "soldAt", "businessUnitId", "branchId", "salespersonId", "productId", "customerId",
                           quantity, "unitPrice", discount, revenue, cost, profit, source)
       SELECT 'e2e:' || $1, $1, now(), u.id, coalesce((SELECT id FROM "Branch" WHERE code = $4), (SELECT min(id) FROM "Branch")), (SELECT min(id) FROM "Salesperson"),
              (SELECT min(id) FROM "Product"), (SELECT min(id) FROM "Customer"), 1, $2, 0, $2, $2 * 0.6, $2 * 0.4, 'IMPORT'
       FROM "BusinessUnit" u WHERE u.slug = $3`,
      [orderId, revenue, unitSlug, branchCode ?? null],
    ),
  );
}
