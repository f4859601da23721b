// Writes a synthetic canonical sales CSV (for the benchmark and the kill test), streamed to disk.
import { once } from "node:events";
import { createWriteStream } from "node:fs";

const HEADER =
  "order_id,line,order_date,business_unit,region,branch,salesperson,customer,product_sku,product_name,product_line,category,quantity,unit_price,unit_cost,discount\n";

export async function writeCanonicalCsv(file: string, rows: number, options: { linesPerOrder?: number; start?: Date } = {}): Promise<void> {
  const linesPerOrder = options.linesPerOrder ?? 4;
  const startMs = (options.start ?? new Date("2025-01-01T00:00:00Z")).getTime();
  const out = createWriteStream(file);
  let chunk = HEADER;
  for (let i = 0; i < rows; i += 1) {
    const order = Math.floor(i / linesPerOrder);
    const line = (i % linesPerOrder) + 1;
    const at = new Date(startMs + order * 37_000).toISOString().slice(0, 19);
    const unit = order % 2 === 0 ? "orglight" : "perfil";
    const branch = order % 40;
    const sku = (i * 7) % 500;
    const price = (5 + (sku % 95) + 0.25).toFixed(2);
    chunk +=
      `B-${order},${line},${at},${unit},BR-${branch % 8},BRANCH-${branch},REP-${order % 120},CUST-${order % 5000},SKU-${sku},Product ${sku},` +
      `Line ${sku % 12},Category ${sku % 30},${1 + (i % 9)},${price},${(Number(price) * 0.6).toFixed(2)},${i % 10 === 0 ? "0.1" : "0"}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  out.end(chunk);
  await once(out, "finish");
}
