// The baseline the set-based load is measured against: the obvious row-by-row ETL,
// one Prisma upsert per dimension and per fact, for each CSV row.
import { createReadStream } from "node:fs";

import { parse } from "csv-parse";

import { createPrismaClient } from "../lib/server/prisma-client";

export async function naiveUpsert(databaseUrl: string, file: string, limit: number): Promise<number> {
  const db = createPrismaClient(databaseUrl, 2);
  const units = new Map((await db.businessUnit.findMany()).map((unit) => [unit.slug, unit.id]));
  const parser = createReadStream(file).pipe(parse({ columns: true, to: limit }));
  let rows = 0;
  try {
    for await (const row of parser as AsyncIterable<Record<string, string>>) {
      const region = await db.region.upsert({ where: { code: row.region! }, update: {}, create: { code: row.region!, name: row.region! } });
      const branch = await db.branch.upsert({
        where: { code: row.branch! },
        update: {},
        create: { code: row.branch!, name: row.branch!, regionId: region.id },
      });
      const unitId = units.get(row.business_unit!)!;
      const person = await db.salesperson.upsert({
        where: { code: row.salesperson! },
        update: {},
        create: { code: row.salesperson!, name: row.salesperson!, branchId: branch.id, businessUnitId: unitId },
      });
      const product = await db.product.upsert({
        where: { sku: row.product_sku! },
        update: {},
        create: {
          sku: row.product_sku!,
          name: row.product_name!,
          line: row.product_line!,
          category: row.category!,
          unitCost: row.unit_cost!,
          listPrice: row.unit_price!,
        },
      });
      const customer = await db.customer.upsert({
        where: { code: row.customer! },
        update: {},
        create: { code: row.customer!, name: row.customer! },
      });
      const quantity = Number(row.quantity);
      const revenue = (quantity * Number(row.unit_price) * (1 - Number(row.discount))).toFixed(4);
      const cost = (quantity * Number(row.unit_cost)).toFixed(4);
      const values = {
        orderId: row.order_id!,
        soldAt: new Date(`${row.order_date}+03:00`),
        businessUnitId: unitId,
        branchId: branch.id,
        salespersonId: person.id,
        productId: product.id,
        customerId: customer.id,
        quantity,
        unitPrice: row.unit_price!,
        discount: row.discount!,
        revenue,
        cost,
        profit: (Number(revenue) - Number(cost)).toFixed(4),
        source: "IMPORT" as const,
      };
      await db.sale.upsert({
        where: { externalKey: `naive:${row.order_id}:${row.line}` },
        update: values,
        create: { externalKey: `naive:${row.order_id}:${row.line}`, ...values },
      });
      rows += 1;
    }
  } finally {
    await db.$disconnect();
  }
  return rows;
}
