// Listens for the Sale triggers' notifications, so any write (the app, the ETL CLI,
// psql) refreshes the KPIs within a moment, not at the next scheduled tick.
import pg from "pg";

export async function listenForSales(databaseUrl: string, onChange: () => void): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  client.on("notification", onChange);
  // A dropped connection only costs the fast path; the scheduled refresh still runs.
  client.on("error", () => {});
  await client.query("LISTEN pulseboard_sales_changed");
  return () => client.end();
}
